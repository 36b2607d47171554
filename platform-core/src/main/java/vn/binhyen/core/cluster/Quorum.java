package vn.binhyen.core.cluster;

import io.vertx.core.spi.cluster.ClusterManager;

/**
 * Split-brain protection: with a configured cluster size above one, a node that sees fewer than a
 * majority of it is cut off, so it reports not ready and refuses signed-in writes until it rejoins
 * ({@code BINHYEN_CLUSTER_SIZE}, docs/configuration.md).
 */
public final class Quorum {

  private final ClusterManager cluster;
  private final int configuredSize;

  public Quorum(ClusterManager cluster, int configuredSize) {
    this.cluster = cluster;
    this.configuredSize = configuredSize;
  }

  /** Members needed for a majority of the configured size (1 when no size is configured). */
  public int needed() {
    return configuredSize / 2 + 1;
  }

  public int seen() {
    return cluster == null ? 0 : cluster.getNodes().size();
  }

  public boolean held() {
    return configuredSize <= 1 || seen() >= needed();
  }

  /** Why the node is cut off, for the readiness body and the 503 detail. */
  public String reason() {
    return "sees " + seen() + " of " + configuredSize + " configured members, needs " + needed();
  }
}
