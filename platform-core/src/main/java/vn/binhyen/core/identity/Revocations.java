package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Duration;
import vn.binhyen.core.access.Principal;

/**
 * Revoked sessions and users, in a cluster-wide map (Hazelcast under Vert.x shared data), so a
 * sign-out or a disabled account through any node is refused by every node at once. Entries live
 * as long as an access token could, after which the token has expired anyway.
 */
public final class Revocations {

  static final String MAP = "binhyen.revocations";

  private final Future<AsyncMap<String, Long>> map;
  private final Duration tokenTtl;

  public Revocations(Vertx vertx, Duration tokenTtl) {
    this.map = vertx.sharedData().<String, Long>getAsyncMap(MAP);
    this.tokenTtl = tokenTtl;
  }

  /** Every access token of this log-in session stops working. */
  public Future<Void> revokeSession(String sessionId) {
    return put("sid:" + sessionId, System.currentTimeMillis() / 1000);
  }

  /** Every access token issued to this user up to now stops working. */
  public Future<Void> revokeUser(long userId) {
    return put("user:" + userId, System.currentTimeMillis() / 1000);
  }

  private Future<Void> put(String key, long value) {
    long ttlMs = tokenTtl.toMillis() + 60_000;
    return map.compose(m -> m.put(key, value, ttlMs));
  }

  public Future<Boolean> isRevoked(Principal p) {
    return map.compose(m -> m.get("sid:" + p.sessionId())
        .compose(sid -> sid != null
            ? Future.succeededFuture(true)
            : m.get("user:" + p.userId()).map(at -> at != null && p.issuedAtEpochSeconds() <= at)));
  }
}
