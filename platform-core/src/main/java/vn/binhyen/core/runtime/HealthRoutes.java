package vn.binhyen.core.runtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import vn.binhyen.core.db.Db;

/** Liveness, readiness (the database and the cluster), and Prometheus metrics. */
final class HealthRoutes {

  private final vn.binhyen.core.module.Services services;
  private final Db db;
  private final ClusterManager cluster;
  private final String metricsRegistry;

  HealthRoutes(vn.binhyen.core.module.Services services, ClusterManager cluster, String metricsRegistry) {
    this.services = services;
    this.db = services.db();
    this.cluster = cluster;
    this.metricsRegistry = metricsRegistry;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> send(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metricsRegistry));
  }

  private void ready(RoutingContext ctx) {
    Future<Boolean> database = db.pool().query("SELECT 1").execute()
        .timeout(2, java.util.concurrent.TimeUnit.SECONDS)
        .map(rows -> true)
        .otherwise(false);
    boolean clusterUp = cluster != null && cluster.isActive();
    database.onComplete(ar -> {
      boolean dbUp = ar.succeeded() && ar.result();
      boolean started = services.accepting();
      var quorum = services.get(vn.binhyen.core.cluster.Quorum.class);
      boolean majority = quorum.held();
      boolean stopping = services.stopping();
      boolean up = dbUp && clusterUp && started && majority && !stopping;
      JsonObject body = new JsonObject()
          .put("status", up ? "UP" : "DOWN")
          .put("checks", new JsonObject()
              .put("startup", stopping ? "STOPPING" : started ? "UP" : "STARTING")
              .put("database", dbUp ? "UP" : "DOWN")
              .put("cluster", clusterUp ? "UP" : "DOWN")
              .put("clusterMembers", cluster == null ? 0 : cluster.getNodes().size())
              .put("majority", majority ? "UP" : "DOWN")
              // Informational: a lagging replica sends reads to the primary, it does not make the node unready.
              .put("readReplica", db.readState().toJson()));
      if (stopping) {
        body.put("reason", "đang dừng / shutting down");
      } else if (!majority) {
        body.put("reason", "cut off from the cluster: " + quorum.reason());
      }
      send(ctx, up ? 200 : 503, body);
    });
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
