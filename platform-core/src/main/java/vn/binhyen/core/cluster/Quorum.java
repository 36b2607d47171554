package vn.binhyen.core.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import java.time.Duration;

/**
 * Split-brain protection: with a configured cluster size above one, a node that sees fewer than a
 * majority of it is cut off, so it reports not ready and refuses signed-in writes until it rejoins
 * ({@code BINHYEN_CLUSTER_SIZE}, docs/configuration.md). A node that was frozen longer than the
 * heartbeat timeout is treated the same while it settles ({@link PauseWatch}): for a moment after
 * it resumes it still lists the peers that have dropped it.
 */
public final class Quorum {

  private final ClusterManager cluster;
  private final int configuredSize;
  private volatile PauseWatch pauses;

  public Quorum(ClusterManager cluster, int configuredSize) {
    this.cluster = cluster;
    this.configuredSize = configuredSize;
  }

  /**
   * Watches for pauses longer than {@code heartbeatTimeout} with a timer on {@code vertx}; on one,
   * runs {@code resync} at once (the node may have missed cluster messages). Off for size 1.
   */
  public void watch(Vertx vertx, Duration heartbeatTimeout, ClusterResync resync) {
    if (configuredSize <= 1) {
      return;
    }
    PauseWatch watch = new PauseWatch(heartbeatTimeout, System.nanoTime());
    pauses = watch;
    vertx.setPeriodic(PauseWatch.TICK.toMillis(), t -> {
      if (watch.tick(System.nanoTime())) {
        org.slf4j.LoggerFactory.getLogger(Quorum.class).warn(
            "This node was frozen for {} ms (longer than the {} s heartbeat timeout): not ready while it settles",
            watch.lastPause().toMillis(), heartbeatTimeout.toSeconds());
        resync.run("a pause of " + watch.lastPause().toMillis() + " ms");
      }
    });
  }

  /** Members needed for a majority of the configured size (1 when no size is configured). */
  public int needed() {
    return configuredSize / 2 + 1;
  }

  public int seen() {
    return cluster == null ? 0 : cluster.getNodes().size();
  }

  public boolean held() {
    return configuredSize <= 1 || seen() >= needed() && !settling();
  }

  private boolean settling() {
    PauseWatch p = pauses;
    return p != null && p.settling(System.nanoTime());
  }

  /** Why the node is cut off, for the readiness body and the 503 detail. */
  public String reason() {
    if (settling()) {
      return "frozen for " + pauses.lastPause().toMillis() + " ms, longer than the heartbeat timeout; "
          + "settling (sees " + seen() + " of " + configuredSize + " configured members)";
    }
    return "sees " + seen() + " of " + configuredSize + " configured members, needs " + needed();
  }
}
