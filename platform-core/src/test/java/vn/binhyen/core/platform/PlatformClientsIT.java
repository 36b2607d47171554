package vn.binhyen.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.Settings;
import vn.binhyen.core.testing.PlatformFakes;

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
    vertx.close().await();
  }

  @Test
  void zalo_consultation_message_reaches_the_user_and_returns_the_message_id() {
    SendResult r = clients.zalo().sendText(TOKEN, "2468013579246800001", "Công an phường đã nhận tin").await();
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
        clients.zalo().sendText(TOKEN, "2468013579246800002", "x").await());
    assertInstanceOf(SendResult.InvalidToken.class,
        clients.zalo().sendText("wrong-token-000", "2468013579246800003", "x").await());
    fakes.rateLimit("2468013579246800004", 1);
    assertInstanceOf(SendResult.RateLimited.class,
        clients.zalo().sendText(TOKEN, "2468013579246800004", "x").await());
    assertInstanceOf(SendResult.Sent.class, clients.zalo().sendText(TOKEN, "2468013579246800004", "x").await());
    assertInstanceOf(SendResult.Refused.class, clients.zalo().sendText(TOKEN, "2468013579246800005", null).await());
  }

  @Test
  void messenger_uses_response_within_24_hours_and_the_human_agent_tag_after() {
    String psid = "6100000000000001";
    assertInstanceOf(SendResult.Sent.class, clients.messenger().sendText(TOKEN, psid, "Chào bạn", Duration.ofHours(2)).await());
    assertInstanceOf(SendResult.Sent.class, clients.messenger().sendText(TOKEN, psid, "Chào bạn", Duration.ofHours(30)).await());
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
        clients.messenger().sendText(TOKEN, psid, "x", Duration.ofDays(8)).await());
    assertEquals(10, w.code());
    assertInstanceOf(SendResult.InvalidToken.class,
        clients.messenger().sendText("wrong-token-000", "6100000000000003", "x", Duration.ZERO).await());
    fakes.rateLimit("6100000000000004", 1);
    SendResult.RateLimited l = assertInstanceOf(SendResult.RateLimited.class,
        clients.messenger().sendText(TOKEN, "6100000000000004", "x", Duration.ZERO).await());
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
    assertThrows(Exception.class, () -> nowhere.messenger().sendText(TOKEN, "61", "x", Duration.ZERO).await());
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
}
