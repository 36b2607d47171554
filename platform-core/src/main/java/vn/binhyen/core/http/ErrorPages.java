package vn.binhyen.core.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * HTML error pages for browsers: a person who follows a wrong link sees a page in their language,
 * while API clients (and anything under /api/) keep getting problem+json.
 */
final class ErrorPages {

  private ErrorPages() {}

  /** Whether this failure should be answered with an HTML page rather than problem+json. */
  static boolean wantsHtml(RoutingContext ctx, int status) {
    if (status != 404 && status != 403) {
      return false;
    }
    if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
      return false;
    }
    String path = ctx.normalizedPath();
    if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/static/")) {
      return false;
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  static void send(RoutingContext ctx, int status) {
    if (ctx.response().headWritten()) {
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .sendFile("web/errors/" + status + ".html");
  }
}
