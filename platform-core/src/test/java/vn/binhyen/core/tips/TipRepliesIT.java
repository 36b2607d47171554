package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.testing.Eventually;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;
import vn.binhyen.core.tips.webhook.Signatures;

/**
 * Officers' replies to Zalo and Messenger tips go back into the citizen's conversation, through
 * the outbox and the one platform client, against the local fakes of both platforms.
 */
class TipRepliesIT {

  static final String PAGE_ID = "104857600777001";
  private static final String BAD_TOKEN_PAGE_ID = "104857600777002";
  private static final String OA_ID = "1357924680135700001";
  private static final String APP_ID = "3604329716384700001";
  private static final String FB_SECRET = "fb-app-secret-for-reply-tests";
  private static final String OA_SECRET = "zalo-oa-secret-for-reply-tests";
  private static final String PAGE_TOKEN = "EAAGpagetokenforreplytests";
  private static final String OA_TOKEN = "zalo-oa-access-token-for-replies";

  private static final String FACEBOOK = """
      {"object":"page","entry":[{"id":"%1$s","time":1732345678901,"messaging":[{"sender":{"id":"%2$s"},
      "recipient":{"id":"%1$s"},"timestamp":1732345678800,"message":{"mid":"%3$s","text":"%4$s"}}]}]}""";
  private static final String ZALO = """
      {"app_id":"%s","user_id_by_app":"5517452736419876543","event_name":"user_send_text",
      "timestamp":"1732345678901","sender":{"id":"%s"},"recipient":{"id":"%s"},
      "message":{"msg_id":"%s","text":"Có người gọi điện mạo danh công an"}}""";

  static final PlatformFakes fakes = PlatformFakes.shared();
  private static String officer;

  /** The channels of these tests (once per test JVM; the browser test uses them too). */
  @BeforeAll
  static synchronized void channels() throws Exception {
    if (officer != null) {
      return;
    }
    officer = http().login("badinh-officer");
    fakes.acceptToken(PAGE_TOKEN);
    fakes.acceptToken(OA_TOKEN);
    setSecret(channel(Platform.FACEBOOK_PAGE, PAGE_ID), new JsonObject().put("secret", FB_SECRET)
        .put("verifyToken", "verify-token-replies-0001").put("accessToken", PAGE_TOKEN));
    setSecret(channel(Platform.FACEBOOK_PAGE, BAD_TOKEN_PAGE_ID), new JsonObject().put("secret", FB_SECRET)
        .put("verifyToken", "verify-token-replies-0002").put("accessToken", "EAAGrevokedpagetoken"));
    setSecret(channel(Platform.ZALO_OA, OA_ID), new JsonObject().put("secret", OA_SECRET).put("appId", APP_ID)
        .put("accessToken", OA_TOKEN));
  }

  private static void setSecret(long channel, JsonObject body) {
    Http.Response r = http().raw("PUT", "/api/units/00004/channels/" + channel + "/webhook-secret",
        body.encode().getBytes(StandardCharsets.UTF_8), "application/json", officer, Map.of());
    assertEquals(204, r.status(), r.body());
  }

  private static long channel(Platform platform, String id) throws Exception {
    String normalized = ChannelLinks.normalize(id, platform).normalizedId();
    return scalar("""
        INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
        SELECT id, path, ?, ?, ?, 'Công an phường Ba Đình', 'cong an phuong ba dinh', 'verified'
          FROM tenant WHERE code = '00004' AND valid_to IS NULL RETURNING id""",
        platform.id(), normalized, "https://" + normalized);
  }

  static String psid() {
    return "61" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L);
  }

  /** A signed Messenger message from {@code psid} to {@code page}; the tip (or the tip it joined) id. */
  static long messenger(String page, String psid, String text) throws Exception {
    String mid = "m_" + System.nanoTime();
    byte[] body = FACEBOOK.formatted(page, psid, mid, text).getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    assertEquals(200, http().raw("POST", "/webhooks/facebook", body, "application/json", null,
        Map.of("X-Hub-Signature-256", sig)).status());
    Eventually.await(() -> count("SELECT count(*) FROM tip WHERE source_message_id = '" + mid + "'")
        + count("SELECT count(*) FROM tip_event WHERE source_message_id = 'facebook:" + mid + "'") == 1, "message " + mid);
    return scalar("SELECT coalesce((SELECT id FROM tip WHERE source_message_id = ?),"
        + " (SELECT tip_id FROM tip_event WHERE source_message_id = ?))", mid, "facebook:" + mid);
  }

  private static long count(String sql) {
    try {
      return scalar(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String delivery(long tipId) {
    try {
      return scalarText("SELECT string_agg(status, ',' ORDER BY event_id) FROM tip_reply_delivery WHERE tip_id = ?", tipId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void reply(long tipId, String text) {
    Http.Response r = http().post("/api/tips/" + tipId + "/replies", new JsonObject().put("text", text), officer);
    assertTrue(r.status() / 100 == 2, r.toString());
  }

  private static JsonObject lastReply(long tipId) {
    var events = http().get("/api/tips/" + tipId, officer).json().getJsonArray("events");
    JsonObject last = null;
    for (int i = 0; i < events.size(); i++) {
      if ("reply".equals(events.getJsonObject(i).getString("kind"))) {
        last = events.getJsonObject(i);
      }
    }
    return last;
  }

  @Test
  void an_officers_reply_to_a_messenger_tip_arrives_in_the_conversation_as_a_response_and_shows_sent() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Có người bán hàng cấm ở chợ");
    reply(tip, "Cảm ơn bạn, công an phường đang xác minh.");
    Eventually.await(() -> fakes.inbox(psid).size() == 1, "the reply in the fake Messenger inbox");
    JsonObject sent = fakes.inbox(psid).get(0).body();
    assertEquals(psid, sent.getJsonObject("recipient").getString("id"));
    assertEquals("RESPONSE", sent.getString("messaging_type"));
    assertEquals("Cảm ơn bạn, công an phường đang xác minh.", sent.getJsonObject("message").getString("text"));
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
    JsonObject d = lastReply(tip).getJsonObject("delivery");
    assertEquals("sent", d.getString("status"));
    assertTrue(d.getString("platformMessageId").startsWith("m_"), d.encode());
  }

  /** A signed Zalo OA message from {@code user}; the tip (or the tip it joined) id. */
  private static long zalo(String user) throws Exception {
    String msgId = "z" + System.nanoTime();
    byte[] body = ZALO.formatted(APP_ID, user, OA_ID, msgId).getBytes(StandardCharsets.UTF_8);
    String mac = "mac=" + HexFormat.of().formatHex(new Signatures(TipSettings.ZALO_MAC_DEFAULT)
        .zaloMac(body, APP_ID, "1732345678901", OA_SECRET));
    assertEquals(200, http().raw("POST", "/webhooks/zalo", body, "application/json", null,
        Map.of("X-ZEvent-Signature", mac)).status());
    Eventually.await(() -> count("SELECT count(*) FROM tip WHERE source_message_id = '" + msgId + "'")
        + count("SELECT count(*) FROM tip_event WHERE source_message_id = 'zalo:" + msgId + "'") == 1, "the Zalo message");
    return scalar("SELECT coalesce((SELECT id FROM tip WHERE source_message_id = ?),"
        + " (SELECT tip_id FROM tip_event WHERE source_message_id = ?))", msgId, "zalo:" + msgId);
  }

  private static String zaloUser() {
    return "24680135792" + String.format("%08d", System.nanoTime() % 100_000_000L);
  }

  @Test
  void an_officers_reply_to_a_zalo_tip_arrives_as_a_consultation_message() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    reply(tip, "Công an phường Ba Đình đã nhận tin của bạn.");
    Eventually.await(() -> fakes.inbox(user).size() == 1, "the reply in the fake Zalo inbox");
    JsonObject sent = fakes.inbox(user).get(0).body();
    assertEquals(user, sent.getJsonObject("recipient").getString("user_id"));
    assertEquals("Công an phường Ba Đình đã nhận tin của bạn.", sent.getJsonObject("message").getString("text"));
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void a_reply_outside_the_window_is_held_and_delivered_when_the_citizen_writes_again() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Tôi thấy xe nghi chở hàng lậu");
    fakes.closeWindow(psid);
    reply(tip, "Bạn có thể cho biết biển số xe không?");
    Eventually.await(() -> "held".equals(delivery(tip)), "the reply held");
    JsonObject d = lastReply(tip).getJsonObject("delivery");
    assertEquals("outside-window", d.getString("reason"));
    assertTrue(d.getString("platformError").startsWith("10:"), d.encode());
    assertEquals(0, fakes.inbox(psid).size());
    assertEquals(1, fakes.attempts(psid).size());

    fakes.openWindow(psid);
    assertEquals(tip, messenger(PAGE_ID, psid, "Biển số 29A-123.45"), "the citizen's message joins the tip");
    Eventually.await(() -> fakes.inbox(psid).size() == 1, "the held reply delivered");
    assertEquals("Bạn có thể cho biết biển số xe không?",
        fakes.inbox(psid).get(0).body().getJsonObject("message").getString("text"));
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void a_zalo_reply_after_the_48_hours_is_held_and_delivered_when_the_citizen_writes_again() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    fakes.closeWindow(user);
    reply(tip, "Bạn nhớ số điện thoại đã gọi cho bạn không?");
    Eventually.await(() -> "held".equals(delivery(tip)), "the reply held");
    assertTrue(lastReply(tip).getJsonObject("delivery").getString("platformError").startsWith("-230:"));
    assertEquals(0, fakes.inbox(user).size());
    fakes.openWindow(user);
    assertEquals(tip, zalo(user), "the citizen's message joins the tip");
    Eventually.await(() -> fakes.inbox(user).size() == 1, "the held reply delivered");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void a_rate_limit_answer_is_retried_and_then_the_reply_is_sent() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Có nhóm thanh niên tụ tập đua xe");
    fakes.rateLimit(psid, 2);
    reply(tip, "Chúng tôi sẽ cử tổ tuần tra.");
    Eventually.await(() -> fakes.inbox(psid).size() == 1, "the reply delivered after the rate limit");
    assertEquals(3, fakes.attempts(psid).size(), "two rate-limit answers, then the message");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void the_same_outbox_row_delivered_twice_sends_once() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Nghi có người bị lừa chuyển tiền");
    reply(tip, "Bạn đừng chuyển thêm tiền.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
    long event = scalar("SELECT event_id FROM tip_reply_delivery WHERE tip_id = ?", tip);
    // The relay delivers at least once: the same row again (a node killed after sending, a lease
    // that ran out) must not send the reply again.
    String payload = new JsonObject().put("event", event).put("scope", "BCA").encode();
    scalar("INSERT INTO outbox (topic, payload) VALUES ('tips.reply', ?::jsonb), ('tips.reply', ?::jsonb) RETURNING 1",
        payload, payload);
    Eventually.await(() -> count("SELECT count(*) FROM outbox WHERE topic = 'tips.reply' AND payload->>'event' = '"
        + event + "'") == 0, "the copies handled");
    assertEquals(1, fakes.inbox(psid).size());
    assertEquals(1, fakes.attempts(psid).size());
  }

  @Test
  void an_invalid_page_token_fails_the_reply_with_the_reason() throws Exception {
    String psid = psid();
    long tip = messenger(BAD_TOKEN_PAGE_ID, psid, "Tin báo qua trang có token hết hạn");
    reply(tip, "Đã nhận.");
    Eventually.await(() -> "failed".equals(delivery(tip)), "the reply marked failed");
    JsonObject d = lastReply(tip).getJsonObject("delivery");
    assertEquals("invalid-token", d.getString("reason"));
    assertTrue(d.getString("platformError").startsWith("190:"), d.encode());
    assertEquals(0, fakes.inbox(psid).size());
  }

  @Test
  void a_reply_to_a_web_form_tip_is_kept_on_the_tip_and_not_queued() throws Exception {
    JsonObject r = submit("00004", "other", "Tin báo qua biểu mẫu web", null);
    long tip = r.getLong("tipId");
    reply(tip, "Đã nhận.");
    assertEquals(0, scalar("SELECT count(*) FROM tip_reply_delivery WHERE tip_id = ?", tip));
    assertEquals(null, lastReply(tip).getValue("delivery"));
  }
}
