package vn.binhyen.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.access.AccessRule;

/**
 * The OpenAPI 3.1 contract, assembled from one YAML file per module (docs/openapi/*.yaml, on the
 * class path as openapi/*.yaml): the first is the base (info, servers, shared components), the
 * others add paths and components. Also reads each operation's access rule.
 */
public final class ApiContract {

  private final JsonObject merged;
  private final Map<String, AccessRule> rules;

  private ApiContract(JsonObject merged) {
    this.merged = merged;
    this.rules = readRules(merged);
  }

  public static ApiContract load(List<String> resources) {
    JsonObject base = null;
    for (String resource : resources) {
      JsonObject part = readYaml(resource);
      if (base == null) {
        base = part;
        continue;
      }
      mergeSection(base, part, "paths", resource);
      JsonObject components = part.getJsonObject("components", new JsonObject());
      for (String section : components.fieldNames()) {
        JsonObject target = base.getJsonObject("components", new JsonObject())
            .getJsonObject(section, new JsonObject());
        for (String name : components.getJsonObject(section).fieldNames()) {
          if (target.containsKey(name) && !target.getValue(name).equals(components.getJsonObject(section).getValue(name))) {
            throw new IllegalStateException("OpenAPI component " + section + "/" + name + " is defined twice (" + resource + ")");
          }
          target.put(name, components.getJsonObject(section).getValue(name));
        }
        base.getJsonObject("components").put(section, target);
      }
    }
    return new ApiContract(base);
  }

  private static void mergeSection(JsonObject base, JsonObject part, String section, String resource) {
    JsonObject target = base.getJsonObject(section, new JsonObject());
    for (String key : part.getJsonObject(section, new JsonObject()).fieldNames()) {
      if (target.containsKey(key)) {
        throw new IllegalStateException("OpenAPI path " + key + " is defined twice (" + resource + ")");
      }
      target.put(key, part.getJsonObject(section).getValue(key));
    }
    base.put(section, target);
  }

  @SuppressWarnings("unchecked")
  private static JsonObject readYaml(String resource) {
    try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI contract part not on the class path: " + resource);
      }
      Map<String, Object> map = new ObjectMapper(new YAMLFactory()).readValue(in, LinkedHashMap.class);
      return new JsonObject(map);
    } catch (IOException e) {
      throw new IllegalStateException("OpenAPI contract part " + resource + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static Map<String, AccessRule> readRules(JsonObject contract) {
    Map<String, AccessRule> out = new LinkedHashMap<>();
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        String id = op.getString("operationId");
        if (id == null) {
          throw new IllegalStateException("OpenAPI " + method.toUpperCase() + " " + path + " has no operationId");
        }
        if (out.containsKey(id)) {
          throw new IllegalStateException("OpenAPI operationId " + id + " is used twice (again at "
              + method.toUpperCase() + " " + path + "); operation ids are unique across all modules");
        }
        out.put(id, AccessRule.parse(id, op.getValue(AccessRule.EXTENSION)));
      }
    }
    return out;
  }

  /** A handler refusing malformed whole numbers in the operation's integer parameters, or null. */
  public io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> integerCheck(String operationId) {
    return IntegerParameters.check(IntegerParameters.of(merged, operationId));
  }

  /** The merged contract (a copy: the router builder and the docs get their own). */
  public JsonObject json() {
    return merged.copy();
  }

  public Map<String, AccessRule> rules() {
    return rules;
  }

  public AccessRule rule(String operationId) {
    AccessRule r = rules.get(operationId);
    if (r == null) {
      throw new IllegalStateException("No operation " + operationId + " in the API contract");
    }
    return r;
  }
}
