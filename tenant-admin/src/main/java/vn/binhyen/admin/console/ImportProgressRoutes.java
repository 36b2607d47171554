package vn.binhyen.admin.console;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.binhyen.admin.importing.ImportProgress;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Authenticator;
import vn.binhyen.core.module.Services;

/**
 * {@code GET /events/imports/{id}}: server-sent events telling a console how far its import has
 * got. The console picks a random id, opens this stream, then sends the file with
 * {@code ?progress=<id>}; the node that runs the import publishes each step on the clustered event
 * bus, so the stream may be open on any node. A stream only receives the steps of imports its own
 * user started, and steps carry counts only.
 */
final class ImportProgressRoutes {

  static final String ADDRESS = "binhyen.import.progress";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final long HEARTBEAT_MS = 5_000;

  private record Stream(long userId, HttpServerResponse response, Context context) {}

  private final Services s;
  private final Authenticator auth;
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private Future<Void> subscribed;

  ImportProgressRoutes(Services s, Authenticator auth) {
    this.s = s;
    this.auth = auth;
  }

  /** The progress of the import its user started under {@code id} (null or malformed: none). */
  ImportProgress reporter(Principal p, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return ImportProgress.NONE;
    }
    return (step, done, total) -> s.vertx().eventBus().publish(ADDRESS, new JsonObject().put("id", id)
        .put("user", p.userId()).put("step", step).put("done", done).put("total", total));
  }

  void mount(Router router) {
    subscribed = s.vertx().eventBus().<JsonObject>consumer(ADDRESS, this::deliver).completion();
    router.get("/events/imports/:id").handler(this::stream);
  }

  private void deliver(Message<JsonObject> msg) {
    JsonObject e = msg.body();
    Stream to = streams.get(e.getString("id"));
    if (to == null || to.userId() != e.getLong("user")) {
      return;
    }
    JsonObject shown = new JsonObject().put("step", e.getString("step")).put("done", e.getInteger("done"))
        .put("total", e.getInteger("total"));
    to.context().runOnContext(v -> to.response().write("event: progress\ndata: " + shown.encode() + "\n\n"));
  }

  private void stream(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    auth.authenticate(ctx).onSuccess(p -> {
      if (!ID.matcher(id).matches()) {
        ctx.fail(new DomainError.Invalid("bad-progress-id",
            "Mã theo dõi tiến độ không hợp lệ (16–64 chữ cái, chữ số, - hoặc _) / the progress id must be 16–64 letters, digits, - or _"));
        return;
      }
      HttpServerResponse res = ctx.response();
      res.setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Accel-Buffering", "no");
      res.write("retry: 3000\n\n");
      streams.put(id, new Stream(p.userId(), res, Vertx.currentContext()));
      long timer = s.vertx().setPeriodic(HEARTBEAT_MS, t -> res.write(": keep-alive\n\n"));
      res.closeHandler(v -> {
        streams.remove(id);
        s.vertx().cancelTimer(timer);
      });
      subscribed.onSuccess(v -> res.write("event: ready\ndata: {}\n\n"));
    }).onFailure(ctx::fail);
  }
}
