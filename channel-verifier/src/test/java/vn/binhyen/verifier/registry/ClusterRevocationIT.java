package vn.binhyen.verifier.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/** Two nodes of one cluster on one database: a revocation through one is seen by the other. */
class ClusterRevocationIT {

  static Platform second;

  @BeforeAll
  static void start() {
    TestPlatform.demo();
    second = TestNode.start(TestPlatform.DATABASE, TestPlatform.clusterName(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void a_revocation_through_one_node_is_seen_by_the_other() throws Exception {
    Http first = TestPlatform.http();
    Http other = new Http(second.httpPort());
    Channel channel = TestChannels.pendingPage("00070");
    Http.Response issued = TestChannels.issue(first, "hanoi-admin", channel.id());
    assertEquals(201, issued.status(), issued.toString());
    String link = "https://" + channel.normalizedId();
    assertEquals("OFFICIAL", waitForVerdict(other, link, "OFFICIAL"));

    Http.Response revoked = first.post("/api/verifier/channels/" + channel.id() + "/status",
        new JsonObject().put("status", "revoked").put("reason", "trang bị chiếm"), first.login("hanoi-admin"));
    assertEquals(200, revoked.status(), revoked.toString());
    long t0 = System.nanoTime();
    String verdict = waitForVerdict(other, link, "REVOKED");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("REVOKED", verdict);
    assertEquals("REVOKED", TestChannels.verify(other, issued.json().getString("token")).getString("verdict"));
    System.out.println("Revocation seen by the second node after " + millis + " ms");
  }

  /** Polls the other node (no timed assertion) until it gives {@code expected}, up to 30 s. */
  static String waitForVerdict(Http node, String q, String expected) throws InterruptedException {
    String verdict = null;
    for (int i = 0; i < 600; i++) {
      verdict = TestChannels.verify(node, q).getString("verdict");
      if (expected.equals(verdict)) {
        return verdict;
      }
      Thread.sleep(50);
    }
    return verdict;
  }
}
