package vn.binhyen.core.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide scheduled jobs (SLA checks, signed tree heads, key-expiry warnings): every node
 * schedules the same jobs, and only the oldest Hazelcast member runs them. When that member dies
 * Hazelcast drops it from the member list and the next oldest takes over; the time of each job's
 * last run is kept in a replicated Hazelcast map, so the cadence survives the move.
 *
 * <p>Every node has one, registered by {@code Platform}: a module schedules its jobs in
 * {@code start} with {@code services.get(ClusterJobs.class).schedule(...)}.
 *
 * <p>A job is never run twice at once on one node. While the cluster is healthy, at most one node
 * runs a job; during a network partition (split brain) each side has an oldest member and would
 * run it, so a job must be idempotent for the period it covers (e.g. "the tree head of minute t").
 */
public final class ClusterJobs {

  static final String MAP = "binhyen.cluster-jobs";
  private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<String, Long> lastRuns;
  private final Map<String, Long> timers = new ConcurrentHashMap<>();

  public ClusterJobs(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.lastRuns = hazelcast.getMap(MAP);
  }

  /** Whether this node is the one that runs cluster jobs now (the oldest member). */
  public boolean isLeader() {
    if (!hazelcast.getLifecycleService().isRunning()) {
      return false;
    }
    try {
      Iterator<Member> members = hazelcast.getCluster().getMembers().iterator();
      return members.hasNext() && members.next().localMember();
    } catch (HazelcastInstanceNotActiveException leaving) {
      return false;
    }
  }

  /** The address of the member that runs cluster jobs now, for logs and health pages. */
  public String leader() {
    try {
      Iterator<Member> members = hazelcast.getCluster().getMembers().iterator();
      return members.hasNext() ? members.next().getAddress().toString() : "none";
    } catch (HazelcastInstanceNotActiveException leaving) {
      return "none";
    }
  }

  /**
   * Runs {@code job} about every {@code period} on the leader only. The leader checks every
   * second at most (so a move takes Hazelcast's failure detection plus up to a second). A failed
   * job is logged and tried again next period. Replaces a job of the same name on this node.
   */
  public void schedule(String name, Duration period, Supplier<Future<?>> job) {
    long periodMs = Math.max(10, period.toMillis());
    long tickMs = Math.min(periodMs, 1000);
    AtomicBoolean running = new AtomicBoolean();
    cancel(name);
    long timer = vertx.setPeriodic(tickMs, id -> tick(name, periodMs, job, running));
    timers.put(name, timer);
  }

  /** Stops this node from running the job (other nodes keep their schedule). */
  public void cancel(String name) {
    Long timer = timers.remove(name);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void tick(String name, long periodMs, Supplier<Future<?>> job, AtomicBoolean running) {
    if (running.get() || !isLeader()) {
      return;
    }
    running.set(true);
    vertx.<Boolean>executeBlocking(() -> claim(name, periodMs), false)
        .compose(due -> due ? job.get().<Boolean>map(x -> true) : Future.succeededFuture(false))
        .onComplete(ar -> {
          running.set(false);
          if (ar.failed()) {
            log.warn("Cluster job {} failed on {}: {}", name, leader(), String.valueOf(ar.cause()));
          }
        });
  }

  /** Blocking (a Hazelcast call): records this run if the job is due, and says whether it was. */
  private boolean claim(String name, long periodMs) {
    long now = System.currentTimeMillis();
    Long last = lastRuns.get(name);
    // A small allowance so a job with a 1 s period is not skipped on a tick that comes early.
    if (last != null && now - last < periodMs - Math.min(50, periodMs / 10)) {
      return false;
    }
    lastRuns.set(name, now);
    return true;
  }
}
