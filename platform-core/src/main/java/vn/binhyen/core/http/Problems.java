package vn.binhyen.core.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import vn.binhyen.core.text.Bilingual;
import vn.binhyen.core.text.Language;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies in one language: the request's
 * {@code Accept-Language} (vi or en, default vi) picks the title and detail, and the answer says
 * which in {@code Content-Language}. The {@code type} never depends on the language.
 */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
  public static final String TYPE_BASE = "https://binhyen.vn/problems/";

  private Problems() {}

  /** Title and detail written "Vietnamese / English" (see {@link Bilingual#of(String)}). */
  public static void send(RoutingContext ctx, int status, String slug, String title, String detail,
      Map<String, Object> extensions) {
    send(ctx, status, slug, Bilingual.of(title), Bilingual.of(detail), extensions);
  }

  public static void send(RoutingContext ctx, int status, String slug, Bilingual title, Bilingual detail,
      Map<String, Object> extensions) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Language lang = language(ctx);
    JsonObject body = new JsonObject()
        .put("type", TYPE_BASE + slug)
        .put("title", title.in(lang))
        .put("status", status)
        .put("detail", detail.in(lang))
        .put("instance", ctx.request().path() == null ? "/" : safePath(ctx.request().path()))
        .put("requestId", Requests.requestId(ctx));
    if (extensions != null) {
      extensions.forEach(body::put);
    }
    if (!ctx.response().headWritten()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE)
          .putHeader("Content-Language", lang.tag()).putHeader("Vary", "Accept-Language");
    }
    ctx.response().end(body.encode());
  }

  /** The language the request asked for (Accept-Language), vi when it asked for neither. */
  public static Language language(RoutingContext ctx) {
    return Language.fromAcceptLanguage(ctx.request().getHeader("Accept-Language"));
  }

  /** The request path, bounded and with control characters removed, safe to echo back. */
  private static String safePath(String path) {
    String p = path.length() > 200 ? path.substring(0, 200) : path;
    return p.replaceAll("[\\p{Cntrl}<>\"']", "");
  }
}
