package vn.binhyen.core.tips;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.TenantPath;

/**
 * {@code GET /events/units/{code}/tips}: server-sent events for a dashboard, fed by the clustered
 * event bus ({@link TipLive}), so a tip received on any node reaches a dashboard on any other.
 * Only changes inside the unit's subtree are sent (and only their dimensions, never content).
 *
 * <p>One consumer of {@link TipLive#ADDRESS} per router serves all of this node's open streams
 * (registered with the routes, for the node's lifetime). With a consumer per stream, a node with
 * no dashboard open had no consumer, and the event bus then looked the address up in the cluster
 * on a worker thread for every tip published (a Hazelcast call per tip at intake); and every
 * dashboard opened or closed changed the cluster's subscription table.
 */
final class LiveRoutes {

  private static final long HEARTBEAT_MS = 5_000; // under the HTTP idle timeout (10 s)

  /** One open stream: the unit whose subtree it follows, written on its own event loop. */
  private record Stream(String unitPath, HttpServerResponse response, Context context) {}

  private final Api api;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private Future<Void> subscribed;

  LiveRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router) {
    subscribed = api.services().vertx().eventBus().<JsonObject>consumer(TipLive.ADDRESS, this::deliver).completion();
    router.get("/events/units/:code/tips").handler(this::stream);
  }

  private void deliver(Message<JsonObject> msg) {
    if (streams.isEmpty()) {
      return;
    }
    JsonObject e = msg.body();
    String to = e.getString("unitPath");
    String from = e.getString("fromPath");
    String event = "event: tip\ndata: " + e.encode() + "\n\n";
    for (Stream s : streams) {
      if (TenantPath.contains(s.unitPath(), to) || (from != null && TenantPath.contains(s.unitPath(), from))) {
        s.context().runOnContext(v -> s.response().write(event));
      }
    }
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
          Stream stream = new Stream(unit.path(), res, Vertx.currentContext());
          streams.add(stream);
          long timer = s.vertx().setPeriodic(HEARTBEAT_MS, id -> res.write(": keep-alive\n\n"));
          res.closeHandler(v -> {
            streams.remove(stream);
            s.vertx().cancelTimer(timer);
          });
          // Sent once this node's consumer is registered cluster-wide, so a client may rely on it.
          subscribed.onSuccess(v -> res.write("event: ready\ndata: {}\n\n"));
        })
        .onFailure(ctx::fail);
  }
}
