package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.tips.webhook.Signatures;

/**
 * A node killed (SIGKILL) right after it acknowledged work that follows the answer: the work is
 * done anyway, once, by the outbox relay of a surviving node or of the node when it is back.
 * A webhook delivery answered 200 becomes exactly one tip; a channel approval answered 200 gets
 * its attestation (the channel verifies as OFFICIAL on another node).
 */
class CrashAfterAckIT {

  private static final String SECRET = "fb-app-secret-crash-test";
  private static final String FACEBOOK = """
      {"object":"page","entry":[{"id":"%s","time":1732345678901,"messaging":[{"sender":{"id":"6789012345678901"},
      "recipient":{"id":"%s"},"timestamp":1732345678800,"message":{"mid":"%s",
      "text":"Có người mạo danh công an gọi điện đòi chuyển tiền"}}]}]}""";

  private final Cluster cluster = Cluster.shared();

  @Test
  void a_webhook_acknowledged_by_a_node_killed_at_once_becomes_exactly_one_tip() throws Exception {
    String pageId = String.valueOf(100_000_000_000_000L + System.nanoTime() % 899_999_999_999_999L);
    ExternalNode victim = cluster.node(1);
    ExternalNode survivor = cluster.node(2);
    long channelId = scalar("""
        INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
        SELECT id, path, 'facebook_page', 'facebook.com/' || ?, 'https://facebook.com/' || ?, 'Công an phường Ba Đình',
               'cong an phuong ba dinh', 'verified'
          FROM tenant WHERE code = '00004' AND valid_to IS NULL RETURNING id""", pageId, pageId);
    String officer = survivor.http().login("badinh-officer");
    assertEquals(204, survivor.http().raw("PUT", "/api/units/00004/channels/" + channelId + "/webhook-secret",
        new JsonObject().put("secret", SECRET).put("verifyToken", "verify-token-" + pageId).encode()
            .getBytes(StandardCharsets.UTF_8), "application/json", officer, Map.of()).status());

    String mid = "m_crash_" + System.nanoTime();
    byte[] body = FACEBOOK.formatted(pageId, pageId, mid).getBytes(StandardCharsets.UTF_8);
    String signature = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, SECRET));
    Http.Response ack = victim.http().raw("POST", "/webhooks/facebook", body, "application/json", null,
        Map.of("X-Hub-Signature-256", signature));
    assertEquals(137, victim.kill(), "killed at once after the 200");
    assertEquals(200, ack.status(), ack.toString());
    try {
      LongSupplier tips = () -> scalarQuietly("SELECT count(*) FROM tip WHERE source = 'facebook' AND source_message_id = ?", mid);
      awaitAtLeast(tips, 1, 90, "the acknowledged message became a tip");
      assertEquals(200, survivor.http().raw("POST", "/webhooks/facebook", body, "application/json", null,
          Map.of("X-Hub-Signature-256", signature)).status(), "the platform redelivers it");
      awaitAtLeast(() -> scalarQuietly("SELECT count(*) = 0 FROM outbox WHERE topic = 'tips.webhook'"
          + " AND payload->>'platformId' = ?", pageId) > 0 ? 1 : 0, 1, 90, "every stored delivery handled");
      assertEquals(1, tips.getAsLong(), "exactly one tip");
    } finally {
      victim.start();
      cluster.awaitReady(victim, cluster.nodes.size());
    }
  }

  @Test
  void an_approval_acknowledged_by_a_node_killed_at_once_still_gets_its_attestation() throws Exception {
    ExternalNode victim = cluster.node(1);
    ExternalNode survivor = cluster.node(2);
    String handle = "crash.test." + System.nanoTime();
    String officer = survivor.http().login("badinh-officer");
    Http.Response created = survivor.http().post("/api/admin/units/00004/channels", new JsonObject()
        .put("platform", "facebook_page").put("link", "https://www.facebook.com/" + handle)
        .put("name", "Công an phường Ba Đình - trang thử"), officer);
    assertEquals(201, created.status(), created.toString());
    long id = created.json().getLong("id");
    assertEquals(200, survivor.http().post("/api/admin/channels/" + id + "/verification-request", null, officer).status());

    Http.Response approved = victim.http().post("/api/admin/channels/" + id + "/approve", null,
        victim.http().login("hanoi-admin"));
    assertEquals(137, victim.kill(), "killed at once after the approval's answer");
    assertEquals(200, approved.status(), approved.toString());
    try {
      String q = URLEncoder.encode("https://www.facebook.com/" + handle, StandardCharsets.UTF_8);
      awaitAtLeast(() -> "OFFICIAL".equals(survivor.http().get("/api/public/verify?q=" + q, null).json()
          .getString("verdict")) ? 1 : 0, 1, 90, "the approved channel verifies as official");
      assertEquals(1, scalar("SELECT count(*) FROM attestation WHERE revoked_at IS NULL AND channel_id = ?", id),
          "one current attestation");
    } finally {
      victim.start();
      cluster.awaitReady(victim, cluster.nodes.size());
    }
  }

  private static void awaitAtLeast(LongSupplier value, long least, int seconds, String what) {
    Cluster.await(() -> value.getAsLong() >= least, seconds, what);
  }

  private long scalarQuietly(String sql, Object... params) {
    return cluster.scalar(sql, params);
  }

  private long scalar(String sql, Object... params) {
    return cluster.scalar(sql, params);
  }
}
