package vn.binhyen.security;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.binhyen.core.testing.Http;

/**
 * The registry of operations whose scope is a loaded resource ({@code unit: resource}): for each
 * operationId, how to create a resource owned by a unit (through the API, as that unit's own
 * users) and build the request that reaches it. {@link TenantIsolationMatrixIT} fails when the
 * contract has a resource operation missing here.
 */
final class ForeignResources {

  /** A resource created in {@code ownerCode}, the request that targets it, and its private texts. */
  record Target(String ownerCode, String method, String path, JsonObject body, Set<String> privateTexts) {}

  /** Builds a target in the given unit, signing in as its users through {@code world}. */
  interface Builder {
    Target build(World world, String ownerCode);
  }

  /** What a builder may use: the HTTP client and tokens of the demo users. */
  interface World {
    Http http();

    String token(String username);
  }

  static final Map<String, Builder> REGISTRY = new LinkedHashMap<>();

  private ForeignResources() {}
}
