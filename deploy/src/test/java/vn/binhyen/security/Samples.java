package vn.binhyen.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Valid sample values for a schema of the contract, so that a refusal is about access, not shape. */
final class Samples {

  private static final List<String> CANDIDATES = List.of("00004", "01", "BCA", "Phường Ba Đình",
      "https://www.facebook.com/congan.phuongbadinh", "0912345678", "abc", "ABCDEFGH23",
      "a1b2c3d4e5f6a7b8", "2026-01-01", "2026-01-01T00:00:00Z", "x@example.vn", "1",
      "AAAA-BBBB-CCCC", "ABCD-EFGH-JKLM-NPQR", "BY-ABCD-EFGH-JKLM");

  private Samples() {}

  static Object value(JsonObject schema) {
    if (schema == null) {
      return "x";
    }
    if (schema.containsKey("const")) {
      return schema.getValue("const");
    }
    if (schema.containsKey("example")) {
      return schema.getValue("example");
    }
    if (schema.getJsonArray("examples") != null && !schema.getJsonArray("examples").isEmpty()) {
      return schema.getJsonArray("examples").getValue(0);
    }
    if (schema.getJsonArray("enum") != null) {
      return schema.getJsonArray("enum").getValue(0);
    }
    for (String combo : List.of("oneOf", "anyOf", "allOf")) {
      JsonArray alts = schema.getJsonArray(combo);
      if (alts != null && !alts.isEmpty()) {
        for (Object a : alts) {
          if (!"null".equals(((JsonObject) a).getValue("type"))) {
            return value((JsonObject) a);
          }
        }
      }
    }
    String type = type(schema);
    return switch (type) {
      case "integer", "number" -> {
        long min = schema.getLong("minimum", 1L);
        long max = schema.getLong("maximum", Long.MAX_VALUE);
        yield Math.min(Math.max(min, 1), max);
      }
      case "boolean" -> true;
      case "array" -> {
        JsonArray a = new JsonArray();
        for (int i = 0; i < Math.max(1, schema.getInteger("minItems", 1)); i++) {
          a.add(value(schema.getJsonObject("items")));
        }
        yield a;
      }
      case "object" -> object(schema);
      default -> string(schema);
    };
  }

  static JsonObject object(JsonObject schema) {
    JsonObject o = new JsonObject();
    JsonObject props = schema.getJsonObject("properties", new JsonObject());
    for (Object req : schema.getJsonArray("required", new JsonArray())) {
      o.put((String) req, value(props.getJsonObject((String) req)));
    }
    return o;
  }

  static String type(JsonObject schema) {
    Object t = schema.getValue("type");
    if (t instanceof JsonArray a) {
      for (Object x : a) {
        if (!"null".equals(x)) {
          return (String) x;
        }
      }
    }
    if (t instanceof String s) {
      return s;
    }
    return schema.containsKey("properties") ? "object" : "string";
  }

  static String string(JsonObject schema) {
    String format = schema.getString("format", "");
    if (format.equals("uuid")) {
      return UUID.nameUUIDFromBytes(new byte[] {1}).toString();
    }
    if (format.equals("date-time")) {
      return "2026-01-01T00:00:00Z";
    }
    if (format.equals("date")) {
      return "2026-01-01";
    }
    if (format.equals("uri") || format.equals("url")) {
      return "https://www.facebook.com/congan.phuongbadinh";
    }
    int min = schema.getInteger("minLength", 1);
    int max = schema.getInteger("maxLength", 200);
    Pattern p = schema.getString("pattern") == null ? null : Pattern.compile(schema.getString("pattern"));
    for (String c : CANDIDATES) {
      if (c.length() >= min && c.length() <= max && (p == null || p.matcher(c).find())) {
        return c;
      }
    }
    String s = "a".repeat(Math.max(min, 1));
    return p == null || p.matcher(s).find() ? s : "0".repeat(Math.max(min, 1));
  }

  /** The path with every parameter filled: named ones from {@code given}, the rest sampled. */
  static String path(Contract.Operation op, Map<String, String> given) {
    String path = op.path();
    for (JsonObject p : op.parameters("path")) {
      String name = p.getString("name");
      String v = given.containsKey(name) ? given.get(name) : String.valueOf(value(p.getJsonObject("schema")));
      path = path.replace("{" + name + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    StringBuilder q = new StringBuilder();
    for (JsonObject p : op.parameters("query")) {
      if (p.getBoolean("required", false)) {
        q.append(q.length() == 0 ? "?" : "&").append(p.getString("name")).append('=')
            .append(URLEncoder.encode(String.valueOf(value(p.getJsonObject("schema"))), StandardCharsets.UTF_8));
      }
    }
    return path + q;
  }

  /** A valid JSON body for the operation, or null when it takes none or not JSON. */
  static JsonObject body(Contract.Operation op) {
    if (!op.contentTypes().contains("application/json")) {
      return null;
    }
    Object v = value(op.bodySchema("application/json"));
    return v instanceof JsonObject o ? o : new JsonObject();
  }
}
