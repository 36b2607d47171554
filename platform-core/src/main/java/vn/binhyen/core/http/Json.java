package vn.binhyen.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.tenant.Tenant;

/** JSON at the HTTP edge: writing answers and mapping the core records. */
public final class Json {

  private Json() {}

  public static void ok(RoutingContext ctx, Object body) {
    send(ctx, 200, body);
  }

  public static void created(RoutingContext ctx, Object body) {
    send(ctx, 201, body);
  }

  public static void send(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonObject o ? o.encode()
        : body instanceof JsonArray a ? a.encode() : String.valueOf(body);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(text);
  }

  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  /**
   * The request's JSON object body (validated against the contract already), or an empty object.
   * A multipart or form body leaves no buffer: it is not JSON, so it is refused with 415 rather
   * than read as null (found by the hostile-input test: a multipart refresh gave a 500).
   */
  public static JsonObject body(RoutingContext ctx) {
    boolean noBuffer = ctx.body() == null || ctx.body().length() < 0;
    String type = ctx.request().getHeader("Content-Type");
    if (noBuffer && type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new io.vertx.ext.web.handler.HttpException(415);
    }
    if (noBuffer || ctx.body().length() == 0) {
      return new JsonObject();
    }
    JsonObject body = ctx.body().asJsonObject();
    if (body == null) {
      throw new io.vertx.ext.web.handler.HttpException(415);
    }
    return body;
  }

  public static JsonObject unit(Tenant t) {
    return new JsonObject()
        .put("id", t.id())
        .put("code", t.code())
        .put("name", t.name())
        .put("level", t.level().id())
        .put("path", t.path())
        .put("depth", t.depth())
        .put("validFrom", t.validFrom() == null ? null : t.validFrom().toString())
        .put("validTo", t.validTo() == null ? null : t.validTo().toString());
  }

  public static <T> JsonArray array(List<T> items, Function<T, JsonObject> mapper) {
    JsonArray out = new JsonArray();
    items.forEach(i -> out.add(mapper.apply(i)));
    return out;
  }

  public static <T> JsonObject page(Page<T> page, Function<T, JsonObject> mapper) {
    return new JsonObject()
        .put("items", array(page.items(), mapper))
        .put("total", page.total())
        .put("limit", page.limit())
        .put("offset", page.offset());
  }
}
