package vn.binhyen.core.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.binhyen.core.error.DomainError;

/**
 * Cluster-wide fixed-window rate limits: one counter per (bucket, key, window) in a Hazelcast map,
 * incremented atomically on the key's owner by an entry processor, expiring with its window. Any
 * node counts toward the same limit.
 */
public final class RateLimiter {

  static final String MAP = "binhyen.ratelimits";

  private final Vertx vertx;
  private final IMap<String, Long> counters;

  public RateLimiter(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.counters = hazelcast.getMap(MAP);
  }

  /**
   * Counts one hit; fails with {@link DomainError.TooManyRequests} (with the seconds until the
   * window ends) when the hits in this window exceed {@code limit}.
   */
  public Future<Void> hit(String bucket, String key, int limit, Duration window) {
    long windowMs = window.toMillis();
    long now = System.currentTimeMillis();
    long start = now - now % windowMs;
    String id = bucket + "|" + key + "|" + start;
    return Future.fromCompletionStage(counters.submitToKey(id, new Increment()), vertx.getOrCreateContext())
        .compose(count -> {
          if (count == 1L) {
            counters.setTtl(id, windowMs + 1000, TimeUnit.MILLISECONDS);
          }
          if (count > limit) {
            long retry = Math.max(1, (start + windowMs - now + 999) / 1000);
            return Future.failedFuture(new DomainError.TooManyRequests(
                "Quá nhiều yêu cầu, hãy thử lại sau " + retry + " giây / too many requests, try again in "
                    + retry + " s", retry));
          }
          return Future.succeededFuture();
        });
  }

  /** The hits counted so far in the current window, without counting one. */
  public Future<Long> current(String bucket, String key, Duration window) {
    long windowMs = window.toMillis();
    long now = System.currentTimeMillis();
    String id = bucket + "|" + key + "|" + (now - now % windowMs);
    return Future.fromCompletionStage(counters.getAsync(id), vertx.getOrCreateContext())
        .map(v -> v == null ? 0L : v);
  }

  /** Seconds until the current window of this length ends. */
  public static long secondsLeft(Duration window) {
    long windowMs = window.toMillis();
    long now = System.currentTimeMillis();
    return Math.max(1, (windowMs - now % windowMs + 999) / 1000);
  }

  /** Increments the counter where it lives (no read-modify-write race between nodes). */
  static final class Increment implements EntryProcessor<String, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long process(Map.Entry<String, Long> entry) {
      long next = entry.getValue() == null ? 1L : entry.getValue() + 1;
      entry.setValue(next);
      return next;
    }
  }
}
