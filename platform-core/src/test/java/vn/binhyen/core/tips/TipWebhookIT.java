package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
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
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.tips.webhook.Signatures;

/** Requests in the platforms' documented formats (see /work/shared/webhooks) sent to a running node. */
class TipWebhookIT {

  private static final String PAGE_ID = "104857600123456";
  private static final String OA_ID = "1357924680135792468";
  private static final String APP_ID = "3604329716384765432";
  private static final String FB_SECRET = "fb-app-secret-for-tests";
  private static final String FB_TOKEN = "verify-token-0123456789";
  private static final String OA_SECRET = "zalo-oa-secret-key-for-tests";

  private static final String FACEBOOK = """
      {"object":"page","entry":[{"id":"%s","time":1732345678901,"messaging":[{"sender":{"id":"%s"},
      "recipient":{"id":"%s"},"timestamp":1732345678800,"message":{"mid":"%s",
      "text":"Tôi muốn tố giác một điểm bán ma túy gần chợ",
      "attachments":[{"type":"image","payload":{"url":"https://example.invalid/fb/photo.jpg"}}]}}]}]}""";
  private static final String ZALO = """
      {"app_id":"%s","user_id_by_app":"5517452736419876543","event_name":"user_send_text",
      "timestamp":"1732345678901","sender":{"id":"2468013579246801357"},"recipient":{"id":"%s"},
      "message":{"msg_id":"%s","text":"Có người lạ mạo danh công an gọi điện yêu cầu chuyển tiền, số 09xx"}}""";

  @BeforeAll
  static void channels() throws Exception {
    long fb = channel(Platform.FACEBOOK_PAGE, PAGE_ID);
    long zalo = channel(Platform.ZALO_OA, OA_ID);
    String officer = http().login("badinh-officer");
    assertEquals(204, put("/api/units/00004/channels/" + fb + "/webhook-secret",
        new JsonObject().put("secret", FB_SECRET).put("verifyToken", FB_TOKEN), officer).status());
    assertEquals(204, put("/api/units/00004/channels/" + zalo + "/webhook-secret",
        new JsonObject().put("secret", OA_SECRET).put("appId", APP_ID), officer).status());
    assertEquals(403, put("/api/units/00004/channels/" + zalo + "/webhook-secret",
        new JsonObject().put("secret", OA_SECRET).put("appId", APP_ID), http().login("hoankiem-officer")).status());
  }

  private static long channel(Platform platform, String id) throws Exception {
    String normalized = ChannelLinks.normalize(id, platform).normalizedId();
    return scalar("""
        INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
        SELECT id, path, ?, ?, ?, 'Công an phường Ba Đình', 'cong an phuong ba dinh', 'verified'
          FROM tenant WHERE code = '00004' AND valid_to IS NULL RETURNING id""",
        platform.id(), normalized, "https://" + normalized);
  }

  /**
   * A Messenger delivery of one message. Each message id gets its own sender (derived from it),
   * so messages of different tests never join one conversation; the conversation test sends
   * several messages of one sender with {@link #facebookFrom}.
   */
  private static String facebook(String entryId, String recipientId, String mid) {
    return facebookFrom(senderFor(mid), entryId, recipientId, mid);
  }

  private static String facebookFrom(String sender, String entryId, String recipientId, String mid) {
    return FACEBOOK.formatted(entryId, sender, recipientId, mid);
  }

  private static String senderFor(String mid) {
    return "6" + String.format("%015d", Math.abs((long) mid.hashCode()) % 1_000_000_000_000_000L);
  }

  private static Http.Response put(String path, JsonObject body, String token) {
    return http().raw("PUT", path, body.encode().getBytes(StandardCharsets.UTF_8), "application/json", token, Map.of());
  }

  private static Http.Response postFacebook(byte[] body, String signature) {
    return http().raw("POST", "/webhooks/facebook", body, "application/json", null,
        signature == null ? Map.of() : Map.of("X-Hub-Signature-256", signature));
  }

  private static Http.Response postZalo(byte[] body, String signature) {
    return http().raw("POST", "/webhooks/zalo", body, "application/json", null,
        signature == null ? Map.of() : Map.of("X-ZEvent-Signature", signature));
  }

  private static String text(String sql) {
    try {
      return scalarText(sql);
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static long tipsFor(String source, String messageId) throws Exception {
    return scalar("SELECT count(*) FROM tip WHERE source = ? AND source_message_id = ?", source, messageId);
  }

  /** The 200 comes before the work: wait (bounded) for the tip to be written. */
  private static void awaitTip(String source, String messageId) throws Exception {
    for (int i = 0; i < 200 && tipsFor(source, messageId) == 0; i++) {
      Thread.sleep(50);
    }
  }

  @Test
  void facebook_subscription_echoes_the_challenge_only_for_the_right_token() {
    Http.Response ok = http().get("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=" + FB_TOKEN + "&hub.challenge=1158201444", null);
    assertEquals(200, ok.status());
    assertEquals("1158201444", ok.body());
    assertEquals(403, http().get("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=wrong-token-000000&hub.challenge=1", null).status());
  }

  @Test
  void signed_facebook_message_becomes_one_tip_of_the_pages_unit_even_when_redelivered() throws Exception {
    String mid = "m_" + System.nanoTime();
    byte[] body = facebook(PAGE_ID, PAGE_ID, mid).getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    assertEquals(200, postFacebook(body, sig).status());
    awaitTip("facebook", mid);
    assertEquals(1, tipsFor("facebook", mid));
    assertEquals(200, postFacebook(body, sig).status(), "a redelivery is acknowledged");
    assertEquals(200, postFacebook(body, sig).status());
    assertEquals(1, tipsFor("facebook", mid), "and stays one tip");
    assertEquals(1, scalar("SELECT count(*) FROM tip WHERE source_message_id = ? AND tenant_path = 'BCA/01/00004'"
        + " AND account_sealed IS NOT NULL", mid));
    assertEquals(0, scalar("SELECT count(*) FROM tip WHERE source_message_id = ? AND tip::text LIKE '%' || ? || '%'", mid, senderFor(mid)),
        "the sender's id is sealed");
  }

  /**
   * One conversation, one tip: a sender's later messages to the same page join their open tip as
   * additions (once each, however often delivered); another sender opens their own tip; neither
   * sender's platform id is stored in clear, only a keyed hash that links their messages.
   */
  @Test
  void a_senders_later_messages_join_their_open_tip_and_nobodys_id_is_stored_in_clear() throws Exception {
    String sender = "6" + (100_000_000_000_000L + System.nanoTime() % 899_999_999_999_999L);
    String first = "m_conv1_" + System.nanoTime();
    String second = "m_conv2_" + System.nanoTime();
    String other = "m_conv3_" + System.nanoTime();
    byte[] one = facebookFrom(sender, PAGE_ID, PAGE_ID, first).getBytes(StandardCharsets.UTF_8);
    byte[] two = facebookFrom(sender, PAGE_ID, PAGE_ID, second).replace("Tôi muốn tố giác", "Bổ sung: tôi thấy")
        .getBytes(StandardCharsets.UTF_8);
    byte[] three = facebookFrom(sender + "9", PAGE_ID, PAGE_ID, other).getBytes(StandardCharsets.UTF_8);
    assertEquals(200, postFacebook(one, sign(one)).status());
    awaitTip("facebook", first);
    assertEquals(1, tipsFor("facebook", first));
    assertEquals(200, postFacebook(two, sign(two)).status());
    assertEquals(200, postFacebook(two, sign(two)).status(), "the platform redelivers the second message");
    assertEquals(200, postFacebook(three, sign(three)).status());
    awaitTip("facebook", other);

    long tip = scalar("SELECT id FROM tip WHERE source = 'facebook' AND source_message_id = ?", first);
    for (int i = 0; i < 200 && scalar("SELECT count(*) FROM tip_event WHERE source_message_id = ?", "facebook:" + second) == 0; i++) {
      Thread.sleep(50);
    }
    assertEquals(0, tipsFor("facebook", second), "the second message is no new tip");
    assertEquals(1, scalar("SELECT count(*) FROM tip_event WHERE tip_id = ? AND kind = 'citizen' AND source_message_id = ?"
        + " AND note LIKE 'Bổ sung: tôi thấy%'", tip, "facebook:" + second), "it joined the first tip, once");
    assertEquals(1, tipsFor("facebook", other), "another sender opens a tip of their own");
    assertTrue(scalar("SELECT count(*) FROM tip WHERE source_message_id IN (?, ?) AND sender_key IS NOT NULL", first, other) == 2);
    assertEquals(0, scalar("SELECT count(*) FROM tip WHERE sender_key = (SELECT sender_key FROM tip WHERE source_message_id = ?)"
        + " AND source_message_id = ?", first, other), "different senders, different keys");
    assertEquals(0, scalar("SELECT count(*) FROM tip t WHERE t.source_message_id IN (?, ?)"
        + " AND (t::text LIKE '%' || ? || '%' OR encode(t.sender_key, 'hex') LIKE '%' || ? || '%')", first, other, sender, sender),
        "no platform id in the tip rows");
    assertEquals(0, scalar("SELECT count(*) FROM tip_event e WHERE e.tip_id = ? AND e::text LIKE '%' || ? || '%'", tip, sender),
        "none in its history");
    // The officer sees a pseudonym: the same for one sender's tips, never their id.
    String officer = http().login("badinh-officer");
    String pseudonym = http().get("/api/tips/" + tip, officer).json().getString("sender");
    assertTrue(pseudonym != null && pseudonym.matches("[A-Z2-9]{6}"), pseudonym);
    long otherTip = scalar("SELECT id FROM tip WHERE source = 'facebook' AND source_message_id = ?", other);
    assertTrue(!pseudonym.equals(http().get("/api/tips/" + otherTip, officer).json().getString("sender")),
        "another sender, another pseudonym");
  }

  private static String sign(byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
  }

  /**
   * The durable inbox: the delivery is stored (sealed) before the 200, so a node that stops
   * between the 200 and the tip loses nothing. Here the relay's handler first fails as a dead
   * node would (the row stays, no tip), then the real handler returns and the tip is written
   * once, however often the platform and the relay deliver it.
   */
  @Test
  void a_delivery_acknowledged_before_its_tip_was_written_becomes_the_tip_once_later() throws Exception {
    var services = TipWorld.demo().services();
    var outbox = services.outbox();
    outbox.handle(vn.binhyen.core.tips.webhook.WebhookIntake.TOPIC,
        p -> io.vertx.core.Future.failedFuture(new IllegalStateException("the node stopped")));
    String mid = "m_inbox_" + System.nanoTime();
    byte[] body = facebook(PAGE_ID, PAGE_ID, mid).getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    try {
      assertEquals(200, postFacebook(body, sig).status());
      assertEquals(1, scalar("SELECT count(*) FROM outbox WHERE topic = 'tips.webhook' AND payload->>'platformId' = ?"
          + " AND position(? in payload::text) = 0", PAGE_ID, mid), "stored before the 200, and sealed");
      assertEquals(0, tipsFor("facebook", mid));
    } finally {
      services.get(vn.binhyen.core.tips.webhook.WebhookIntake.class).register(outbox);
    }
    outbox.kick();
    for (int i = 0; i < 300 && tipsFor("facebook", mid) == 0; i++) {
      Thread.sleep(50); // the row's next attempt comes after its backoff (1–2 s)
    }
    assertEquals(1, tipsFor("facebook", mid));
    assertEquals(200, postFacebook(body, sig).status(), "the platform redelivers");
    for (int i = 0; i < 100 && scalar("SELECT count(*) FROM outbox WHERE topic = 'tips.webhook'") > 0; i++) {
      Thread.sleep(50);
    }
    assertEquals(0, scalar("SELECT count(*) FROM outbox WHERE topic = 'tips.webhook'"), () -> "every delivery handled: "
        + text("SELECT string_agg(attempts || ' ' || coalesce(last_error, '-'), '; ') FROM outbox WHERE topic = 'tips.webhook'"));
    assertEquals(1, tipsFor("facebook", mid), "still one tip");
  }

  /**
   * Attachment links point at the platform's CDN and expire: the files are fetched into the store
   * (type sniffed, EXIF stripped), while a link on another origin, or one that is not media, stays
   * a link on the tip. The CDN here is a local stand-in on 127.0.0.1 (the test allow-list).
   */
  @Test
  void facebook_attachments_are_fetched_from_the_allowed_cdn_into_the_store() throws Exception {
    Vertx vertx = TipWorld.demo().services().vertx();
    HttpServer cdn = vertx.createHttpServer().requestHandler(req -> {
      switch (req.path()) {
        case "/v/photo.png" -> req.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(TipFixtures.PNG));
        case "/v/page.html" -> req.response().putHeader("Content-Type", "image/jpeg").end("<html>not a photo</html>");
        default -> req.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    try {
      int port = cdn.actualPort();
      String photo = "http://127.0.0.1:" + port + "/v/photo.png?oh=abc&oe=123";
      String notMedia = "http://127.0.0.1:" + port + "/v/page.html";
      String gone = "http://127.0.0.1:" + port + "/v/expired.jpg";
      String elsewhere = "http://localhost:" + port + "/v/photo.png";
      String mid = "m_media_" + System.nanoTime();
      JsonObject event = new JsonObject(facebook(PAGE_ID, PAGE_ID, mid));
      JsonArray attachments = new JsonArray();
      for (String url : List.of(photo, notMedia, gone, elsewhere)) {
        attachments.add(new JsonObject().put("type", "image").put("payload", new JsonObject().put("url", url)));
      }
      event.getJsonArray("entry").getJsonObject(0).getJsonArray("messaging").getJsonObject(0)
          .getJsonObject("message").put("attachments", attachments);
      byte[] body = event.encode().getBytes(StandardCharsets.UTF_8);
      assertEquals(200, postFacebook(body, "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET))).status());
      awaitTip("facebook", mid);
      long tipId = scalar("SELECT id FROM tip WHERE source = 'facebook' AND source_message_id = ?", mid);
      String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(TipFixtures.PNG));
      assertEquals(1, scalar("SELECT count(*) FROM tip_attachment WHERE tip_id = ? AND remote_url IS NULL"
          + " AND media_type = 'image/png' AND sha256 = ? AND file_name = 'photo.png'", tipId, sha), "the photo is stored");
      assertEquals(3, scalar("SELECT count(*) FROM tip_attachment WHERE tip_id = ? AND remote_url IS NOT NULL", tipId),
          "not media, gone, and another origin stay links");
      assertEquals(1, scalar("SELECT count(*) FROM tip_attachment WHERE tip_id = ? AND remote_url = ?", tipId, elsewhere));
      // The officer downloads the stored photo through the tip's access check.
      String officer = http().login("badinh-officer");
      JsonObject tip = http().get("/api/tips/" + tipId, officer).json();
      JsonObject stored = tip.getJsonArray("attachments").stream().map(JsonObject.class::cast)
          .filter(a -> a.getString("remoteUrl") == null).findFirst().orElseThrow();
      Http.Response file = http().raw("GET", "/api/tips/" + tipId + "/attachments/" + stored.getLong("id"),
          new byte[0], null, officer, Map.of());
      assertEquals(200, file.status());
      assertEquals("image/png", file.contentType());
      assertEquals(TipFixtures.PNG.length, stored.getLong("size"));
    } finally {
      cdn.close();
    }
  }

  @Test
  void facebook_messages_with_a_wrong_or_missing_signature_are_refused() throws Exception {
    String mid = "m_bad_" + System.nanoTime();
    byte[] body = facebook(PAGE_ID, PAGE_ID, mid).getBytes(StandardCharsets.UTF_8);
    String wrong = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, "another-secret"));
    assertEquals(401, postFacebook(body, wrong).status());
    assertEquals(401, postFacebook(body, null).status());
    assertEquals(401, postFacebook(body, "sha256=zz").status());
    byte[] tampered = facebook(PAGE_ID, PAGE_ID, mid + "x").getBytes(StandardCharsets.UTF_8);
    String sig = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, FB_SECRET));
    assertEquals(401, postFacebook(tampered, sig).status(), "a signature covers the exact bytes");
    byte[] unknownPage = facebook("999999999", "999999999", mid).getBytes(StandardCharsets.UTF_8);
    assertEquals(401, postFacebook(unknownPage, "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(unknownPage, FB_SECRET))).status());
    assertEquals(0, tipsFor("facebook", mid));
  }

  @Test
  void signed_zalo_message_becomes_one_tip_even_when_redelivered_and_bad_signatures_are_refused() throws Exception {
    String msgId = "z" + System.nanoTime();
    byte[] body = ZALO.formatted(APP_ID, OA_ID, msgId).getBytes(StandardCharsets.UTF_8);
    Signatures signatures = new Signatures(TipSettings.ZALO_MAC_DEFAULT);
    String mac = "mac=" + HexFormat.of().formatHex(signatures.zaloMac(body, APP_ID, "1732345678901", OA_SECRET));
    String wrongOrder = "mac=" + HexFormat.of().formatHex(new Signatures("body,app_id,timestamp,secret")
        .zaloMac(body, APP_ID, "1732345678901", OA_SECRET));
    assertEquals(401, postZalo(body, wrongOrder).status());
    assertEquals(401, postZalo(body, null).status());
    assertEquals(0, tipsFor("zalo", msgId));
    assertEquals(200, postZalo(body, mac).status());
    awaitTip("zalo", msgId);
    assertEquals(200, postZalo(body, mac).status());
    assertEquals(1, tipsFor("zalo", msgId));
    String officer = http().login("badinh-officer");
    long id = scalar("SELECT id FROM tip WHERE source = 'zalo' AND source_message_id = ?", msgId);
    Http.Response identity = http().post("/api/tips/" + id + "/identity",
        new JsonObject().put("reason", "Cần gọi lại người báo tin"), officer);
    assertEquals("2468013579246801357", identity.json().getString("account"));
  }
}
