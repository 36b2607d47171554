package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.Principal;

/**
 * Revoked sessions and users. The system of record is PostgreSQL ({@code token_revocation}, kept
 * until every token it covers has expired); the cluster-wide map (Hazelcast under Vert.x shared
 * data) carries a new revocation to every node at once, and each node also keeps a local copy of
 * the table, brought up to the database's revision at start and every {@link #SYNC_PERIOD}. So a
 * node that missed the cluster message, or a cluster restarted from nothing, still refuses a
 * signed-out token.
 */
public final class Revocations {

  static final String MAP = "binhyen.revocations";
  public static final Duration SYNC_PERIOD = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(Revocations.class);

  private final Future<AsyncMap<String, Long>> map;
  private final Pool pool;
  private final RevocationRepository repository = new RevocationRepository();
  private final Duration tokenTtl;
  /** subject → {revoked at, expires at}, both epoch seconds. */
  private final Map<String, long[]> local = new ConcurrentHashMap<>();
  private final AtomicLong revision = new AtomicLong();

  public Revocations(Vertx vertx, Pool pool, Duration tokenTtl) {
    this.map = vertx.sharedData().<String, Long>getAsyncMap(MAP);
    this.pool = pool;
    this.tokenTtl = tokenTtl;
  }

  /** Loads the table now and then every {@link #SYNC_PERIOD}; call once at start. */
  public Future<Void> start(Vertx vertx) {
    vertx.setPeriodic(SYNC_PERIOD.toMillis(), id -> sync()
        .onFailure(e -> log.warn("Revocation sync failed: {}", e.getMessage())));
    return sync();
  }

  /** Brings the local copy up to the database's revision (anti-entropy; also after a merge). */
  public Future<Void> sync() {
    long from = revision.get();
    return repository.since(pool, from).map(rows -> {
      long now = System.currentTimeMillis() / 1000;
      local.values().removeIf(v -> v[1] <= now);
      for (RevocationRepository.Revoked r : rows) {
        local.merge(r.subject(), new long[] {r.revokedAt(), r.expiresAtEpochSeconds()},
            (a, b) -> a[0] >= b[0] ? a : b);
        revision.accumulateAndGet(r.id(), Math::max);
      }
      return null;
    });
  }

  /**
   * Deletes revocations whose tokens have all expired (a cluster job runs it hourly on one node);
   * says how many rows went.
   */
  public Future<Integer> sweep() {
    return repository.sweep(pool);
  }

  /** The highest revocation id this node has loaded. */
  public long revision() {
    return revision.get();
  }

  /** Every access token of this log-in session stops working. */
  public Future<Void> revokeSession(String sessionId) {
    return put("sid:" + sessionId, System.currentTimeMillis() / 1000);
  }

  /** Every access token issued to this user up to now stops working. */
  public Future<Void> revokeUser(long userId) {
    return put("user:" + userId, System.currentTimeMillis() / 1000);
  }

  // Stored first: the cluster message is the fast path, the table is what survives.
  private Future<Void> put(String key, long value) {
    long ttlMs = tokenTtl.toMillis() + 60_000;
    return repository.insert(pool, key, value, ttlMs / 1000)
        .compose(x -> map)
        .compose(m -> m.put(key, value, ttlMs));
  }

  public Future<Boolean> isRevoked(Principal p) {
    long now = System.currentTimeMillis() / 1000;
    long[] sid = local.get("sid:" + p.sessionId());
    if (sid != null && sid[1] > now) {
      return Future.succeededFuture(true);
    }
    long[] user = local.get("user:" + p.userId());
    if (user != null && user[1] > now && p.issuedAtEpochSeconds() <= user[0]) {
      return Future.succeededFuture(true);
    }
    return map.compose(m -> m.get("sid:" + p.sessionId())
        .compose(s -> s != null
            ? Future.succeededFuture(true)
            : m.get("user:" + p.userId()).map(at -> at != null && p.issuedAtEpochSeconds() <= at)));
  }
}
