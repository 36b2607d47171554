package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

/**
 * The whole cluster stopped and started again, as {@code cluster.sh stop; start} does: every
 * node's Hazelcast memory is gone, so a sign-out made before the stop can come back only from the
 * database. A token signed out before the stop must stay refused on every node afterwards, while
 * a session opened before the stop and not signed out still works (the restart itself signs
 * nobody out).
 */
class FullRestartIT {

  private final Cluster cluster = Cluster.shared();

  @Test
  void a_token_signed_out_before_a_full_restart_stays_refused_on_every_node() throws Exception {
    Http first = cluster.node(0).http();
    String signedOut = first.login("hoankiem-officer");
    String kept = first.login("hoankiem-officer");
    assertEquals(200, cluster.node(1).http().get("/api/auth/me", signedOut).status(), "the session works before");
    assertEquals(204, first.post("/api/auth/logout", null, signedOut).status());

    for (ExternalNode node : cluster.nodes) {
      node.stop();
    }
    cluster.nodes.get(0).start();
    cluster.awaitReady(cluster.nodes.get(0), 1);
    cluster.nodes.subList(1, cluster.nodes.size()).forEach(ExternalNode::start);
    for (ExternalNode node : cluster.nodes) {
      cluster.awaitReady(node, cluster.nodes.size());
    }

    for (ExternalNode node : cluster.nodes) {
      Http.Response refused = node.http().get("/api/auth/me", signedOut);
      assertEquals(401, refused.status(), node + " after the restart: " + refused);
      Http.Response working = node.http().get("/api/auth/me", kept);
      assertEquals(200, working.status(), node + " keeps the session that was not signed out: " + working);
    }
  }
}
