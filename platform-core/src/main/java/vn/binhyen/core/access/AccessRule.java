package vn.binhyen.core.access;

import io.vertx.core.json.JsonObject;

/**
 * What an operation of the API contract requires, from its {@code x-binhyen-access} extension:
 * {@code public}; {@code authenticated}; or {@code {action: READ, unit: <path parameter>}} (the
 * scope handler checks the named unit); or {@code {action: ..., unit: resource}} (the service checks
 * the loaded resource's tenant with the same {@link AccessPolicy}). Every operation must declare one.
 */
public record AccessRule(Kind kind, Action action, String unitParam) {

  public enum Kind { PUBLIC, AUTHENTICATED, UNIT, RESOURCE }

  public static final String EXTENSION = "x-binhyen-access";

  public static AccessRule parse(String operationId, Object value) {
    if ("public".equals(value)) {
      return new AccessRule(Kind.PUBLIC, null, null);
    }
    if ("authenticated".equals(value)) {
      return new AccessRule(Kind.AUTHENTICATED, null, null);
    }
    if (value instanceof JsonObject o && o.getString("action") != null && o.getString("unit") != null) {
      Action action = Action.parse(o.getString("action"));
      String unit = o.getString("unit");
      return "resource".equals(unit)
          ? new AccessRule(Kind.RESOURCE, action, null)
          : new AccessRule(Kind.UNIT, action, unit);
    }
    throw new IllegalStateException("Operation " + operationId + " has no valid " + EXTENSION
        + " (public | authenticated | {action, unit}); every operation must declare its access rule");
  }

  public boolean needsPrincipal() {
    return kind != Kind.PUBLIC;
  }
}
