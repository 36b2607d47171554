package vn.binhyen.core.module;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.binhyen.core.access.AccessPolicy;
import vn.binhyen.core.audit.AuditLog;
import vn.binhyen.core.config.Config;
import vn.binhyen.core.crypto.MasterKey;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.identity.AuthService;
import vn.binhyen.core.identity.JwtKeys;
import vn.binhyen.core.identity.Revocations;
import vn.binhyen.core.identity.UserService;
import vn.binhyen.core.outbox.Outbox;
import vn.binhyen.core.ratelimit.PublicCeilings;
import vn.binhyen.core.ratelimit.RateLimiter;
import vn.binhyen.core.tenant.ReorgParticipants;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.core.tenant.TenantService;

/**
 * The node's shared services, built once at start. Modules may register their own services here
 * under a platform-core type so another module can use them without depending on the module.
 */
public final class Services {

  private final Vertx vertx;
  private final Config config;
  private final Db db;
  private final MasterKey masterKey;
  private final JwtKeys jwtKeys;
  private final TenantDirectory tenantDirectory;
  private final TenantService tenants;
  private final UserService users;
  private final AuthService auth;
  private final Revocations revocations;
  private final AuditLog audit;
  private final AccessPolicy policy;
  private final RateLimiter rateLimiter;
  private final Outbox outbox;
  private final PublicCeilings publicCeilings;
  private final ReorgParticipants reorgParticipants = new ReorgParticipants();
  private final Map<Class<?>, Object> extra = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean accepting = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

  public Services(Vertx vertx, Config config, Db db, MasterKey masterKey, JwtKeys jwtKeys,
      TenantDirectory tenantDirectory, TenantService tenants, UserService users, AuthService auth,
      Revocations revocations, AuditLog audit, AccessPolicy policy, RateLimiter rateLimiter, Outbox outbox) {
    this.vertx = vertx;
    this.config = config;
    this.db = db;
    this.masterKey = masterKey;
    this.jwtKeys = jwtKeys;
    this.tenantDirectory = tenantDirectory;
    this.tenants = tenants;
    this.users = users;
    this.auth = auth;
    this.revocations = revocations;
    this.audit = audit;
    this.policy = policy;
    this.rateLimiter = rateLimiter;
    this.outbox = outbox;
    this.publicCeilings = new PublicCeilings(rateLimiter, config.publicCeilingsPerMinute());
  }

  public Vertx vertx() { return vertx; }
  public Config config() { return config; }
  public Db db() { return db; }
  public MasterKey masterKey() { return masterKey; }
  public JwtKeys jwtKeys() { return jwtKeys; }
  public TenantDirectory tenantDirectory() { return tenantDirectory; }
  public TenantService tenants() { return tenants; }
  public UserService users() { return users; }
  public AuthService auth() { return auth; }
  public Revocations revocations() { return revocations; }
  public AuditLog audit() { return audit; }
  public AccessPolicy policy() { return policy; }
  /** Cluster-wide rate limits for public endpoints and log-in. */
  public RateLimiter rateLimiter() { return rateLimiter; }
  /** Work that follows a commit, at least once (attestations, cache invalidation, webhook intake). */
  public Outbox outbox() { return outbox; }
  /** Cluster-wide ceilings a minute per public endpoint, over all clients (BINHYEN_PUBLIC_CEILINGS). */
  public PublicCeilings publicCeilings() { return publicCeilings; }
  /** Modules whose data follows a reorganisation register here at start. */
  public ReorgParticipants reorgParticipants() { return reorgParticipants; }

  /** Readiness reports UP only after start-up work (demo seeding, ...) is done. */
  public void markAccepting() {
    accepting.set(true);
  }

  public boolean accepting() {
    return accepting.get();
  }

  /**
   * The node is shutting down (SIGTERM): readiness reports DOWN from now on and every answer asks
   * its client to close the connection, so load balancers and kept-alive clients move elsewhere
   * before the listener closes ({@code Platform.close}, docs/operations.md).
   */
  public void markStopping() {
    stopping.set(true);
  }

  public boolean stopping() {
    return stopping.get();
  }

  public <T> void register(Class<T> type, T service) {
    extra.put(type, service);
  }

  /** A service registered by a module; fails loudly when it is missing (a wiring error). */
  public <T> T get(Class<T> type) {
    Object s = extra.get(type);
    if (s == null) {
      throw new IllegalStateException("No service of type " + type.getName() + " registered");
    }
    return type.cast(s);
  }

  public <T> java.util.Optional<T> find(Class<T> type) {
    return java.util.Optional.ofNullable(extra.get(type)).map(type::cast);
  }
}
