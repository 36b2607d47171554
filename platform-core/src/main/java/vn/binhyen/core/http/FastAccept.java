package vn.binhyen.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick "valid" for the common, simple request bodies, in front of the JSON-schema validator.
 * vertx-json-schema interprets a schema anew for every instance, building output units and JSON
 * pointers as it goes: about 14 % of a tip intake request's CPU (docs/benchmarks.md, "Tips").
 * Most bodies are flat objects of strings (and booleans) with lengths, patterns and enums; for
 * those schemas this check is compiled once, and a body it proves valid is valid. Anything it
 * cannot prove (a failing body, or a schema using anything else) goes to the full validator,
 * which alone decides, so every 400 and its message are the library's as before.
 *
 * <p>Conservative by construction: {@code maxLength} is checked on UTF-16 length (never less
 * than the code-point length the schema means), {@code minLength} on code points, patterns with
 * Java's regex {@code find} (the contract's patterns are plain anchored classes).
 */
final class FastAccept {

  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples",
      "deprecated", "$comment");
  private static final Set<String> OBJECT_KEYWORDS = Set.of("type", "required", "properties",
      "additionalProperties");
  private static final Set<String> VALUE_KEYWORDS = Set.of("type", "maxLength", "minLength", "pattern", "enum");

  private FastAccept() {}

  /** {@code full}, or a validator that first tries the quick check if the schema allows one. */
  static Validator around(JsonSchema schema, Validator full) {
    ObjectCheck check = compile(schema);
    if (check == null) {
      return full;
    }
    return instance -> check.accepts(instance) ? new OutputUnit(true) : full.validate(instance);
  }

  /** The quick check for an object schema, or null if the schema uses anything it does not know. */
  static ObjectCheck compile(JsonSchema schema) {
    try {
      if (!known(schema.fieldNames(), OBJECT_KEYWORDS) || !"object".equals(schema.get("type"))) {
        return null;
      }
      Object additional = schema.get("additionalProperties", true);
      if (!(additional instanceof Boolean othersAllowed)) {
        return null;
      }
      Object propsValue = schema.get("properties", new JsonObject());
      Object requiredValue = schema.get("required", new JsonArray());
      if (!(propsValue instanceof JsonObject props) || !(requiredValue instanceof JsonArray required)) {
        return null;
      }
      Map<String, ValueCheck> values = new HashMap<>();
      for (String name : props.fieldNames()) {
        if (!(props.getValue(name) instanceof JsonObject p)) {
          return null;
        }
        ValueCheck v = value(p);
        if (v == null) {
          return null;
        }
        values.put(name, v);
      }
      List<String> names = required.stream().map(x -> x instanceof String s ? s : null).toList();
      if (names.contains(null)) {
        return null;
      }
      return new ObjectCheck(values, names, othersAllowed);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean known(Set<String> keys, Set<String> allowed) {
    for (String k : keys) {
      if (!allowed.contains(k) && !ANNOTATIONS.contains(k) && !k.startsWith("x-") && !k.startsWith("__")) {
        return false;
      }
    }
    return true;
  }

  private static ValueCheck value(JsonObject p) {
    if (!known(p.fieldNames(), VALUE_KEYWORDS)) {
      return null;
    }
    Object type = p.getValue("type");
    boolean nullable;
    String base;
    if (type instanceof String t) {
      base = t;
      nullable = false;
    } else if (type instanceof JsonArray types && types.size() == 2 && types.contains("null")) {
      base = types.getString(types.getString(0).equals("null") ? 1 : 0);
      nullable = true;
    } else {
      return null;
    }
    if (base.equals("boolean")) {
      return p.fieldNames().size() == 1 ? new ValueCheck(nullable, true, null, null, null, null) : null;
    }
    if (!base.equals("string")) {
      return null;
    }
    Integer max = p.getInteger("maxLength");
    Integer min = p.getInteger("minLength");
    String pattern = p.getString("pattern");
    JsonArray choices = p.getJsonArray("enum");
    return new ValueCheck(nullable, false, max, min, pattern == null ? null : Pattern.compile(pattern),
        choices == null ? null : Set.copyOf(choices.getList()));
  }

  /** A flat object: known properties, the required ones present, others allowed or not. */
  record ObjectCheck(Map<String, ValueCheck> properties, List<String> required, boolean othersAllowed) {
    boolean accepts(Object instance) {
      if (!(instance instanceof JsonObject o)) {
        return false;
      }
      for (String name : required) {
        if (!o.containsKey(name)) {
          return false;
        }
      }
      for (Map.Entry<String, Object> e : o) {
        ValueCheck v = properties.get(e.getKey());
        if (v == null ? !othersAllowed : !v.accepts(e.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** A string (lengths, pattern, enum) or a boolean, maybe null. */
  record ValueCheck(boolean nullable, boolean bool, Integer maxLength, Integer minLength, Pattern pattern,
      Set<Object> choices) {
    boolean accepts(Object value) {
      if (value == null) {
        return nullable;
      }
      if (bool) {
        return value instanceof Boolean;
      }
      if (!(value instanceof String s)) {
        return false;
      }
      return (maxLength == null || s.length() <= maxLength)
          && (minLength == null || s.codePointCount(0, s.length()) >= minLength)
          && (pattern == null || pattern.matcher(s).find())
          && (choices == null || choices.contains(s));
    }
  }
}
