package vn.binhyen.core.runtime;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.AccessPolicy;
import vn.binhyen.core.audit.AuditLog;
import vn.binhyen.core.cluster.ClusterJobs;
import vn.binhyen.core.cluster.ClusterResync;
import vn.binhyen.core.cluster.ClusterSetup;
import vn.binhyen.core.cluster.Quorum;
import vn.binhyen.core.config.Config;
import vn.binhyen.core.crypto.MasterKey;
import vn.binhyen.core.db.DatabaseSetup;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.http.ApiContract;
import vn.binhyen.core.http.HttpVerticle;
import vn.binhyen.core.identity.AuthService;
import vn.binhyen.core.identity.JwtKeys;
import vn.binhyen.core.identity.PasswordHasher;
import vn.binhyen.core.identity.Revocations;
import vn.binhyen.core.identity.UserRepository;
import vn.binhyen.core.identity.UserService;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.outbox.Outbox;
import vn.binhyen.core.ratelimit.RateLimiter;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.core.tenant.TenantRepository;
import vn.binhyen.core.tenant.TenantService;

/**
 * One running node: the database (migrated), a clustered Vert.x (Hazelcast; one node is a
 * one-member cluster), the services of core and of every feature module, and the HTTP verticles.
 */
public final class Platform implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Platform.class);

  private final Config config;
  private final DatabaseSetup database;
  private final Vertx vertx;
  private final Services services;
  private final List<FeatureModule> modules;
  private final int httpPort;
  private final String httpDeployment;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private Platform(Config config, DatabaseSetup database, Vertx vertx, Services services,
      List<FeatureModule> modules, int httpPort, String httpDeployment) {
    this.config = config;
    this.database = database;
    this.vertx = vertx;
    this.services = services;
    this.modules = modules;
    this.httpPort = httpPort;
    this.httpDeployment = httpDeployment;
  }

  /** The feature modules on the class path (tenant-admin, channel-verifier, ...), in start order. */
  public static List<FeatureModule> discoverModules() {
    List<FeatureModule> found = new ArrayList<>();
    ServiceLoader.load(FeatureModule.class).forEach(found::add);
    found.sort(Comparator.comparingInt(FeatureModule::order).thenComparing(FeatureModule::name));
    return found;
  }

  /** Blocking: opens the database, joins the cluster, starts everything; call from a plain thread. */
  public static Platform start(Config config) {
    long t0 = System.nanoTime();
    List<FeatureModule> features = discoverModules();
    List<String> migrationSets = new ArrayList<>();
    migrationSets.add("core");
    features.forEach(m -> migrationSets.add(m.name()));
    DatabaseSetup database = DatabaseSetup.open(config, migrationSets);
    Config effective = config.httpPort() == 0 ? config.withHttpPort(freePort()) : config;
    try {
      HazelcastClusterManager cluster = ClusterSetup.clusterManager(effective);
      // Each node its own registry: tests run several nodes in one JVM.
      String registry = "binhyen-" + java.util.UUID.randomUUID();
      VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
          .setRegistryName(registry)
          .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
          .setJvmMetricsEnabled(true)
          .setEnabled(true));
      ClusterSetup.eventBus(options, effective);
      Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory())
          .withClusterManager(cluster).buildClustered().await();
      ClusterResync resync = new ClusterResync();
      Services services = services(vertx, effective, database, cluster, resync);
      Quorum quorum = new Quorum(cluster, effective.clusterSize());
      quorum.watch(vertx, ClusterSetup.MAX_NO_HEARTBEAT, resync);
      services.register(Quorum.class, quorum);
      services.register(ClusterResync.class, resync);
      ClusterJobs jobs = new ClusterJobs(vertx, cluster.getHazelcastInstance());
      services.register(ClusterJobs.class, jobs);
      services.register(vn.binhyen.core.platform.PlatformClients.class, new vn.binhyen.core.platform.PlatformClients(
          vertx, vn.binhyen.core.platform.PlatformSettings.from(effective.settings())));
      jobs.schedule("revocation-sweep", java.time.Duration.ofHours(1), () -> services.revocations().sweep());
      ApiDocs docs;
      List<FeatureModule> all = new ArrayList<>();
      all.add(null);
      all.addAll(features);
      List<String> contracts = new ArrayList<>();
      contracts.add("openapi/core.yaml");
      features.stream().map(FeatureModule::contract).filter(Objects::nonNull).forEach(contracts::add);
      ApiContract contract = ApiContract.load(contracts);
      docs = new ApiDocs(contract.json());
      all.set(0, new CoreModule(cluster, docs, registry));
      for (FeatureModule m : features) {
        m.start(services).await();
      }
      services.outbox().start(); // every module's handlers are registered now
      String http = vertx.deployVerticle(() -> new HttpVerticle(services, contract, all),
          new DeploymentOptions().setInstances(effective.httpInstances())).await();
      log.info("BinhYen node ready on http://localhost:{} in {} ms (cluster {} with {} member(s))",
          effective.httpPort(), (System.nanoTime() - t0) / 1_000_000, effective.clusterName(),
          cluster.getNodes().size());
      return new Platform(effective, database, vertx, services, all, effective.httpPort(), http);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Services services(Vertx vertx, Config config, DatabaseSetup database,
      HazelcastClusterManager cluster, ClusterResync resync) {
    Pool pool = database.appPool(vertx, config.dbPoolSize(), "binhyen-app");
    Db db = new Db(pool, vn.binhyen.core.db.ReadReplica.configured(vertx, config, database, pool));
    MasterKey master = config.masterKey().map(MasterKey::fromBase64)
        .orElseGet(() -> MasterKey.loadOrCreate(config.masterKeyFile()));
    JwtKeys jwtKeys = JwtKeys.loadOrCreate(pool, master).await();
    TenantRepository tenantRepo = new TenantRepository();
    TenantDirectory directory = new TenantDirectory(vertx, db, tenantRepo);
    AccessPolicy policy = new AccessPolicy();
    AuditLog audit = new AuditLog();
    PasswordHasher hasher = new PasswordHasher();
    UserRepository userRepo = new UserRepository();
    Revocations revocations = new Revocations(vertx, pool, config.accessTokenTtl());
    revocations.start(vertx).await();
    resync.register("revocations and sign-outs", revocations::sync);
    resyncOnMembershipChange(cluster, resync);
    RateLimiter rateLimiter = new RateLimiter(vertx, cluster.getHazelcastInstance());
    return new Services(vertx, config, db, master, jwtKeys, directory,
        new TenantService(db, tenantRepo, directory),
        new UserService(vertx, db, userRepo, hasher, audit, policy),
        new AuthService(vertx, db, userRepo, hasher, directory, revocations, config.refreshTokenTtl(),
            rateLimiter, new AuthService.LoginLimits(config.loginFailuresPerAccount(),
                config.loginFailuresPerAddress(), java.time.Duration.ofMinutes(15))),
        revocations, audit, policy, rateLimiter, new Outbox(vertx, pool));
  }

  // A node that was cut off may have missed cluster messages: catch up as soon as it rejoins.
  private static void resyncOnMembershipChange(HazelcastClusterManager cluster, ClusterResync resync) {
    var hz = cluster.getHazelcastInstance();
    hz.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
      @Override
      public void memberAdded(com.hazelcast.cluster.MembershipEvent e) {
        resync.run("a member joined");
      }

      @Override
      public void memberRemoved(com.hazelcast.cluster.MembershipEvent e) {
        resync.run("a member left");
      }
    });
    hz.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.MERGED) {
        resync.run("a merge");
      }
    });
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Config config() { return config; }
  public Vertx vertx() { return vertx; }
  public Services services() { return services; }
  public int httpPort() { return httpPort; }
  public List<FeatureModule> modules() { return modules; }
  public String dbUrl() {
    var u = database.url();
    return "postgresql://" + u.user() + "@" + u.host() + ":" + u.port() + "/" + u.database();
  }

  /**
   * Blocking, graceful, in this order (docs/operations.md, "Stopping a node"): readiness goes DOWN
   * at once; after {@code BINHYEN_SHUTDOWN_DRAIN} (so a load balancer has seen it) the listeners
   * close and the requests under way get {@code BINHYEN_SHUTDOWN_GRACE} to finish (a tip is
   * answered only once stored, so every acknowledged tip is in the database by then); then the
   * node leaves the cluster, and the pool and the embedded database close. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long t0 = System.nanoTime();
    services.markStopping();
    log.info("Stopping: readiness DOWN; listeners close in {} ms, then requests under way get {} ms",
        config.shutdownDrain().toMillis(), config.shutdownGrace().toMillis());
    sleep(config.shutdownDrain());
    try {
      vertx.undeploy(httpDeployment)
          .await(config.shutdownGrace().toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      log.warn("Stopping HTTP did not finish cleanly: {}", e.toString());
    }
    log.info("Stopping: HTTP closed after {} ms; leaving the cluster", (System.nanoTime() - t0) / 1_000_000);
    try {
      // Bounded: from a JVM shutdown hook Vert.x's close can wait forever on its cluster manager.
      vertx.close().await(15, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      log.warn("Closing Vert.x did not finish cleanly: {}", e.toString());
    }
    database.close();
    log.info("Stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  private static void sleep(java.time.Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For the demo and CLI: runs a future on this node and waits. */
  public <T> T await(Future<T> f) {
    return f.await();
  }
}
