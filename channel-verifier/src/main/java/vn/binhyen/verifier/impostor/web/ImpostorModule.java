package vn.binhyen.verifier.impostor.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import vn.binhyen.core.channel.ImpostorCheck;
import vn.binhyen.core.http.HtmlPages;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;
import vn.binhyen.verifier.impostor.cases.CaseReorg;
import vn.binhyen.verifier.impostor.cases.CaseRoutes;
import vn.binhyen.verifier.impostor.cases.CaseService;
import vn.binhyen.verifier.impostor.cases.EvidenceStore;
import vn.binhyen.verifier.impostor.cases.ReportService;

/**
 * Impostor scoring, citizens' reports and units' cases: the public check, the report form, the
 * officers' case queue and the published list. Offers {@link ImpostorCheck} to other modules.
 */
public final class ImpostorModule implements FeatureModule {

  private ImpostorConfig config;
  private LiveScorer scorer;
  private CheckService checks;
  private CaseRoutes caseRoutes;

  @Override
  public String name() {
    return "impostor";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Future<Void> start(Services services) {
    config = ImpostorConfig.from(services.config().settings());
    scorer = new LiveScorer(services.vertx(), services.db(), config.thresholds());
    checks = new CheckService(scorer);
    EvidenceStore evidence = new EvidenceStore(services.vertx(),
        services.config().dataDir().resolve("impostor-evidence"), config.screenshotMaxBytes());
    caseRoutes = new CaseRoutes(new ReportService(services, checks, evidence, config.reportsPerHour()),
        new CaseService(services, evidence));
    services.register(LiveScorer.class, scorer);
    services.reorgParticipants().add(new CaseReorg());
    services.register(ImpostorCheck.class, (link, name, about) -> {
      try {
        return Future.succeededFuture(CheckJson.answer(checks.check(link, name, about)));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    scorer.listen();
    return scorer.refresh();
  }

  @Override
  public void mount(Api api) {
    var rateLimiter = api.services().rateLimiter();
    int perMinute = config.checksPerMinute();
    var ceilings = api.services().publicCeilings();
    api.operation("impostorCheck", ctx -> {
      JsonObject b = Json.body(ctx);
      rateLimiter.hit("impostor-check", CaseRoutes.address(ctx), perMinute, Duration.ofMinutes(1))
          .compose(ok -> ceilings.admit("impostor-check", perMinute))
          .map(ok -> checks.check(b.getString("link"), b.getString("name"), b.getString("about")))
          .onSuccess(answer -> Json.ok(ctx, CheckJson.answer(answer)))
          .onFailure(ctx::fail);
    });
    caseRoutes.mount(api);
    api.routes(ImpostorModule::pages);
  }

  private static void pages(Router router) {
    HtmlPages.page(router, "/check", "web/impostor/check.html");
    HtmlPages.page(router, "/report", "web/impostor/report.html");
    HtmlPages.page(router, "/cases", "web/impostor/cases.html");
    HtmlPages.page(router, "/impostors", "web/impostor/impostors.html");
  }
}
