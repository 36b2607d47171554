package vn.binhyen.deploy.cluster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import vn.binhyen.core.cluster.ClusterJobs;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;

/**
 * Test-only probes, on the test class path only (never in the jar): a rate-limited route, an
 * event published on the clustered event bus and the events this node heard, and a cluster job
 * whose runs this node counts. The fault tests read them on every node to see state cross nodes.
 * {@code /test/probe/slow/:ms} answers after {@code ms} milliseconds with a database round trip
 * made at the end, so it fails if the pool closed while it was under way (GracefulShutdownIT).
 */
public final class ProbeModule implements FeatureModule {

  static final String EVENTS = "binhyen.test.probe";
  static final String JOB = "test.probe-job";
  static final int RATE_LIMIT = 5;

  private final AtomicLong jobRuns = new AtomicLong();
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public int order() {
    return 1000;
  }

  @Override
  public String contract() {
    return null;
  }

  @Override
  public Future<Void> start(Services services) {
    services.vertx().eventBus().<String>consumer(EVENTS, m -> heard.add(m.body()));
    services.get(ClusterJobs.class).schedule(JOB, Duration.ofMillis(250), () -> {
      jobRuns.incrementAndGet();
      return Future.succeededFuture();
    });
    return Future.succeededFuture();
  }

  @Override
  public void mount(Api api) {
    Services services = api.services();
    api.routes(router -> {
      router.post("/test/probe/ratelimit/:key").handler(ctx -> services.rateLimiter()
          .hit("probe", ctx.pathParam("key"), RATE_LIMIT, Duration.ofMinutes(10))
          .onSuccess(x -> Json.noContent(ctx))
          .onFailure(ctx::fail));
      router.post("/test/probe/events/:text").handler(ctx -> {
        services.vertx().eventBus().publish(EVENTS, ctx.pathParam("text"));
        Json.noContent(ctx);
      });
      router.get("/test/probe/events").handler(ctx -> Json.ok(ctx,
          new JsonObject().put("heard", new JsonArray(List.copyOf(heard)))));
      router.get("/test/probe/slow/:ms").handler(ctx -> slow(ctx, services));
      router.get("/test/probe/jobs").handler(ctx -> jobs(ctx, services.get(ClusterJobs.class)));
    });
  }

  private static void slow(RoutingContext ctx, Services services) {
    long ms = Math.min(30_000, Math.max(1, Long.parseLong(ctx.pathParam("ms"))));
    services.vertx().timer(ms)
        .compose(x -> services.db().pool().query("SELECT 1 AS one").execute())
        .onSuccess(rows -> Json.ok(ctx, new JsonObject().put("waited", ms)
            .put("one", rows.iterator().next().getInteger("one"))))
        .onFailure(ctx::fail);
  }

  private void jobs(RoutingContext ctx, ClusterJobs jobs) {
    Json.ok(ctx, new JsonObject().put("runs", jobRuns.get()).put("leader", jobs.isLeader()));
  }
}
