package vn.binhyen.verifier.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/**
 * A node in a cluster of its own on the same database never receives the registry's cluster
 * messages (as a frozen or partitioned node would not): it must still learn of a revocation from
 * the database within its anti-entropy period.
 */
class RegistryResyncIT {

  @Test
  void a_node_that_missed_the_revocation_message_answers_revoked_after_its_resync() throws Exception {
    Http first = TestPlatform.http();
    Channel channel = TestChannels.pendingPage("00070");
    Http.Response issued = TestChannels.issue(first, "hanoi-admin", channel.id());
    assertEquals(201, issued.status(), issued.toString());
    Platform isolated = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of());
    try {
      Http cutOff = new Http(isolated.httpPort());
      String link = "https://" + channel.normalizedId();
      assertEquals("OFFICIAL", TestChannels.verify(cutOff, link).getString("verdict"));

      Http.Response revoked = first.post("/api/verifier/channels/" + channel.id() + "/status",
          new JsonObject().put("status", "revoked").put("reason", "trang bị chiếm"), first.login("hanoi-admin"));
      assertEquals(200, revoked.status(), revoked.toString());
      assertEquals("REVOKED", ClusterRevocationIT.waitForVerdict(cutOff, link, "REVOKED"));
      assertEquals("REVOKED", TestChannels.verify(cutOff, issued.json().getString("token")).getString("verdict"));
    } finally {
      isolated.close();
    }
  }
}
