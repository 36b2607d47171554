package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
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
  static final String BAD_TOKEN_PAGE_ID = "104857600777002";
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

  /** Posts a signed Messenger delivery (as Facebook does) and waits until the relay has handled it. */
  static void facebookEvent(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    assertEquals(200, http().raw("POST", "/webhooks/facebook", body, "application/json", null,
        Map.of("X-Hub-Signature-256", sig)).status());
    relayed();
  }

  private static void zaloEvent(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String timestamp = new JsonObject(json).getString("timestamp");
    String mac = "mac=" + HexFormat.of().formatHex(new Signatures(TipSettings.ZALO_MAC_DEFAULT)
        .zaloMac(body, APP_ID, timestamp, OA_SECRET));
    assertEquals(200, http().raw("POST", "/webhooks/zalo", body, "application/json", null,
        Map.of("X-ZEvent-Signature", mac)).status());
    relayed();
  }

  private static void relayed() throws InterruptedException {
    Eventually.await(() -> count("SELECT count(*) FROM outbox WHERE topic = 'tips.webhook'") == 0, "the webhook relayed");
  }

  /** Messenger's message_deliveries event for {@code mids} (may be empty: watermark only). */
  static String messengerDelivery(String page, String psid, List<String> mids, long watermark) {
    return messengerReceipt(page, psid, "delivery", new JsonObject().put("mids", new JsonArray(mids)).put("watermark", watermark));
  }

  static String messengerRead(String page, String psid, long watermark) {
    return messengerReceipt(page, psid, "read", new JsonObject().put("watermark", watermark));
  }

  private static String messengerReceipt(String page, String psid, String field, JsonObject receipt) {
    JsonObject messaging = new JsonObject().put("sender", new JsonObject().put("id", psid))
        .put("recipient", new JsonObject().put("id", page)).put("timestamp", System.currentTimeMillis()).put(field, receipt);
    return new JsonObject().put("object", "page").put("entry", new JsonArray().add(new JsonObject().put("id", page)
        .put("time", System.currentTimeMillis()).put("messaging", new JsonArray().add(messaging)))).encode();
  }

  static String platformMessageId(long tip) {
    try {
      return scalarText("SELECT d.platform_message_id FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id"
          + " WHERE d.tip_id = ? AND e.actor_name <> 'BinhYen' ORDER BY d.event_id DESC LIMIT 1", tip);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed Messenger message from {@code psid} to {@code page}; the tip (or the tip it joined) id. */
  static long messenger(String page, String psid, String text) throws Exception {
    String mid = "m_" + System.nanoTime();
    fakes.userWrote(psid, java.time.Instant.now());
    byte[] body = FACEBOOK.formatted(page, psid, mid, text).getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    assertEquals(200, http().raw("POST", "/webhooks/facebook", body, "application/json", null,
        Map.of("X-Hub-Signature-256", sig)).status());
    Eventually.await(() -> count("SELECT count(*) FROM tip WHERE source_message_id = '" + mid + "'")
        + count("SELECT count(*) FROM tip_event WHERE source_message_id = 'facebook:" + mid + "'") == 1, "message " + mid);
    long tip = scalar("SELECT coalesce((SELECT id FROM tip WHERE source_message_id = ?),"
        + " (SELECT tip_id FROM tip_event WHERE source_message_id = ?))", mid, "facebook:" + mid);
    welcomeHandled(tip);
    return tip;
  }

  private static long count(String sql) {
    try {
      return scalar(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reply rows waiting in the outbox (attempts, next try, last error), for a failure's message. */
  static String outboxState() {
    try {
      return scalarText("SELECT coalesce(string_agg(id || ':' || attempts || ' due ' || next_attempt_at || ' '"
          + " || coalesce(last_error, '-'), '; ' ORDER BY id), 'empty') FROM outbox WHERE topic = 'tips.reply'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String delivery(long tipId) {
    try {
      return scalarText("SELECT string_agg(d.status, ',' ORDER BY d.event_id) FROM tip_reply_delivery d"
          + " JOIN tip_event e ON e.id = d.event_id WHERE d.tip_id = ? AND e.actor_name <> 'BinhYen'", tipId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the fake platform accepted for {@code recipient}, without the automatic first reply. */
  static List<PlatformFakes.Received> officerInbox(String recipient) {
    return fakes.inbox(recipient).stream().filter(r -> !isWelcome(r)).toList();
  }

  static List<PlatformFakes.Received> officerAttempts(String recipient) {
    return fakes.attempts(recipient).stream().filter(r -> !isWelcome(r)).toList();
  }

  static boolean isWelcome(PlatformFakes.Received r) {
    return r.body().getJsonObject("message").getString("text", "").contains("\nMã tin báo: ");
  }

  // A new tip's automatic first reply is handled (sent, held or failed) before a test goes on, so
  // that what the test does to the fake's windows does not race with it.
  private static void welcomeHandled(long tip) throws InterruptedException {
    Eventually.await(() -> count("SELECT count(*) FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id"
        + " WHERE d.tip_id = " + tip + " AND e.actor_name = 'BinhYen' AND d.status = 'queued'") == 0, "the welcome handled");
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
    Eventually.await(() -> officerInbox(psid).size() == 1, "the reply in the fake Messenger inbox");
    JsonObject sent = officerInbox(psid).get(0).body();
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
    return zalo(user, OA_ID, APP_ID);
  }

  private static long zalo(String user, String oa, String app) throws Exception {
    String msgId = "z" + System.nanoTime();
    byte[] body = ZALO.formatted(app, user, oa, msgId).getBytes(StandardCharsets.UTF_8);
    String mac = "mac=" + HexFormat.of().formatHex(new Signatures(TipSettings.ZALO_MAC_DEFAULT)
        .zaloMac(body, app, "1732345678901", OA_SECRET));
    assertEquals(200, http().raw("POST", "/webhooks/zalo", body, "application/json", null,
        Map.of("X-ZEvent-Signature", mac)).status());
    Eventually.await(() -> count("SELECT count(*) FROM tip WHERE source_message_id = '" + msgId + "'")
        + count("SELECT count(*) FROM tip_event WHERE source_message_id = 'zalo:" + msgId + "'") == 1, "the Zalo message");
    long tip = scalar("SELECT coalesce((SELECT id FROM tip WHERE source_message_id = ?),"
        + " (SELECT tip_id FROM tip_event WHERE source_message_id = ?))", msgId, "zalo:" + msgId);
    welcomeHandled(tip);
    return tip;
  }

  private static String zaloUser() {
    return "24680135792" + String.format("%08d", System.nanoTime() % 100_000_000L);
  }

  @Test
  void an_officers_reply_to_a_zalo_tip_arrives_as_a_consultation_message() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    reply(tip, "Công an phường Ba Đình đã nhận tin của bạn.");
    Eventually.await(() -> officerInbox(user).size() == 1, "the reply in the fake Zalo inbox");
    JsonObject sent = officerInbox(user).get(0).body();
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
    assertEquals(0, officerInbox(psid).size());
    assertEquals(1, officerAttempts(psid).size());

    fakes.openWindow(psid);
    assertEquals(tip, messenger(PAGE_ID, psid, "Biển số 29A-123.45"), "the citizen's message joins the tip");
    Eventually.await(() -> officerInbox(psid).size() == 1, "the held reply delivered");
    assertEquals("Bạn có thể cho biết biển số xe không?",
        officerInbox(psid).get(0).body().getJsonObject("message").getString("text"));
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
    assertEquals(0, officerInbox(user).size());
    fakes.openWindow(user);
    assertEquals(tip, zalo(user), "the citizen's message joins the tip");
    Eventually.await(() -> officerInbox(user).size() == 1, "the held reply delivered");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void a_rate_limit_answer_is_retried_and_then_the_reply_is_sent() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Có nhóm thanh niên tụ tập đua xe");
    fakes.rateLimit(psid, 2);
    reply(tip, "Chúng tôi sẽ cử tổ tuần tra.");
    Eventually.await(() -> officerInbox(psid).size() == 1, "the reply delivered after the rate limit");
    assertEquals(3, officerAttempts(psid).size(), "two rate-limit answers, then the message");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void the_same_outbox_row_delivered_twice_sends_once() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Nghi có người bị lừa chuyển tiền");
    reply(tip, "Bạn đừng chuyển thêm tiền.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
    long event = scalar("SELECT d.event_id FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id"
        + " WHERE d.tip_id = ? AND e.actor_name <> 'BinhYen'", tip);
    // The relay delivers at least once: the same row again (a node killed after sending, a lease
    // that ran out) must not send the reply again.
    String payload = new JsonObject().put("event", event).put("scope", "BCA").encode();
    scalar("INSERT INTO outbox (topic, payload) VALUES ('tips.reply', ?::jsonb), ('tips.reply', ?::jsonb) RETURNING 1",
        payload, payload);
    Eventually.await(() -> count("SELECT count(*) FROM outbox WHERE topic = 'tips.reply' AND payload->>'event' = '"
        + event + "'") == 0, "the copies handled");
    assertEquals(1, officerInbox(psid).size());
    assertEquals(1, officerAttempts(psid).size());
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
    assertEquals(0, officerInbox(psid).size());
  }

  @Test
  void a_reply_to_a_web_form_tip_is_kept_on_the_tip_and_not_queued() throws Exception {
    JsonObject r = submit("00004", "other", "Tin báo qua biểu mẫu web", null);
    long tip = r.getLong("tipId");
    reply(tip, "Đã nhận.");
    assertEquals(0, scalar("SELECT count(*) FROM tip_reply_delivery WHERE tip_id = ?", tip));
    assertEquals(null, lastReply(tip).getValue("delivery"));
  }

  @Test
  void a_zalo_reply_past_the_48_hours_is_held_without_asking_the_platform_and_goes_out_when_the_citizen_writes() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    scalar("UPDATE tip SET sender_last_at = now() - interval '49 hours' WHERE id = ? RETURNING 1", tip);
    reply(tip, "Bạn còn ở địa chỉ cũ không?");
    Eventually.await(() -> "held".equals(delivery(tip)), "the reply held");
    JsonObject d = lastReply(tip).getJsonObject("delivery");
    assertEquals("outside-window", d.getString("reason"));
    assertEquals(null, d.getValue("platformError"), "the platform was not asked");
    assertEquals(0, officerAttempts(user).size());
    // Past the conversation period (24 h) the message opens a new tip; it reopens the window all the same.
    assertTrue(zalo(user) != tip, "a new tip after the conversation period");
    Eventually.await(() -> officerInbox(user).size() == 1, "the held reply delivered");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
  }

  @Test
  void messenger_receipts_move_the_reply_to_delivered_then_read_and_a_redelivered_receipt_changes_nothing() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Có người rao bán thông tin cá nhân");
    reply(tip, "Bạn gửi giúp đường dẫn bài rao bán.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
    String mid = platformMessageId(tip);
    assertEquals(officerInbox(psid).size(), 1);
    facebookEvent(messengerDelivery(PAGE_ID, psid, List.of(mid), System.currentTimeMillis()));
    assertEquals("delivered", delivery(tip));
    facebookEvent(messengerRead(PAGE_ID, psid, System.currentTimeMillis()));
    assertEquals("read", delivery(tip));
    facebookEvent(messengerDelivery(PAGE_ID, psid, List.of(mid), System.currentTimeMillis()));
    assertEquals("read", delivery(tip), "a receipt never moves a reply back");
    assertEquals("read", lastReply(tip).getJsonObject("delivery").getString("status"));
  }

  @Test
  void a_messenger_read_watermark_before_the_reply_was_sent_leaves_it_sent() throws Exception {
    String psid = psid();
    long before = System.currentTimeMillis() - 60_000;
    long tip = messenger(PAGE_ID, psid, "Tin báo về cờ bạc trực tuyến");
    reply(tip, "Đã nhận.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
    facebookEvent(messengerRead(PAGE_ID, psid, before));
    assertEquals("sent", delivery(tip));
  }

  @Test
  void zalo_received_and_seen_events_move_the_reply_to_delivered_then_read() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    reply(tip, "Công an phường sẽ liên hệ lại.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply marked sent");
    String msgId = platformMessageId(tip);
    zaloEvent(zaloReceipt("user_received_message", user, msgId));
    assertEquals("delivered", delivery(tip));
    zaloEvent(zaloReceipt("user_seen_message", user, msgId));
    assertEquals("read", delivery(tip));
    zaloEvent(zaloReceipt("user_received_message", user, msgId));
    assertEquals("read", delivery(tip), "a redelivered receipt changes nothing");
  }

  private static String zaloReceipt(String event, String user, String msgId) {
    return new JsonObject().put("app_id", APP_ID).put("event_name", event)
        .put("timestamp", String.valueOf(System.currentTimeMillis())).put("sender", new JsonObject().put("id", OA_ID))
        .put("recipient", new JsonObject().put("id", user))
        .put("message", new JsonObject().put("msg_ids", new JsonArray().add(msgId))).encode();
  }

  private static String line(String text, String label) {
    for (String l : text.split("\n")) {
      if (l.startsWith(label)) {
        return l.substring(label.length()).trim();
      }
    }
    throw new AssertionError("no line " + label + " in " + text);
  }

  @Test
  void the_first_message_gets_the_receipt_code_and_secret_in_the_chat_and_they_open_the_web_follow_up() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Có đường dây cho vay nặng lãi");
    Eventually.await(() -> fakes.inbox(psid).size() == 1, "the automatic first reply");
    String text = fakes.inbox(psid).get(0).body().getJsonObject("message").getString("text");
    String receipt = line(text, "Mã tin báo:");
    String secret = line(text, "Mật mã:");
    assertEquals(scalarText("SELECT receipt FROM tip WHERE id = ?", tip), receipt);
    String pseudonym = http().get("/api/tips/" + tip, officer).json().getString("sender");
    assertTrue(text.contains("Cán bộ đọc tin không thấy tên hay tài khoản của bạn.")
        && text.contains("\"Người báo tin " + pseudonym + "\""), text);
    assertEquals("RESPONSE", fakes.inbox(psid).get(0).body().getString("messaging_type"));
    Http.Response f = follow(receipt, secret);
    assertEquals(200, f.status(), f.body());
    // Kept in the history without the secret; the sealed copy in the outbox is gone once sent.
    assertEquals(0, count("SELECT count(*) FROM tip_event WHERE note LIKE '%" + secret + "%'"));
    assertEquals(1, count("SELECT count(*) FROM tip_event WHERE tip_id = " + tip + " AND actor_name = 'BinhYen'"
        + " AND note LIKE '%" + WelcomeMessage.HIDDEN_SECRET + "%'"));
    assertEquals(0, count("SELECT count(*) FROM outbox WHERE topic = 'tips.reply'"
        + " AND payload->>'event' IN (SELECT id::text FROM tip_event WHERE tip_id = " + tip + ")"));
    assertEquals("sent", scalarText("SELECT d.status FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id"
        + " WHERE d.tip_id = ? AND e.actor_name = 'BinhYen'", tip));
  }

  @Test
  void a_receipt_code_typed_in_the_chat_continues_the_older_tip_of_the_same_sender_only() throws Exception {
    String psid = psid();
    long older = messenger(PAGE_ID, psid, "Nhà bên cạnh có tiếng kêu cứu");
    String receipt = scalarText("SELECT receipt FROM tip WHERE id = ?", older);
    // Past the conversation period: an ordinary message would open a new tip.
    scalar("UPDATE tip SET sender_last_at = now() - interval '30 hours' WHERE id = ? RETURNING 1", older);
    String typed = receipt.toLowerCase().replace("-", "");
    assertEquals(older, messenger(PAGE_ID, psid, "Bổ sung cho tin " + typed + ": họ đã chuyển đi"), "the code joins the older tip");
    assertEquals(1, count("SELECT count(*) FROM tip_event WHERE tip_id = " + older + " AND kind = 'citizen'"
        + " AND note LIKE 'Bổ sung cho tin%'"));
    assertTrue(messenger(PAGE_ID, psid(), "Tôi cũng biết tin " + receipt) != older, "another sender's message with the code opens its own tip");
    assertEquals(1, fakes.inbox(psid).size(), "one automatic reply: the older tip's, none when joining");
  }

  private static void post(byte[] body, String sig) throws InterruptedException {
    assertEquals(200, http().raw("POST", "/webhooks/facebook", body, "application/json", null,
        Map.of("X-Hub-Signature-256", sig)).status());
    relayed();
  }

  @Test
  void a_redelivered_webhook_changes_nothing() throws Exception {
    String psid = psid();
    String mid = "m_redelivered_" + System.nanoTime();
    byte[] body = FACEBOOK.formatted(PAGE_ID, psid, mid, "Tin báo gửi hai lần").getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    post(body, sig);
    long tip = scalar("SELECT id FROM tip WHERE source_message_id = ?", mid);
    welcomeHandled(tip);
    long events = count("SELECT count(*) FROM tip_event WHERE tip_id = " + tip);
    post(body, sig);
    post(body, sig);
    assertEquals(1, count("SELECT count(*) FROM tip WHERE source_message_id = '" + mid + "'"));
    assertEquals(events, count("SELECT count(*) FROM tip_event WHERE tip_id = " + tip));
    assertEquals(0, count("SELECT count(*) FROM tip_reply_delivery WHERE tip_id = " + tip + " AND status = 'queued'"));
    assertEquals(1, fakes.inbox(psid).size(), "one automatic reply");
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static byte[] digest(String algorithm, String text) throws Exception {
    return java.security.MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, String text) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_raw_dump_of_the_database_shows_no_platform_user_id_and_no_hash_of_it_without_the_master_key() throws Exception {
    String psid = psid();
    String user = zaloUser();
    long fbTip = messenger(PAGE_ID, psid, "Tin báo để kiểm tra bản sao cơ sở dữ liệu");
    long zaloTip = zalo(user);
    reply(fbTip, "Đã nhận tin.");
    reply(zaloTip, "Đã nhận tin.");
    Eventually.await(() -> "sent".equals(delivery(fbTip)) && "sent".equals(delivery(zaloTip)), "both replies sent");
    facebookEvent(messengerDelivery(PAGE_ID, psid, List.of(platformMessageId(fbTip)), System.currentTimeMillis()));
    relayed();
    // Every table of every schema, as a dump shows them (bytea as \x hex), read by the owner (no row-level security).
    StringBuilder dump = new StringBuilder();
    int tables = 0;
    try (var c = TipFixtures.owner(); var st = c.createStatement(); var list = st.executeQuery(
        "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
            + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
      List<String> names = new java.util.ArrayList<>();
      while (list.next()) {
        names.add(list.getString(1));
      }
      for (String table : names) {
        try (var each = c.createStatement(); var rs = each.executeQuery("SELECT x::text FROM " + table + " x")) {
          tables++;
          while (rs.next()) {
            dump.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    String all = dump.toString().toLowerCase(java.util.Locale.ROOT);
    assertTrue(all.contains(String.valueOf(fbTip)) && all.contains("\\x" + scalarText(
        "SELECT encode(sender_key, 'hex') FROM tip WHERE id = ?", fbTip)), "the dump holds the tips: " + tables + " tables");
    assertTrue(tables >= 10, tables + " tables");
    for (String id : List.of(psid, user)) {
      assertTrue(all.indexOf(id) < 0, "the platform id appears nowhere in clear: " + id);
      assertTrue(all.indexOf(hex(id.getBytes(StandardCharsets.UTF_8))) < 0, "nor as the hex of its bytes");
      assertTrue(all.indexOf(java.util.Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))
          .toLowerCase(java.util.Locale.ROOT)) < 0, "nor in base64");
    }
    // The link between one sender's messages is a keyed hash: it equals the HMAC under the key
    // derived from the master key, and no hash anyone could compute from a guessed id is stored.
    String unit = scalarText("SELECT key_tenant FROM tip WHERE id = ?", fbTip);
    long channel = scalar("SELECT channel_id FROM tip WHERE id = ?", fbTip);
    String stored = scalarText("SELECT encode(sender_key, 'hex') FROM tip WHERE id = ?", fbTip);
    byte[] derived = vn.binhyen.core.testing.TestNode.masterKey().deriveBytes("sender:" + unit);
    assertEquals(hex(hmac(derived, channel + ":" + psid)), stored, "HMAC-SHA256 under the master key's sub-key");
    for (String guess : List.of(psid, channel + ":" + psid, PAGE_ID + ":" + psid)) {
      for (String algorithm : List.of("SHA-256", "SHA-1", "MD5", "SHA-512")) {
        assertTrue(all.indexOf(hex(digest(algorithm, guess))) < 0, algorithm + " of " + guess + " is not stored");
      }
      assertTrue(all.indexOf(hex(hmac(new byte[32], guess))) < 0, "nor an HMAC under a known key");
    }
    assertTrue(all.indexOf(hex(derived)) < 0, "the sub-key is not stored");
  }

  /** An officer's reply with a photo, as the inbox sends it: multipart with {@code text} and {@code image}. */
  static Http.Response replyWithPhoto(long tipId, String text, byte[] photo, String fileName) {
    return replyWithPhoto(tipId, text, photo, fileName, officer);
  }

  private static Http.Response replyWithPhoto(long tipId, String text, byte[] photo, String fileName, String token) {
    String boundary = "----reply" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(photo);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http().raw("POST", "/api/tips/" + tipId + "/replies", body.toByteArray(),
        "multipart/form-data; boundary=" + boundary, token, Map.of());
  }

  @Test
  void a_reply_with_a_photo_is_refused_to_another_wards_officer_and_to_no_one_signed_in() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Tin báo để thử quyền trả lời kèm ảnh");
    byte[] photo = PlatformFakes.png(8);
    long stored = count("SELECT count(*) FROM tip_attachment WHERE reply_event_id IS NOT NULL");
    Http.Response other = replyWithPhoto(tip, "Trả lời trái phép", photo, "a.png", http().login("hoankiem-officer"));
    assertEquals(404, other.status(), other.body());
    Http.Response nobody = replyWithPhoto(tip, "Trả lời trái phép", photo, "a.png", null);
    assertEquals(401, nobody.status(), nobody.body());
    assertEquals(stored, count("SELECT count(*) FROM tip_attachment WHERE reply_event_id IS NOT NULL"));
    assertEquals(0, count("SELECT count(*) FROM tip_event WHERE tip_id = " + tip + " AND note = 'Trả lời trái phép'"));
    assertEquals(0, officerAttempts(psid).size());
  }

  @Test
  void a_reply_with_a_photo_to_a_zalo_tip_is_uploaded_first_and_sent_as_one_media_message() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    byte[] photo = PlatformFakes.png(24);
    Http.Response r = replyWithPhoto(tip, "Đây là ảnh người bị truy tìm.", photo, "anh.png");
    assertEquals(201, r.status(), r.body());
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply with its photo sent");
    JsonObject message = officerInbox(user).get(0).body().getJsonObject("message");
    assertEquals("Đây là ảnh người bị truy tìm.", message.getString("text"));
    JsonObject element = message.getJsonObject("attachment").getJsonObject("payload").getJsonArray("elements")
        .getJsonObject(0);
    assertEquals("image", element.getString("media_type"));
    PlatformFakes.Upload up = fakes.uploaded(element.getString("attachment_id"));
    assertEquals("zalo", up.platform());
    assertEquals("image/png", up.sniffedType());
    // The photo is kept on the tip beside the reply (the officers see what was sent).
    JsonObject detail = http().get("/api/tips/" + tip, officer).json();
    long replyEvent = lastReply(tip).getLong("id");
    assertEquals(1, detail.getJsonArray("attachments").stream().map(JsonObject.class::cast)
        .filter(a -> Long.valueOf(replyEvent).equals(a.getLong("replyEventId"))).count());
  }

  @Test
  void a_reply_with_a_photo_to_a_messenger_tip_sends_the_text_then_the_uploaded_photo() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Có người lạ theo dõi nhà tôi");
    // The photo's send is rate-limited once: the retry sends only the photo, not the text again.
    Http.Response r = replyWithPhoto(tip, "Có phải người này không?", PlatformFakes.png(20),
        "nghi-pham.png");
    assertEquals(201, r.status(), r.body());
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply and its photo sent");
    List<PlatformFakes.Received> got = officerInbox(psid);
    assertEquals(2, got.size(), "two Messenger messages: the text, then the photo");
    assertEquals("Có phải người này không?", got.get(0).body().getJsonObject("message").getString("text"));
    JsonObject attachment = got.get(1).body().getJsonObject("message").getJsonObject("attachment");
    assertEquals("image", attachment.getString("type"));
    assertEquals("facebook", fakes.uploaded(attachment.getJsonObject("payload").getString("attachment_id")).platform());
    assertEquals("RESPONSE", got.get(1).body().getString("messaging_type"));
  }

  @Test
  void a_messenger_photo_rate_limited_after_its_text_was_sent_is_retried_without_sending_the_text_again() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Tin báo kèm ảnh bị giới hạn tần suất");
    long tipsEvents = count("SELECT count(*) FROM tip_reply_delivery WHERE tip_id = " + tip);
    assertEquals(1, tipsEvents, "the welcome's delivery only");
    // The text passes; the photo's message meets two rate-limit answers.
    fakes.rateLimitAfter(psid, 1, 2);
    assertEquals(201, replyWithPhoto(tip, "Ảnh đây.", PlatformFakes.png(12), "a.png").status());
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply sent after the retries");
    assertEquals(1, officerInbox(psid).stream().filter(m -> "Ảnh đây.".equals(m.body().getJsonObject("message")
        .getString("text"))).count(), "the text once");
    assertEquals(2, officerInbox(psid).size(), "the text and the photo, once each");
  }

  @Test
  void a_photo_over_zalos_1_mb_is_refused_by_its_upload_api_and_the_reply_fails_with_the_reason() throws Exception {
    String user = zaloUser();
    long tip = zalo(user);
    byte[] big = PlatformFakes.png(700);
    assertTrue(big.length > PlatformFakes.ZALO_IMAGE_MAX_BYTES);
    assertEquals(201, replyWithPhoto(tip, "Ảnh lớn.", big, "lon.png").status());
    Eventually.await(() -> "failed".equals(delivery(tip)), "the reply failed");
    JsonObject d = lastReply(tip).getJsonObject("delivery");
    assertEquals("refused", d.getString("reason"));
    assertTrue(d.getString("platformError").startsWith("-210:"), d.encode());
    assertEquals(0, officerInbox(user).size());
  }

  @Test
  void a_reply_photo_that_is_not_jpeg_or_png_is_refused_before_anything_is_kept() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Tin báo để thử ảnh sai định dạng");
    byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
    Http.Response r = replyWithPhoto(tip, "Ảnh GIF.", gif, "a.gif");
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().getString("type").endsWith("/reply-image-type"), r.body());
    assertEquals(null, delivery(tip));
  }

  @Test
  void an_expired_zalo_access_token_is_refreshed_stored_sealed_and_the_reply_sent_once() throws Exception {
    String oa = "1357924680135700" + String.format("%03d", System.nanoTime() % 1000);
    String app = "3604329716384700" + String.format("%03d", System.nanoTime() % 1000);
    String refresh = "zalo-refresh-" + System.nanoTime();
    fakes.zaloApp(app, "zalo-app-secret-key-0001");
    fakes.acceptRefreshToken(refresh, oa);
    long channel = channel(Platform.ZALO_OA, oa);
    setSecret(channel, new JsonObject().put("secret", OA_SECRET).put("appId", app)
        .put("accessToken", "zalo-expired-token-" + System.nanoTime()).put("refreshToken", refresh)
        .put("appSecret", "zalo-app-secret-key-0001"));
    int before = fakes.refreshes();
    String user = zaloUser();
    // The first message's automatic reply meets the expired token: one refresh, then it goes out.
    long tip = zalo(user, oa, app);
    assertEquals(before + 1, fakes.refreshes());
    assertEquals(1, fakes.inbox(user).size(), "the welcome sent with the new token");
    String issued = fakes.lastIssuedAccessToken();
    reply(tip, "Công an phường đã nhận tin.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the officer's reply sent");
    assertEquals(before + 1, fakes.refreshes(), "the stored new token is used: no second refresh");
    // Stored sealed: neither the new access token nor the new refresh token is in the table in clear.
    String row = scalarText("SELECT s::text FROM channel_webhook_secret s WHERE channel_id = ?", channel);
    assertTrue(row.indexOf(issued) < 0 && row.indexOf(HexFormat.of().formatHex(issued.getBytes(StandardCharsets.UTF_8))) < 0);
    assertTrue(scalarText("SELECT (access_token_expires_at > now())::text FROM channel_webhook_secret WHERE channel_id = ?",
        channel).equals("true"));
    // That token expires too: the refresh token Zalo gave last time (single use) renews it again.
    fakes.expireToken(issued);
    reply(tip, "Bạn có thêm thông tin không?");
    Eventually.await(() -> "sent,sent".equals(delivery(tip)), "the second reply sent after a second refresh");
    assertEquals(before + 2, fakes.refreshes());
    assertEquals(2, officerInbox(user).size(), "each reply once");
  }

  @Test
  void a_zalo_refresh_that_zalo_refuses_fails_the_reply_as_an_invalid_token() throws Exception {
    String oa = "1357924680135701" + String.format("%03d", System.nanoTime() % 1000);
    String app = "3604329716384701" + String.format("%03d", System.nanoTime() % 1000);
    fakes.zaloApp(app, "zalo-app-secret-key-0002");
    // A refresh token Zalo does not know (used already, or revoked).
    setSecret(channel(Platform.ZALO_OA, oa), new JsonObject().put("secret", OA_SECRET).put("appId", app)
        .put("accessToken", "zalo-expired-token-" + System.nanoTime()).put("refreshToken", "zalo-refresh-spent-0001")
        .put("appSecret", "zalo-app-secret-key-0002"));
    int before = fakes.refreshes();
    String user = zaloUser();
    long tip = zalo(user, oa, app);
    reply(tip, "Đã nhận.");
    Eventually.await(() -> "failed".equals(delivery(tip)), "the reply failed");
    assertEquals("invalid-token", lastReply(tip).getJsonObject("delivery").getString("reason"));
    assertEquals(before, fakes.refreshes());
    assertEquals(0, fakes.inbox(user).size());
  }

  /** The person wrote {@code hours} ago, for us (their tips' last message) and for the fake Messenger. */
  private static void wroteHoursAgo(String psid, long tip, int hours) throws Exception {
    scalar("UPDATE tip SET sender_last_at = now() - make_interval(hours => ?) WHERE id = ? RETURNING 1", hours, tip);
    fakes.userWrote(psid, java.time.Instant.now().minus(java.time.Duration.ofHours(hours)));
  }

  @Test
  void a_messenger_reply_between_24_hours_and_7_days_goes_with_the_human_agent_tag() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Tin báo trả lời sau hơn một ngày");
    wroteHoursAgo(psid, tip, 30);
    reply(tip, "Xin lỗi vì trả lời muộn.");
    Eventually.await(() -> "sent".equals(delivery(tip)), "the reply sent with the tag");
    JsonObject sent = officerInbox(psid).get(0).body();
    assertEquals("MESSAGE_TAG", sent.getString("messaging_type"));
    assertEquals("HUMAN_AGENT", sent.getString("tag"));
  }

  @Test
  void a_messenger_reply_past_7_days_is_held_without_asking_and_delivered_when_the_citizen_writes_again() throws Exception {
    String psid = psid();
    long tip = messenger(PAGE_ID, psid, "Tin báo trả lời sau hơn một tuần");
    wroteHoursAgo(psid, tip, 8 * 24);
    reply(tip, "Bạn còn cần công an hỗ trợ không?");
    Eventually.await(() -> "held".equals(delivery(tip)), "the reply held");
    JsonObject d = lastReply(tip).getJsonObject("delivery");
    assertEquals("outside-window", d.getString("reason"), "the officer is told why");
    assertEquals(null, d.getValue("platformError"), "Messenger was not asked");
    assertEquals(0, officerAttempts(psid).size());
    // The receipt code still shows the reply to the citizen.
    String receipt = scalarText("SELECT receipt FROM tip WHERE id = ?", tip);
    assertTrue(count("SELECT count(*) FROM tip_event WHERE tip_id = " + tip + " AND kind = 'reply'"
        + " AND note = 'Bạn còn cần công an hỗ trợ không?'") == 1 && receipt != null);
    // A week later the citizen writes again (a new tip, past the conversation period): it goes out, as a response.
    assertTrue(messenger(PAGE_ID, psid, "Tôi vẫn cần hỗ trợ") != tip);
    Eventually.await(() -> "sent".equals(delivery(tip)), "the held reply sent");
    JsonObject sent = officerInbox(psid).stream().filter(m -> "Bạn còn cần công an hỗ trợ không?"
        .equals(m.body().getJsonObject("message").getString("text"))).findFirst().orElseThrow().body();
    assertEquals("RESPONSE", sent.getString("messaging_type"));
  }
}
