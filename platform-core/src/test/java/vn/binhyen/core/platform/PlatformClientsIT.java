package vn.binhyen.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.Settings;
import vn.binhyen.core.testing.PlatformFakes;
import static vn.binhyen.core.testing.Eventually.result;

/** The outbound client against the local fakes of Zalo's Open API and Facebook's Graph API (real HTTP). */
class PlatformClientsIT {

  private static final String TOKEN = "page-token-for-client-tests";
  private static Vertx vertx;
  private static PlatformClients clients;
  private static PlatformFakes fakes;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    fakes = PlatformFakes.shared();
    fakes.acceptToken(TOKEN);
    clients = new PlatformClients(vertx, PlatformSettings.from(Settings.of(fakes.env())));
  }

  @AfterAll
  static void stop() {
    result(vertx.close());
  }

  @Test
  void zalo_consultation_message_reaches_the_user_and_returns_the_message_id() {
    SendResult r = result(clients.zalo().sendText(TOKEN, "2468013579246800001", "Công an phường đã nhận tin"));
    SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, r);
    assertEquals(32, sent.messageId().length());
    var got = fakes.inbox("2468013579246800001");
    assertEquals(1, got.size());
    assertEquals("Công an phường đã nhận tin", got.get(0).body().getJsonObject("message").getString("text"));
  }

  @Test
  void zalo_errors_become_typed_results() {
    fakes.closeWindow("2468013579246800002");
    assertInstanceOf(SendResult.OutsideWindow.class,
        result(clients.zalo().sendText(TOKEN, "2468013579246800002", "x")));
    assertInstanceOf(SendResult.InvalidToken.class,
        result(clients.zalo().sendText("wrong-token-000", "2468013579246800003", "x")));
    fakes.rateLimit("2468013579246800004", 1);
    assertInstanceOf(SendResult.RateLimited.class,
        result(clients.zalo().sendText(TOKEN, "2468013579246800004", "x")));
    assertInstanceOf(SendResult.Sent.class, result(clients.zalo().sendText(TOKEN, "2468013579246800004", "x")));
    assertInstanceOf(SendResult.Refused.class, result(clients.zalo().sendText(TOKEN, "2468013579246800005", null)));
  }

  @Test
  void messenger_uses_response_within_24_hours_and_the_human_agent_tag_after() {
    String psid = "6100000000000001";
    assertInstanceOf(SendResult.Sent.class, result(clients.messenger().sendText(TOKEN, psid, "Chào bạn", Duration.ofHours(2))));
    assertInstanceOf(SendResult.Sent.class, result(clients.messenger().sendText(TOKEN, psid, "Chào bạn", Duration.ofHours(30))));
    var got = fakes.inbox(psid);
    assertEquals(2, got.size());
    assertEquals("RESPONSE", got.get(0).body().getString("messaging_type"));
    assertEquals(false, got.get(0).body().containsKey("tag"));
    assertEquals("MESSAGE_TAG", got.get(1).body().getString("messaging_type"));
    assertEquals("HUMAN_AGENT", got.get(1).body().getString("tag"));
  }

  @Test
  void messenger_graph_errors_become_typed_results() {
    String psid = "6100000000000002";
    fakes.closeWindow(psid);
    SendResult.OutsideWindow w = assertInstanceOf(SendResult.OutsideWindow.class,
        result(clients.messenger().sendText(TOKEN, psid, "x", Duration.ofDays(8))));
    assertEquals(10, w.code());
    assertInstanceOf(SendResult.InvalidToken.class,
        result(clients.messenger().sendText("wrong-token-000", "6100000000000003", "x", Duration.ZERO)));
    fakes.rateLimit("6100000000000004", 1);
    SendResult.RateLimited l = assertInstanceOf(SendResult.RateLimited.class,
        result(clients.messenger().sendText(TOKEN, "6100000000000004", "x", Duration.ZERO)));
    assertEquals(613, l.code());
    assertEquals(0, fakes.inbox("6100000000000004").size());
  }

  @Test
  void graph_rate_limit_codes_4_and_32_and_the_2534022_window_subcode_are_recognised() {
    assertInstanceOf(SendResult.RateLimited.class, MessengerClient.result(new io.vertx.core.json.JsonObject(
        "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":\"OAuthException\",\"code\":4}}")));
    assertInstanceOf(SendResult.RateLimited.class, MessengerClient.result(new io.vertx.core.json.JsonObject(
        "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\",\"code\":32}}")));
    assertInstanceOf(SendResult.OutsideWindow.class, MessengerClient.result(new io.vertx.core.json.JsonObject(
        "{\"error\":{\"message\":\"This message is sent outside of allowed window.\",\"code\":10,\"error_subcode\":2534022}}")));
    assertInstanceOf(SendResult.Refused.class, MessengerClient.result(new io.vertx.core.json.JsonObject(
        "{\"error\":{\"message\":\"(#551) This person isn't available right now.\",\"code\":551,\"error_subcode\":1545041}}")));
  }

  @Test
  void no_answer_fails_the_call_so_the_outbox_retries() {
    PlatformClients nowhere = new PlatformClients(vertx, new PlatformSettings("http://127.0.0.1:1", "http://127.0.0.1:1"));
    assertThrows(Exception.class, () -> result(nowhere.messenger().sendText(TOKEN, "61", "x", Duration.ZERO)));
  }

  @Test
  void a_platform_that_accepts_the_request_and_stays_silent_fails_the_call_after_the_idle_timeout() {
    HttpServer silent = vertx.createHttpServer().requestHandler(req -> { });
    String base = "http://127.0.0.1:" + result(silent.listen(0, "127.0.0.1")).actualPort();
    PlatformClients c = new PlatformClients(vertx, new PlatformSettings(base, base, 2_000, 300, 10_000));
    CompletionException e = assertThrows(CompletionException.class,
        () -> result(c.zalo().sendText(TOKEN, "2468013579246800009", "x")));
    assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("300ms"), e.getCause().getMessage());
    result(silent.close());
  }

  @Test
  void a_platform_that_trickles_its_answer_forever_fails_the_call_after_the_call_timeout() {
    HttpServer trickle = vertx.createHttpServer().requestHandler(req -> {
      req.response().setChunked(true).putHeader("Content-Type", "application/json").write("{");
      long timer = vertx.setPeriodic(50, t -> req.response().write(" "));
      req.connection().closeHandler(x -> vertx.cancelTimer(timer));
    });
    String base = "http://127.0.0.1:" + result(trickle.listen(0, "127.0.0.1")).actualPort();
    PlatformClients c = new PlatformClients(vertx, new PlatformSettings(base, base, 2_000, 1_000, 1_500));
    CompletionException e = assertThrows(CompletionException.class,
        () -> result(c.messenger().sendText(TOKEN, "6100000000000009", "x", Duration.ZERO)));
    assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("1500"), e.getCause().getMessage());
    result(trickle.close());
  }

  @Test
  void timeouts_come_from_the_settings() {
    PlatformSettings s = PlatformSettings.from(Settings.of(Map.of("BINHYEN_PLATFORM_CONNECT_TIMEOUT_MS", "1500",
        "BINHYEN_PLATFORM_IDLE_TIMEOUT_MS", "2500", "BINHYEN_PLATFORM_CALL_TIMEOUT_MS", "9000")));
    assertEquals(List.of(1500, 2500, 9000), List.of(s.connectTimeoutMs(), s.idleTimeoutMs(), s.callTimeoutMs()));
    PlatformSettings d = PlatformSettings.from(Settings.of(Map.of()));
    assertEquals(List.of(10_000, 15_000, 30_000), List.of(d.connectTimeoutMs(), d.idleTimeoutMs(), d.callTimeoutMs()));
  }

  @Test
  void base_addresses_default_to_the_real_platforms_and_refuse_paths() {
    PlatformSettings real = PlatformSettings.from(Settings.of(Map.of()));
    assertEquals("https://openapi.zalo.me", real.zaloOpenApiUrl());
    assertEquals("https://graph.facebook.com", real.facebookGraphUrl());
    ConfigException e = assertThrows(ConfigException.class,
        () -> PlatformSettings.from(Settings.of(Map.of("BINHYEN_FACEBOOK_GRAPH_URL", "https://graph.facebook.com/v21.0"))));
    assertTrue(e.getMessage().contains("BINHYEN_FACEBOOK_GRAPH_URL"));
  }

  @Test
  void zalo_photo_is_uploaded_then_sent_as_a_media_template_with_its_attachment_id() {
    byte[] photo = PlatformFakes.png(16);
    SendResult.Sent up = assertInstanceOf(SendResult.Sent.class,
        result(clients.zalo().uploadImage(TOKEN, "image/png", io.vertx.core.buffer.Buffer.buffer(photo))));
    assertEquals("image/png", fakes.uploaded(up.messageId()).sniffedType());
    assertInstanceOf(SendResult.Sent.class, result(clients.zalo().sendImage(TOKEN, "2468013579246800009",
        "Ảnh hiện trường", up.messageId())));
    var element = fakes.inbox("2468013579246800009").get(0).body().getJsonObject("message")
        .getJsonObject("attachment").getJsonObject("payload").getJsonArray("elements").getJsonObject(0);
    assertEquals("image", element.getString("media_type"));
    assertEquals(up.messageId(), element.getString("attachment_id"));
    // An attachment id Zalo never issued is refused.
    assertInstanceOf(SendResult.Refused.class,
        result(clients.zalo().sendImage(TOKEN, "2468013579246800010", "x", "not-an-uploaded-id")));
  }

  @Test
  void zalos_upload_refuses_a_photo_over_1_mb_and_a_gif_with_its_errors() {
    byte[] big = PlatformFakes.png(700);
    assertTrue(big.length > PlatformFakes.ZALO_IMAGE_MAX_BYTES, "the photo is over 1 MB: " + big.length);
    SendResult.Refused tooBig = assertInstanceOf(SendResult.Refused.class,
        result(clients.zalo().uploadImage(TOKEN, "image/png", io.vertx.core.buffer.Buffer.buffer(big))));
    assertEquals(-210, tooBig.code());
    byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    SendResult.Refused wrongType = assertInstanceOf(SendResult.Refused.class,
        result(clients.zalo().uploadImage(TOKEN, "image/png", io.vertx.core.buffer.Buffer.buffer(gif))));
    assertEquals(-201, wrongType.code());
  }

  @Test
  void messenger_photo_goes_through_the_attachment_upload_api_then_the_send_api() {
    byte[] photo = PlatformFakes.png(16);
    SendResult.Sent up = assertInstanceOf(SendResult.Sent.class,
        result(clients.messenger().uploadImage(TOKEN, "image/png", io.vertx.core.buffer.Buffer.buffer(photo))));
    assertEquals("facebook", fakes.uploaded(up.messageId()).platform());
    assertInstanceOf(SendResult.Sent.class, result(clients.messenger().sendImage(TOKEN, "6100000000000901",
        up.messageId(), Duration.ofHours(1))));
    var message = fakes.inbox("6100000000000901").get(0).body().getJsonObject("message");
    assertEquals("image", message.getJsonObject("attachment").getString("type"));
    assertEquals(up.messageId(), message.getJsonObject("attachment").getJsonObject("payload").getString("attachment_id"));
    // Not an image: Messenger's "Upload attachment failure" (code 100, subcode 2018047).
    SendResult.Refused refused = assertInstanceOf(SendResult.Refused.class, result(clients.messenger()
        .uploadImage(TOKEN, "image/png", io.vertx.core.buffer.Buffer.buffer("plain text, not a photo"))));
    assertEquals(100, refused.code());
    assertTrue(refused.message().contains("Upload attachment failure"), refused.message());
  }

  @Test
  void the_graph_api_version_comes_from_the_settings_and_a_bad_one_names_its_key() {
    java.util.Map<String, String> env = new java.util.HashMap<>(fakes.env());
    env.put("BINHYEN_FACEBOOK_GRAPH_VERSION", "v25.0");
    PlatformClients v25 = new PlatformClients(vertx, PlatformSettings.from(Settings.of(env)));
    assertInstanceOf(SendResult.Sent.class, result(v25.messenger().sendText(TOKEN, "6100000000000902", "Phiên bản mới",
        Duration.ofMinutes(5))));
    assertEquals("v25.0", fakes.lastGraphVersion());
    assertInstanceOf(SendResult.Sent.class, result(v25.pages().postToFeed(TOKEN, "104857600000903", "Cảnh báo",
        "https://binhyen.vn/a/1")));
    assertEquals("v25.0", fakes.lastGraphVersion());
    assertEquals("v21.0", PlatformSettings.from(Settings.of(Map.of())).facebookGraphVersion(), "the default");
    for (String bad : List.of("21.0", "v21", "v21.0/me", "latest", "v21.0.1")) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> PlatformSettings.from(Settings.of(Map.of("BINHYEN_FACEBOOK_GRAPH_VERSION", bad))), bad);
      assertTrue(e.getMessage().contains("BINHYEN_FACEBOOK_GRAPH_VERSION"), e.getMessage());
    }
  }
}
