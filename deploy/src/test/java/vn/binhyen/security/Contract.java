package vn.binhyen.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.testing.Http;

/**
 * The merged OpenAPI contract of a running node ({@code /openapi.json}), read as a list of
 * operations with their access rule, parameters and request body: the tests that must cover
 * every operation iterate over this, so a new operation cannot slip past them.
 */
record Contract(JsonObject json, List<Operation> operations) {

  /** One operation of the contract. */
  record Operation(String id, String method, String path, JsonObject op, List<JsonObject> parameters,
      JsonObject requestBody, Object access) {

    boolean isPublic() {
      return "public".equals(access);
    }

    boolean isAuthenticatedOnly() {
      return "authenticated".equals(access);
    }

    boolean isScoped() {
      return access instanceof JsonObject;
    }

    String action() {
      return ((JsonObject) access).getString("action");
    }

    /** The path parameter naming the unit, or {@code resource}. */
    String unit() {
      return ((JsonObject) access).getString("unit");
    }

    boolean byResource() {
      return isScoped() && "resource".equals(unit());
    }

    List<JsonObject> parameters(String in) {
      return parameters.stream().filter(p -> in.equals(p.getString("in"))).toList();
    }

    /** The content types the request body accepts (empty when the operation takes none). */
    List<String> contentTypes() {
      return requestBody == null ? List.of()
          : new ArrayList<>(requestBody.getJsonObject("content", new JsonObject()).fieldNames());
    }

    JsonObject bodySchema(String contentType) {
      return requestBody == null ? null
          : requestBody.getJsonObject("content").getJsonObject(contentType).getJsonObject("schema");
    }

    boolean writes() {
      return !method.equals("GET");
    }

    @Override
    public String toString() {
      return id + " (" + method + " " + path + ")";
    }
  }

  static Contract fetch(Http http) {
    Http.Response r = http.get("/openapi.json", null);
    if (r.status() != 200) {
      throw new AssertionError("no contract at /openapi.json: " + r);
    }
    JsonObject json = r.json();
    List<Operation> ops = new ArrayList<>();
    JsonObject paths = json.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      List<JsonObject> shared = params(json, item.getJsonArray("parameters"));
      for (String method : item.fieldNames()) {
        if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        List<JsonObject> all = new ArrayList<>(shared);
        all.addAll(params(json, op.getJsonArray("parameters")));
        JsonObject body = op.getJsonObject("requestBody") == null ? null
            : resolveDeep(json, op.getJsonObject("requestBody"), 0);
        ops.add(new Operation(op.getString("operationId"), method.toUpperCase(), path, op, all, body,
            op.getValue("x-binhyen-access")));
      }
    }
    return new Contract(json, ops);
  }

  private static List<JsonObject> params(JsonObject root, JsonArray list) {
    List<JsonObject> out = new ArrayList<>();
    if (list != null) {
      for (Object p : list) {
        out.add(resolveDeep(root, (JsonObject) p, 0));
      }
    }
    return out;
  }

  /** Replaces every local $ref (to a bounded depth: schemas may be recursive). */
  static JsonObject resolveDeep(JsonObject root, JsonObject node, int depth) {
    JsonObject n = node;
    if (n.containsKey("$ref") && depth < 12) {
      n = pointer(root, n.getString("$ref")).copy();
    }
    JsonObject out = new JsonObject();
    for (String k : n.fieldNames()) {
      Object v = n.getValue(k);
      if (v instanceof JsonObject o) {
        out.put(k, depth < 12 ? resolveDeep(root, o, depth + 1) : o);
      } else if (v instanceof JsonArray a) {
        JsonArray copy = new JsonArray();
        for (Object e : a) {
          copy.add(e instanceof JsonObject eo && depth < 12 ? resolveDeep(root, eo, depth + 1) : e);
        }
        out.put(k, copy);
      } else {
        out.put(k, v);
      }
    }
    return out;
  }

  private static JsonObject pointer(JsonObject root, String ref) {
    if (!ref.startsWith("#/")) {
      throw new AssertionError("only local $ref are expected in the merged contract: " + ref);
    }
    Object cur = root;
    for (String part : ref.substring(2).split("/")) {
      cur = ((JsonObject) cur).getValue(part.replace("~1", "/").replace("~0", "~"));
    }
    return (JsonObject) cur;
  }
}
