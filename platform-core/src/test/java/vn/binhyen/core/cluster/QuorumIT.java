package vn.binhyen.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/** With BINHYEN_CLUSTER_SIZE=3, a node that sees fewer than two members is not ready and refuses signed-in writes. */
class QuorumIT {

  private static final Map<String, String> SIZE_3 = Map.of("BINHYEN_CLUSTER_SIZE", "3");

  @Test
  void a_node_below_the_majority_is_not_ready_and_refuses_writes_until_a_second_member_joins() {
    TestPlatform.demo();
    String cluster = TestNode.newClusterName();
    Platform alone = TestNode.start(TestPlatform.DATABASE, cluster, SIZE_3);
    Platform second = null;
    try {
      Http http = new Http(alone.httpPort());
      Http.Response ready = http.get("/health/ready", null);
      assertEquals(503, ready.status(), ready.body());
      assertEquals("DOWN", ready.json().getJsonObject("checks").getString("majority"), ready.body());
      assertTrue(ready.json().getString("reason").contains("sees 1 of 3"), ready.body());

      String token = http.login("hanoi-admin");
      assertEquals(200, http.get("/api/auth/me", token).status(), "reads still answer");
      assertTrue(http.post("/api/auth/logout", null, token).isProblem(503, "unavailable"),
          "a signed-in write is refused while cut off");

      second = TestNode.start(TestPlatform.DATABASE, cluster, SIZE_3);
      Http.Response rejoined = http.get("/health/ready", null);
      assertEquals(200, rejoined.status(), rejoined.body());
      assertEquals(204, http.post("/api/auth/logout", null, token).status(), "writes accepted again");
    } finally {
      if (second != null) {
        second.close();
      }
      alone.close();
    }
  }

  @Test
  void the_default_size_of_one_turns_the_check_off() {
    Http.Response ready = TestPlatform.http().get("/health/ready", null);
    assertEquals(200, ready.status(), ready.body());
    assertEquals("UP", ready.json().getJsonObject("checks").getString("majority"), ready.body());
  }
}
