package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.testing.Eventually;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.core.tips.webhook.Signatures;

/**
 * A node that dies after an officer pressed send: the reply is in the outbox, committed with it,
 * and a node started afterwards on the same database delivers it exactly once. A world of its own
 * (database, cluster), so that no other node's relay can deliver it in between.
 */
class TipReplyRestartIT {

  private static final String DATABASE = "tips_reply_restart";
  private static final String PAGE_ID = "104857600777091";
  private static final String FB_SECRET = "fb-app-secret-for-restart-tests";
  private static final String PAGE_TOKEN = "EAAGpagetokenforrestarttests";
  private static final PlatformFakes fakes = PlatformFakes.shared();

  /** The citizen's Messenger message {@code mid} to {@code page}, signed as Facebook does; the tip it became. */
  private static long message(Http http, String page, String psid, String mid, String text) throws Exception {
    byte[] body = new JsonObject().put("object", "page").put("entry", new io.vertx.core.json.JsonArray().add(new JsonObject()
        .put("id", page).put("time", System.currentTimeMillis()).put("messaging", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("sender", new JsonObject().put("id", psid)).put("recipient", new JsonObject().put("id", page))
                .put("timestamp", System.currentTimeMillis())
                .put("message", new JsonObject().put("mid", mid).put("text", text))))))
        .encode().getBytes(StandardCharsets.UTF_8);
    assertEquals(200, http.raw("POST", "/webhooks/facebook", body, "application/json", null,
        Map.of("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET)))).status());
    Eventually.await(() -> count("SELECT count(*) FROM tip WHERE source_message_id = '" + mid + "'") == 1, "the tip");
    return Long.parseLong(scalar("SELECT id FROM tip WHERE source_message_id = ?", mid));
  }

  /** Ba Đình's verified Facebook page {@code page}, its webhook secret and access token set by the officer. */
  private static long messengerPage(Http http, String officer, String page, String verifyToken) throws Exception {
    long channel = Long.parseLong(scalar("""
        INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
        SELECT id, path, ?, ?, ?, 'Công an phường Ba Đình', 'cong an phuong ba dinh', 'verified'
          FROM tenant WHERE code = '00004' AND valid_to IS NULL RETURNING id""", Platform.FACEBOOK_PAGE.id(),
        ChannelLinks.normalize(page, Platform.FACEBOOK_PAGE).normalizedId(), "https://facebook.com/" + page));
    assertEquals(204, http.raw("PUT", "/api/units/00004/channels/" + channel + "/webhook-secret",
        new JsonObject().put("secret", FB_SECRET).put("verifyToken", verifyToken)
            .put("accessToken", PAGE_TOKEN).encode().getBytes(StandardCharsets.UTF_8), "application/json", officer, Map.of())
        .status());
    return channel;
  }

  @Test
  void a_node_killed_after_the_officer_pressed_send_delivers_the_reply_exactly_once_after_restart() throws Exception {
    fakes.acceptToken(PAGE_TOKEN);
    String psid = "61" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L);
    long tip;
    vn.binhyen.core.runtime.Platform first = start();
    try {
      DemoCountry.seed(first.services(), first.modules(), Optional.of(TestPlatform.PASSWORD));
      Http http = new Http(first.httpPort());
      String officer = http.login("badinh-officer");
      long channel = messengerPage(http, officer, PAGE_ID, "verify-token-restart-0001");
      // The platform has trouble from the citizen's first message on: the automatic first reply and
      // the officer's reply wait in the outbox.
      fakes.down(psid);
      String mid = "m_restart_" + System.nanoTime();
      tip = message(http, PAGE_ID, psid, mid, "Có người lừa bán vé máy bay giả");

      Http.Response r = http.post("/api/tips/" + tip + "/replies", new JsonObject().put("text", "Bạn đừng chuyển tiền."), officer);
      assertTrue(r.status() / 100 == 2, r.toString());
      Eventually.await(() -> fakes.attempts(psid).stream().anyMatch(a -> !welcome(a)), "the first node's attempt");
    } finally {
      first.close();
    }
    long t = tip;
    String statuses = "SELECT string_agg(status, ',') FROM tip_reply_delivery WHERE tip_id = " + t;
    assertEquals("queued,queued", text(statuses), "the automatic first reply and the officer's");
    assertEquals(0, fakes.inbox(psid).size());
    int triedBefore = fakes.attempts(psid).size();

    fakes.up(psid);
    try (vn.binhyen.core.runtime.Platform second = start()) {
      Eventually.await(() -> "sent,sent".equals(text(statuses)), "both sent after restart");
      Eventually.await(() -> count("SELECT count(*) FROM outbox WHERE topic = 'tips.reply'") == 0, "the outbox rows done");
      List<PlatformFakes.Received> got = fakes.inbox(psid);
      assertEquals(2, got.size(), "each delivered exactly once");
      assertEquals(1, got.stream().filter(TipReplyRestartIT::welcome).count());
      assertEquals(List.of("Bạn đừng chuyển tiền."), got.stream().filter(r -> !welcome(r))
          .map(r -> r.body().getJsonObject("message").getString("text")).toList());
      assertEquals(triedBefore + 2, fakes.attempts(psid).size(), "one more call each, the one that delivered");
    }
  }

  @Test
  void a_node_lost_while_messenger_has_not_answered_yet_delivers_the_reply_once_from_the_next_node() throws Exception {
    String page = "104857600777092";
    fakes.acceptToken(PAGE_TOKEN);
    String psid = "61" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L);
    long tip;
    vn.binhyen.core.runtime.Platform first = start();
    try {
      DemoCountry.seed(first.services(), first.modules(), Optional.of(TestPlatform.PASSWORD));
      Http http = new Http(first.httpPort());
      String officer = http.login("badinh-officer");
      long channel = messengerPage(http, officer, page, "verify-token-restart-0002");
      String mid = "m_restart_hang_" + System.nanoTime();
      tip = message(http, page, psid, mid, "Có người rao bán súng trên mạng");
      long t = tip;
      Eventually.await(() -> count("SELECT count(*) FROM tip_reply_delivery WHERE tip_id = " + t
          + " AND status = 'sent'") == 1, "the automatic first reply sent");
      // Messenger takes the officer's reply and does not answer: the node dies in the middle of the call.
      fakes.hang(psid);
      Http.Response r = http.post("/api/tips/" + tip + "/replies", new JsonObject().put("text", "Bạn gửi giúp đường dẫn."), officer);
      assertTrue(r.status() / 100 == 2, r.toString());
      Eventually.await(() -> fakes.hanging() == 1, "the call under way");
    } finally {
      first.close();
    }
    long t = tip;
    String statuses = "SELECT string_agg(d.status, ',' ORDER BY d.event_id) FROM tip_reply_delivery d WHERE d.tip_id = " + t;
    assertEquals("sent,queued", text(statuses), "the officer's reply still queued: nothing was committed as sent");
    fakes.unhang(psid);
    // The dead node's lease on the outbox row ends (60 s): moved to now instead of waiting.
    scalar("UPDATE outbox SET next_attempt_at = now() WHERE topic = 'tips.reply' RETURNING 1");
    try (vn.binhyen.core.runtime.Platform second = start()) {
      Eventually.await(() -> "sent,sent".equals(text(statuses)), "sent by the next node");
      Eventually.await(() -> count("SELECT count(*) FROM outbox WHERE topic = 'tips.reply'") == 0, "the outbox row done");
      List<String> officerTexts = fakes.inbox(psid).stream().filter(x -> !welcome(x))
          .map(x -> x.body().getJsonObject("message").getString("text")).toList();
      assertEquals(List.of("Bạn gửi giúp đường dẫn."), officerTexts, "delivered exactly once");
    }
  }

  private static boolean welcome(PlatformFakes.Received r) {
    return TipRepliesIT.isWelcome(r);
  }

  private static vn.binhyen.core.runtime.Platform start() {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> env = new HashMap<>(TipWorld.SETTINGS);
    env.put("BINHYEN_CLUSTER_PORT", String.valueOf(port));
    env.put("BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + port);
    return TestNode.start(DATABASE, TestNode.newClusterName(), env);
  }

  private static long count(String sql) {
    return Long.parseLong(text(sql));
  }

  private static String text(String sql) {
    try {
      return scalar(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String scalar(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.connect(DATABASE); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
