package vn.binhyen.core.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.async.CallerContext;

/**
 * Cluster-wide fixed-window rate limits: one counter per (bucket, key, window) in a Hazelcast map,
 * incremented atomically on the key's owner by an entry processor, expiring with its window. Any
 * node counts toward the same limit. A node sends the hits of one counter that arrive together in
 * one increment ({@link #increment}).
 */
public final class RateLimiter {

  static final String MAP = "binhyen.ratelimits";

  private final Vertx vertx;
  private final IMap<String, Long> counters;
  private final Map<String, Waiting> waiting = new HashMap<>();

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
    return increment(id).compose(count -> {
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

  /**
   * This hit's number in its counter. Hits of one counter arriving while its increment is on the
   * way wait for the next one, which adds all of them at once and numbers them in turn: the same
   * counts as one increment each (in some order), with one cluster call per batch instead of per
   * hit. A busy public endpoint hammered from one address is exactly that case.
   */
  private Future<Long> increment(String id) {
    Promise<Long> count = Promise.promise();
    Waiting counter;
    List<Pending> batch = null;
    synchronized (waiting) {
      counter = waiting.computeIfAbsent(id, k -> new Waiting());
      counter.hits.add(new Pending(count, Vertx.currentContext()));
      if (!counter.inFlight) {
        counter.inFlight = true;
        batch = counter.hits;
        counter.hits = new ArrayList<>();
      }
    }
    if (batch != null) {
      send(id, counter, batch);
    }
    return count.future();
  }

  private void send(String id, Waiting counter, List<Pending> batch) {
    counters.submitToKey(id, new Add(batch.size())).whenComplete((total, error) -> {
      List<Pending> next = null;
      synchronized (waiting) {
        if (counter.hits.isEmpty()) {
          counter.inFlight = false;
          waiting.remove(id);
        } else {
          next = counter.hits;
          counter.hits = new ArrayList<>();
        }
      }
      if (next != null) {
        send(id, counter, next);
      }
      for (int i = 0; i < batch.size(); i++) {
        Pending hit = batch.get(i);
        long number = error == null ? total - batch.size() + 1 + i : 0;
        CallerContext.complete(hit.context(), hit.count(), number, error);
      }
    });
  }

  /** The hits of one counter waiting for its next increment. */
  private static final class Waiting {
    List<Pending> hits = new ArrayList<>();
    boolean inFlight;
  }

  private record Pending(Promise<Long> count, Context context) {}

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

  /** Adds n hits to the counter where it lives (no read-modify-write race between nodes). */
  static final class Add implements EntryProcessor<String, Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long n;

    Add(long n) {
      this.n = n;
    }

    @Override
    public Long process(Map.Entry<String, Long> entry) {
      long next = (entry.getValue() == null ? 0L : entry.getValue()) + n;
      entry.setValue(next);
      return next;
    }
  }
}
