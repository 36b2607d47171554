package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.JoinConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.cluster.ClusterSetup;
import vn.binhyen.core.config.ConfigLoader;

/** How a node finds its cluster: listed TCP-IP members by default, a headless Service's DNS on Kubernetes. */
class ClusterSetupTest {

  private static JoinConfig join(Map<String, String> env) {
    return ClusterSetup.clusterManager(ConfigLoader.from(env)).getConfig().getNetworkConfig().getJoin();
  }

  @Test
  void by_default_members_are_the_listed_addresses_and_nothing_is_discovered() {
    JoinConfig join = join(Map.of("BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:5801, 127.0.0.1:5802"));
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1:5801", "127.0.0.1:5802"), join.getTcpIpConfig().getMembers());
    assertFalse(join.getKubernetesConfig().isEnabled());
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
  }

  @Test
  void a_kubernetes_dns_name_replaces_the_member_list_with_dns_discovery_on_the_cluster_port() {
    JoinConfig join = join(Map.of(
        "BINHYEN_CLUSTER_KUBERNETES_DNS", "binhyen-hazelcast.binhyen.svc.cluster.local",
        "BINHYEN_CLUSTER_PORT", "5701"));
    assertFalse(join.getTcpIpConfig().isEnabled());
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertEquals("binhyen-hazelcast.binhyen.svc.cluster.local", join.getKubernetesConfig().getProperty("service-dns"));
    assertEquals("5701", join.getKubernetesConfig().getProperty("service-port"));
    assertFalse(join.getMulticastConfig().isEnabled());
  }
}
