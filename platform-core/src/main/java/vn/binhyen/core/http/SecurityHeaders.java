package vn.binhyen.core.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries: a strict Content-Security-Policy (no inline script), no MIME
 * sniffing, no framing, no referrer leaks, and the request id.
 */
public final class SecurityHeaders {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
      + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  // Swagger UI sets inline styles; its page alone may use them (still no inline script).
  static final String CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  private SecurityHeaders() {}

  public static void handle(RoutingContext ctx) {
    String incoming = ctx.request().getHeader("X-Request-Id");
    if (incoming != null && incoming.matches("[A-Za-z0-9._-]{8,64}")) {
      ctx.put(Requests.REQUEST_ID, incoming);
    }
    String path = ctx.request().path();
    ctx.response()
        .putHeader("X-Request-Id", Requests.requestId(ctx))
        .putHeader("Content-Security-Policy", path != null && path.startsWith("/api/docs") ? CSP_DOCS : CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (ctx.request().isSSL()) {
      ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.next();
  }
}
