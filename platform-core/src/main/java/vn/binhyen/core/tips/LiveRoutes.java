package vn.binhyen.core.tips;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.TenantPath;

/**
 * {@code GET /events/units/{code}/tips}: server-sent events for a dashboard, fed by the clustered
 * event bus ({@link TipLive}), so a tip received on any node reaches a dashboard on any other.
 * Only changes inside the unit's subtree are sent (and only their dimensions, never content).
 */
final class LiveRoutes {

  private static final long HEARTBEAT_MS = 15_000;

  private final Api api;

  LiveRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router) {
    router.get("/events/units/:code/tips").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    var s = api.services();
    api.authenticator().authenticate(ctx)
        .compose(p -> s.tenantDirectory().byCode(ctx.pathParam("code")).map(unit -> {
          s.policy().check(p, unit.path(), Action.READ);
          return unit;
        }))
        .onSuccess(unit -> {
          var res = ctx.response();
          res.setChunked(true)
              .putHeader("Content-Type", "text/event-stream; charset=utf-8")
              .putHeader("Cache-Control", "no-store")
              .putHeader("X-Accel-Buffering", "no");
          res.write("retry: 3000\n\n");
          MessageConsumer<JsonObject> consumer = s.vertx().eventBus().consumer(TipLive.ADDRESS, msg -> {
            JsonObject e = msg.body();
            String to = e.getString("unitPath");
            String from = e.getString("fromPath");
            if (TenantPath.contains(unit.path(), to) || (from != null && TenantPath.contains(unit.path(), from))) {
              res.write("event: tip\ndata: " + e.encode() + "\n\n");
            }
          });
          long timer = s.vertx().setPeriodic(HEARTBEAT_MS, id -> res.write(": keep-alive\n\n"));
          res.closeHandler(v -> {
            consumer.unregister();
            s.vertx().cancelTimer(timer);
          });
          // Sent once the consumer is registered cluster-wide, so a client may rely on it.
          consumer.completion().onSuccess(v -> res.write("event: ready\ndata: {}\n\n"));
        })
        .onFailure(ctx::fail);
  }
}
