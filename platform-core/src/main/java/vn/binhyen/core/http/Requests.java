package vn.binhyen.core.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.tenant.Tenant;

/** What the platform's handlers attach to a request, and small helpers for reading parameters. */
public final class Requests {

  static final String REQUEST_ID = "binhyen.requestId";
  static final String PRINCIPAL = "binhyen.principal";
  static final String TENANT = "binhyen.tenant";

  private Requests() {}

  public static String requestId(RoutingContext ctx) {
    String id = ctx.get(REQUEST_ID);
    if (id == null) {
      id = UUID.randomUUID().toString();
      ctx.put(REQUEST_ID, id);
    }
    return id;
  }

  /** The signed-in caller; only on routes that require authentication. */
  public static Principal principal(RoutingContext ctx) {
    Principal p = ctx.get(PRINCIPAL);
    if (p == null) {
      throw new DomainError.Unauthenticated("Cần đăng nhập / sign-in required");
    }
    return p;
  }

  /** The unit named by the route's {@code {code}} parameter, already checked against the caller's scope. */
  public static Tenant tenant(RoutingContext ctx) {
    Tenant t = ctx.get(TENANT);
    if (t == null) {
      throw new IllegalStateException("route has no unit scope: declare x-binhyen-access with unit: code");
    }
    return t;
  }

  /** The client's address (behind a trusted proxy, the one it forwarded: {@link ClientAddress}). */
  public static String clientAddress(RoutingContext ctx) {
    String resolved = ctx.get(ClientAddress.KEY);
    if (resolved != null) {
      return resolved;
    }
    var remote = ctx.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }

  public static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid("bad-parameter", "Tham số " + name + " phải là số từ " + min
          + " đến " + max + " / parameter " + name + " must be a whole number " + min + "–" + max);
    }
  }
}
