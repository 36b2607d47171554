package vn.binhyen.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.identity.Revocations;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Sign-outs live in PostgreSQL, not only in cluster memory. A node in a cluster of its own stands
 * for one that missed every cluster message (frozen, partitioned) or for a cluster restarted from
 * nothing on the same database: it must still refuse a signed-out token.
 */
class DurableRevocationIT {

  @Test
  void a_node_that_missed_the_cluster_message_refuses_the_token_after_its_next_sync() throws Exception {
    Http first = TestPlatform.http();
    Platform isolated = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of());
    try {
      Http cutOff = new Http(isolated.httpPort());
      String token = first.login("hanoi-admin");
      assertEquals(200, cutOff.get("/api/auth/me", token).status(), "the token works on the cut-off node");
      assertEquals(204, first.post("/api/auth/logout", null, token).status());
      // Bounded wait: the node resyncs every SYNC_PERIOD; three periods is ample on a busy machine.
      long deadline = System.nanoTime() + Revocations.SYNC_PERIOD.multipliedBy(3).toNanos();
      Http.Response answer = cutOff.get("/api/auth/me", token);
      while (answer.status() == 200 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        answer = cutOff.get("/api/auth/me", token);
      }
      assertTrue(answer.isProblem(401, "unauthenticated"), answer.body());
    } finally {
      isolated.close();
    }
  }

  @Test
  void the_sweep_deletes_only_revocations_whose_tokens_have_all_expired() throws Exception {
    String marker = "sid:sweep-" + java.util.UUID.randomUUID();
    try (var c = vn.binhyen.core.testing.TestDatabase.connect(TestPlatform.DATABASE); var st = c.createStatement()) {
      st.executeUpdate("INSERT INTO token_revocation (subject, revoked_at, expires_at) VALUES ('" + marker
          + "-old', 1, now() - interval '1 minute'), ('" + marker + "-live', 1, now() + interval '1 hour')");
    }
    int swept = TestPlatform.demo().services().revocations().sweep().await();
    assertTrue(swept >= 1, "swept " + swept);
    try (var c = vn.binhyen.core.testing.TestDatabase.connect(TestPlatform.DATABASE); var st = c.createStatement();
        var rs = st.executeQuery("SELECT string_agg(subject, ',' ORDER BY subject) FROM token_revocation"
            + " WHERE subject LIKE '" + marker + "%'")) {
      rs.next();
      assertEquals(marker + "-live", rs.getString(1), "the expired one went, the live one stays");
    }
  }

  @Test
  void a_signed_out_token_stays_refused_by_a_cluster_restarted_on_the_same_database() {
    Http first = TestPlatform.http();
    String token = first.login("hanoi-admin");
    assertEquals(204, first.post("/api/auth/logout", null, token).status());
    // A new cluster name: an empty Hazelcast, as after `cluster.sh stop; start`.
    Platform restarted = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of());
    try {
      Http.Response answer = new Http(restarted.httpPort()).get("/api/auth/me", token);
      assertTrue(answer.isProblem(401, "unauthenticated"), answer.body());
    } finally {
      restarted.close();
    }
  }

  @Test
  void a_revoked_user_stays_refused_by_a_cluster_restarted_on_the_same_database() {
    Http first = TestPlatform.http();
    var services = TestPlatform.demo().services();
    String username = "durable-probe-" + System.nanoTime() % 100000;
    services.users().create(null, services.tenantDirectory().byCode("66").await(),
        new vn.binhyen.core.identity.UserService.NewUser(username, "Probe",
            vn.binhyen.core.identity.Role.SUPERVISOR, TestPlatform.PASSWORD)).await();
    String token = first.login(username);
    long userId = first.get("/api/auth/me", token).json().getLong("id");
    services.auth().revokeUser(userId).await();
    Platform restarted = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of());
    try {
      Http.Response answer = new Http(restarted.httpPort()).get("/api/auth/me", token);
      assertTrue(answer.isProblem(401, "unauthenticated"), answer.body());
    } finally {
      restarted.close();
    }
  }
}
