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
import java.util.concurrent.atomic.AtomicLong;
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
  private final AtomicLong clusterCalls = new AtomicLong();

  /** At most this many numbers are reserved ahead by one cluster call. */
  static final long MAX_RESERVE = 4096;
  private static final int FORGET_ABOVE = 10_000;

  public RateLimiter(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.counters = hazelcast.getMap(MAP);
  }

  /**
   * Counts one hit; fails with {@link DomainError.TooManyRequests} (with the seconds until the
   * window ends) when the hits in this window exceed {@code limit}.
   */
  public Future<Void> hit(String bucket, String key, int limit, Duration window) {
    return hit(bucket, key, limit, window, true);
  }

  /**
   * Counts one event in a counter that is read with {@link #current} (sign-in failures): exactly,
   * with no numbers reserved ahead (they would show in {@code current} as events that did not
   * happen), and no limit of its own.
   */
  public Future<Void> count(String bucket, String key, Duration window) {
    return hit(bucket, key, Integer.MAX_VALUE, window, false);
  }

  private Future<Void> hit(String bucket, String key, int limit, Duration window, boolean reserve) {
    long windowMs = window.toMillis();
    long now = System.currentTimeMillis();
    long start = now - now % windowMs;
    String id = bucket + "|" + key + "|" + start;
    return increment(id, reserve ? limit : 0, start + windowMs).compose(count -> {
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

  /** Cluster calls made so far (each counts one or more hits). */
  public long clusterCalls() {
    return clusterCalls.get();
  }

  /**
   * This hit's number in its counter. Hits of one counter arriving while its increment is on the
   * way wait for the next one, which adds all of them at once and numbers them in turn: the same
   * counts as one increment each (in some order), with one cluster call per batch instead of per
   * hit. A busy public endpoint hammered from one address is exactly that case.
   *
   * <p>Far from its limit a counter also reserves numbers ahead ({@link #reserveAhead}): the next
   * hits on this node take them without a cluster call. Numbers reserved count as hits for every
   * node, so reserving stops in the upper half of the limit: there every hit is counted as it
   * comes, and exactly {@code limit} hits pass in the window while every node keeps receiving hits
   * (a node that stops receiving them leaves its reserve unused, at most a quarter of the room
   * left below half the limit when it reserved). {@code reserveBelow} is the limit for that
   * purpose (0: never reserve).
   */
  private Future<Long> increment(String id, int reserveBelow, long windowEnd) {
    Promise<Long> count = Promise.promise();
    Waiting counter;
    List<Pending> batch = null;
    synchronized (waiting) {
      counter = waiting.get(id);
      if (counter == null) {
        forgetEndedWindows();
        counter = new Waiting(windowEnd);
        waiting.put(id, counter);
      }
      if (counter.reservedNext <= counter.reservedLast) {
        return Future.succeededFuture(counter.reservedNext++);
      }
      counter.hits.add(new Pending(count, Vertx.currentContext()));
      if (!counter.inFlight) {
        counter.inFlight = true;
        batch = counter.hits;
        counter.hits = new ArrayList<>();
      }
    }
    if (batch != null) {
      send(id, counter, batch, reserveBelow);
    }
    return count.future();
  }

  /** Numbers to reserve beyond {@code hits}, given the count last seen: none in the upper half. */
  static long reserveAhead(long lastSeen, int hits, int limit) {
    long room = limit / 2L - lastSeen - hits;
    return room <= 0 ? 0 : Math.min(MAX_RESERVE, room / 4);
  }

  private void send(String id, Waiting counter, List<Pending> batch, int reserveBelow) {
    long ahead = reserveAhead(counter.lastSeen, batch.size(), reserveBelow);
    long asked = batch.size() + ahead;
    clusterCalls.incrementAndGet();
    counters.submitToKey(id, new Add(asked)).whenComplete((total, error) -> {
      List<Pending> reserved = new ArrayList<>();
      long firstReserved = 0;
      List<Pending> next = null;
      synchronized (waiting) {
        if (error == null) {
          counter.lastSeen = total;
          counter.reservedNext = total - ahead + 1;
          counter.reservedLast = total;
          // Hits that queued meanwhile take reserved numbers first.
          firstReserved = counter.reservedNext;
          List<Pending> taking = counter.hits.subList(0, (int) Math.min(counter.hits.size(), ahead));
          reserved.addAll(taking);
          taking.clear();
          counter.reservedNext += reserved.size();
        }
        if (counter.hits.isEmpty()) {
          counter.inFlight = false;
          if (counter.reservedNext > counter.reservedLast) {
            waiting.remove(id);
          }
        } else {
          next = counter.hits;
          counter.hits = new ArrayList<>();
        }
      }
      if (next != null) {
        send(id, counter, next, reserveBelow);
      }
      for (int i = 0; i < batch.size(); i++) {
        Pending hit = batch.get(i);
        long number = error == null ? total - asked + 1 + i : 0;
        CallerContext.complete(hit.context(), hit.count(), number, error);
      }
      for (int i = 0; i < reserved.size(); i++) {
        Pending hit = reserved.get(i);
        CallerContext.complete(hit.context(), hit.count(), firstReserved + i, null);
      }
    });
  }

  /** Drops counters of windows that ended (with any numbers they still had reserved); under the lock. */
  private void forgetEndedWindows() {
    if (waiting.size() < FORGET_ABOVE) {
      return;
    }
    long now = System.currentTimeMillis();
    waiting.values().removeIf(c -> !c.inFlight && c.windowEnd <= now);
  }

  /** One counter on this node: hits waiting for its next increment, numbers reserved ahead. */
  private static final class Waiting {
    final long windowEnd;
    List<Pending> hits = new ArrayList<>();
    boolean inFlight;
    long lastSeen;
    long reservedNext = 1;
    long reservedLast = 0;

    Waiting(long windowEnd) {
      this.windowEnd = windowEnd;
    }
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
