package vn.binhyen.core.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Writes RFC 9457 {@code application/problem+json} bodies. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
  public static final String TYPE_BASE = "https://binhyen.vn/problems/";

  private Problems() {}

  public static void send(RoutingContext ctx, int status, String slug, String title, String detail,
      Map<String, Object> extensions) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", TYPE_BASE + slug)
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("instance", ctx.request().path() == null ? "/" : safePath(ctx.request().path()))
        .put("requestId", Requests.requestId(ctx));
    if (extensions != null) {
      extensions.forEach(body::put);
    }
    if (!ctx.response().headWritten()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE);
    }
    ctx.response().end(body.encode());
  }

  /** The request path, bounded and with control characters removed, safe to echo back. */
  private static String safePath(String path) {
    String p = path.length() > 200 ? path.substring(0, 200) : path;
    return p.replaceAll("[\\p{Cntrl}<>\"']", "");
  }
}
