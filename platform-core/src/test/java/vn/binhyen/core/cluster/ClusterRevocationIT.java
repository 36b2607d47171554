package vn.binhyen.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/** Two nodes on 127.0.0.1 form one cluster: a token revoked through one is refused by the other. */
class ClusterRevocationIT {

  private static Platform second;

  @BeforeAll
  static void startSecondNode() {
    TestPlatform.demo();
    second = TestNode.start(TestPlatform.DATABASE, TestPlatform.clusterName(), Map.of());
  }

  @AfterAll
  static void stopSecondNode() {
    second.close();
  }

  @Test
  void the_second_node_joins_the_first() {
    Http.Response ready = new Http(second.httpPort()).get("/health/ready", null);
    assertEquals(200, ready.status());
    assertTrue(ready.json().getJsonObject("checks").getInteger("clusterMembers") >= 2, ready.body());
  }

  @Test
  void a_logout_on_one_node_is_refused_by_the_other() {
    Http first = TestPlatform.http();
    Http other = new Http(second.httpPort());
    String token = first.login("hanoi-admin");
    assertEquals(200, other.get("/api/auth/me", token).status(), "a token from node 1 works on node 2");
    assertEquals(204, first.post("/api/auth/logout", null, token).status());
    assertTrue(other.get("/api/auth/me", token).isProblem(401, "unauthenticated"));
  }

  @Test
  void a_disabled_users_tokens_die_on_every_node() {
    Http first = TestPlatform.http();
    Http other = new Http(second.httpPort());
    var services = TestPlatform.demo().services();
    String username = "cluster-probe-" + System.nanoTime() % 100000;
    services.users().create(null, services.tenantDirectory().byCode("66").await(),
        new vn.binhyen.core.identity.UserService.NewUser(username, "Probe", vn.binhyen.core.identity.Role.SUPERVISOR,
            TestPlatform.PASSWORD)).await();
    String token = other.login(username);
    long userId = other.get("/api/auth/me", token).json().getLong("id");
    TestPlatform.demo().services().auth().revokeUser(userId).await();
    assertTrue(other.get("/api/auth/me", token).isProblem(401, "unauthenticated"));
    assertTrue(first.get("/api/auth/me", token).isProblem(401, "unauthenticated"));
  }
}
