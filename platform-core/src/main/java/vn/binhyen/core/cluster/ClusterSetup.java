package vn.binhyen.core.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import vn.binhyen.core.config.Config;

/**
 * Hazelcast for the Vert.x cluster: loopback-only by default (TCP-IP members, no multicast or
 * auto-detection, no phone-home), keeping the {@code __vertx.*} maps of vertx-hazelcast's
 * default-cluster.xml. A single node is a one-member cluster. On Kubernetes, members are found
 * through the DNS of a headless Service ({@code BINHYEN_CLUSTER_KUBERNETES_DNS}).
 */
public final class ClusterSetup {

  /** A member silent this long is dropped by its peers (hazelcast.max.no.heartbeat.seconds). */
  public static final java.time.Duration MAX_NO_HEARTBEAT = java.time.Duration.ofSeconds(8);

  private ClusterSetup() {}

  public static HazelcastClusterManager clusterManager(Config config) {
    com.hazelcast.config.Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(config.clusterName());
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.socket.bind.any", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Notice a killed member within seconds rather than a minute.
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(MAX_NO_HEARTBEAT.toSeconds()));
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(config.clusterPort()).setPortAutoIncrement(true).setPortCount(20);
    net.setPublicAddress(null);
    net.getInterfaces().setEnabled(true).addInterface(config.clusterHost());
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (config.clusterKubernetesDns().isPresent()) {
      // Kubernetes: members are the addresses behind a headless Service (DNS mode, no API access).
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", config.clusterKubernetesDns().get())
          .setProperty("service-port", Integer.toString(config.clusterPort()));
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(config.clusterMembers());
    }
    return new HazelcastClusterManager(hz);
  }

  public static void eventBus(VertxOptions options, Config config) {
    options.getEventBusOptions().setHost(config.clusterHost()).setClusterPublicHost(config.clusterHost());
  }
}
