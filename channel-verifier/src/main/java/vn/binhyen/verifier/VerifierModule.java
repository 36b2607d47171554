package vn.binhyen.verifier;

import io.vertx.core.Future;
import vn.binhyen.core.channel.ImpostorCheck;
import vn.binhyen.core.cluster.ClusterJobs;
import vn.binhyen.core.http.ClientAddress;
import vn.binhyen.core.http.RequestGuard;
import vn.binhyen.core.http.SecurityHeaders;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.DemoData;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;
import vn.binhyen.verifier.alert.AlertCheck;
import vn.binhyen.verifier.alert.AlertDeliveries;
import vn.binhyen.verifier.alert.AlertDeliverySettings;
import vn.binhyen.verifier.alert.AlertRoutes;
import vn.binhyen.verifier.alert.AlertService;
import vn.binhyen.verifier.attest.AttestationService;
import vn.binhyen.verifier.attest.AttestationWork;
import vn.binhyen.verifier.attest.KeyAdminService;
import vn.binhyen.verifier.keys.DbKeyDirectory;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.offline.TrustListService;
import vn.binhyen.verifier.registry.VerificationRegistry;
import vn.binhyen.verifier.registry.VerifyService;
import vn.binhyen.verifier.translog.Checkpoint;
import vn.binhyen.verifier.translog.LogMonitor;
import vn.binhyen.verifier.translog.TransparencyLog;
import vn.binhyen.verifier.web.LogRoutes;
import vn.binhyen.verifier.web.Pages;
import vn.binhyen.verifier.web.PublicRoutes;
import vn.binhyen.verifier.web.QrScanRoutes;
import vn.binhyen.verifier.web.TrustListRoutes;
import vn.binhyen.verifier.web.VerifierRoutes;
import vn.binhyen.verifier.web.WellKnownRoutes;

/**
 * The trust plane of every node: keys, attestations, the verification registry, the transparency
 * log and its monitor, the public verification API and pages.
 */
public final class VerifierModule implements FeatureModule {

  /** How often this node checks new tree heads. */
  static final long MONITOR_PERIOD_MILLIS = 5_000;

  private TransparencyLog translog;
  private KeyRing keys;
  private VerificationRegistry registry;
  private AttestationService attestations;
  private KeyAdminService keyAdmin;
  private VerifyService verify;
  private LogMonitor monitor;
  private VerifierSettings settings;
  private AlertService alerts;
  private TrustListService trustLists;

  @Override
  public String name() {
    return "channel-verifier";
  }

  @Override
  public Future<Void> start(Services services) {
    translog = new TransparencyLog(services.db());
    keys = new KeyRing(services.vertx(), services.db(), services.masterKey().derive("signing-keys"), translog);
    registry = new VerificationRegistry(services.vertx(), services.db());
    attestations = new AttestationService(services, keys, translog, registry);
    keyAdmin = new KeyAdminService(services, keys, attestations);
    settings = VerifierSettings.from(services.config().settings());
    DbKeyDirectory keyDirectory = new DbKeyDirectory(keys, registry);
    verify = new VerifyService(registry, keyDirectory, () -> services.find(ImpostorCheck.class),
        settings.rememberTokens());
    alerts = new AlertService(services, keys, translog,
        new AlertDeliveries(services, AlertDeliverySettings.from(services.config().settings())));
    verify.answerAlertsWith(new AlertCheck(alerts, keyDirectory, services.config().publicUrl()));
    trustLists = new TrustListService(keys, registry, java.time.Clock.systemUTC());
    services.register(KeyRing.class, keys);
    services.register(AttestationService.class, attestations);
    services.register(VerificationRegistry.class, registry);
    // Catch up at once after a membership change, a merge or a freeze, not one period later.
    services.find(vn.binhyen.core.cluster.ClusterResync.class)
        .ifPresent(r -> r.register("verification registry", registry::resync));
    services.register(TransparencyLog.class, translog);
    return keys.start()
        .compose(x -> keys.logKey())
        .compose(logKey -> {
          translog.useSigner(logKey);
          monitor = new LogMonitor(services.vertx(), translog, Checkpoint.verifierKey(TransparencyLog.ORIGIN, logKey.verifyingKey()));
          services.register(LogMonitor.class, monitor);
          return registry.start();
        })
        .compose(x -> translog.publishHead().<Void>mapEmpty())
        .map(x -> {
          new AttestationWork(attestations).register(services.outbox(), services.get(ClusterJobs.class));
          alerts.deliveries().register(services.outbox());
          monitor.start(MONITOR_PERIOD_MILLIS);
          return null;
        });
  }

  @Override
  public void mount(Api api) {
    Services services = api.services();
    String publicUrl = services.config().publicUrl();
    PublicRoutes publicRoutes = new PublicRoutes(verify, registry, services.tenantDirectory(), publicUrl)
        .limitedTo(services.rateLimiter(), services.publicCeilings(), settings.verifyPerMinute());
    publicRoutes.mount(api);
    new LogRoutes(translog).mount(api);
    new TrustListRoutes(trustLists, services.rateLimiter()).mount(api);
    new QrScanRoutes(services.rateLimiter(), services.publicCeilings(), settings.qrDecodePerMinute()).mount(api);
    new VerifierRoutes(services, attestations, keyAdmin, registry).mount(api);
    new AlertRoutes(alerts, services.tenantDirectory(), publicUrl).mount(api);
    new vn.binhyen.verifier.alert.AlertDeliveryRoutes(alerts, services.tenantDirectory()).mount(api);
    boolean bench = settings.benchRoutes();
    boolean fastPath = settings.fastPath();
    api.routes(router -> {
      if (fastPath) {
        // The hottest public path skips the contract's validation (which runs on worker threads and
        // halves a trivial route's throughput): same handler, its one parameter checked in the handler.
        router.get("/api/public/verify").order(-1).handler(RequestGuard::handle)
            .handler(new ClientAddress(services.config().trustedProxies()).handler()).handler(SecurityHeaders::handle).handler(publicRoutes::verify);
      }
      new WellKnownRoutes(keys, translog).mount(router);
      Pages.mount(router, bench);
    });
  }

  @Override
  public Future<Void> seedDemo(Services services, DemoData demo) {
    return new DemoChannels(services, attestations).seed();
  }
}
