package vn.binhyen.core.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.binhyen.core.error.DomainError;

/**
 * Integer path and query parameters, read from the contract: a value must be written as a plain
 * whole number that fits in a long ({@code 1e5}, {@code 5.0}, {@code 0x10} or anything beyond
 * 2^63 is a 400, never a 500 from a later {@code Long.parseLong}). Ranges are the validator's.
 */
public final class IntegerParameters {

  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,19}");

  record Param(String name, String in) {}

  private IntegerParameters() {}

  /** The integer parameters of one operation (path-item and operation level, $refs resolved). */
  static List<Param> of(JsonObject contract, String operationId) {
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        Object op = item.getValue(method);
        if (op instanceof JsonObject o && operationId.equals(o.getString("operationId"))) {
          List<Param> out = new ArrayList<>();
          collect(contract, item.getJsonArray("parameters", new JsonArray()), out);
          collect(contract, o.getJsonArray("parameters", new JsonArray()), out);
          return out;
        }
      }
    }
    return List.of();
  }

  private static void collect(JsonObject contract, JsonArray params, List<Param> out) {
    for (Object p : params) {
      JsonObject param = resolve(contract, (JsonObject) p);
      JsonObject schema = resolve(contract, param.getJsonObject("schema", new JsonObject()));
      Object type = schema.getValue("type");
      boolean integer = "integer".equals(type) || type instanceof JsonArray a && a.contains("integer");
      String in = param.getString("in");
      if (integer && ("path".equals(in) || "query".equals(in))) {
        out.add(new Param(param.getString("name"), in));
      }
    }
  }

  private static JsonObject resolve(JsonObject contract, JsonObject node) {
    String ref = node.getString("$ref");
    if (ref == null || !ref.startsWith("#/")) {
      return node;
    }
    JsonObject at = contract;
    for (String part : ref.substring(2).split("/")) {
      at = at.getJsonObject(part, new JsonObject());
    }
    return at;
  }

  /** A handler refusing malformed whole numbers in the given parameters; null when there are none. */
  static Handler<RoutingContext> check(List<Param> params) {
    if (params.isEmpty()) {
      return null;
    }
    return ctx -> {
      for (Param p : params) {
        List<String> values = "path".equals(p.in())
            ? (ctx.pathParam(p.name()) == null ? List.of() : List.of(ctx.pathParam(p.name())))
            : ctx.queryParam(p.name());
        for (String v : values) {
          if (!v.isEmpty() && !fitsLong(v)) {
            ctx.fail(new DomainError.Invalid("bad-parameter", "Tham số " + p.name()
                + " phải là một số nguyên viết bằng chữ số / parameter " + p.name()
                + " must be a whole number written in digits"));
            return;
          }
        }
      }
      ctx.next();
    };
  }

  static boolean fitsLong(String v) {
    if (!WHOLE.matcher(v).matches()) {
      return false;
    }
    try {
      Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
