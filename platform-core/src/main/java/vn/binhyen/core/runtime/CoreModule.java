package vn.binhyen.core.runtime;

import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.handler.StaticHandler;
import vn.binhyen.core.identity.AuthRoutes;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.tenant.TenantRoutes;
import vn.binhyen.core.web.WebApp;

/**
 * Platform-core's own part of every node: sign-in, the tenant hierarchy, health, metrics, the API
 * docs and the web UI shell.
 */
public final class CoreModule implements FeatureModule {

  private final ClusterManager cluster;
  private final ApiDocs docs;
  private final String metricsRegistry;

  public CoreModule(ClusterManager cluster, ApiDocs docs, String metricsRegistry) {
    this.cluster = cluster;
    this.docs = docs;
    this.metricsRegistry = metricsRegistry;
  }

  @Override
  public String name() {
    return "core";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public void mount(Api api) {
    var s = api.services();
    new AuthRoutes(s.auth(), s.tenantDirectory()).mount(api);
    new TenantRoutes(s.tenants(), s.rateLimiter(), s.publicCeilings(),
        TenantRoutes.searchPerMinute(s.config().settings())).mount(api);
    api.routes(router -> {
      new HealthRoutes(s, cluster, metricsRegistry).mount(router);
      docs.mount(router);
      WebPages.mount(router);
      WebApp.mount(router);
      router.get("/favicon.ico").handler(ctx -> ctx.response()
          .putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "max-age=86400")
          .sendFile("web/static/favicon.svg"));
      router.route("/static/*").handler(StaticHandler.create("web/static")
          .setCachingEnabled(true).setMaxAgeSeconds(300).setIncludeHidden(false));
    });
  }
}
