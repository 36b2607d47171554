package vn.binhyen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.impostor.web.ImpostorConfig;

/**
 * Behind a proxy citizens are still told apart: a node that trusts 127.0.0.1 as its proxy keys the
 * public rate limits by the forwarded address; a node that trusts no proxy ignores the header.
 * The impostor check allows {@code ImpostorConfig.DEFAULTS.checksPerMinute()} a minute per address.
 */
class ForwardedClientsIT {

  static final int LIMIT = ImpostorConfig.DEFAULTS.checksPerMinute();
  static Platform behindProxy;
  static Platform direct;

  @BeforeAll
  static void nodes() {
    TestPlatform.demo();
    behindProxy = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(),
        Map.of("BINHYEN_TRUSTED_PROXIES", "127.0.0.0/8, ::1"));
    direct = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of());
  }

  @AfterAll
  static void stop() {
    for (Platform p : new Platform[] {behindProxy, direct}) {
      if (p != null) {
        p.close();
      }
    }
  }

  static int check(Http http, Map<String, String> headers) {
    return http.raw("POST", "/api/public/check",
        new JsonObject().put("name", "Công an phường Ba Đình").encode().getBytes(), "application/json", null,
        headers).status();
  }

  /** How many checks pass before the first 429 (at most LIMIT + 3 tried). */
  static int allowed(Http http, Map<String, String> headers) {
    for (int i = 0; i < LIMIT + 3; i++) {
      int status = check(http, headers);
      if (status == 429) {
        return i;
      }
      assertEquals(200, status, "check " + i);
    }
    return LIMIT + 3;
  }

  @Test
  void through_a_trusted_proxy_two_forwarded_clients_have_separate_budgets() {
    Http http = new Http(behindProxy.httpPort());
    assertEquals(LIMIT, allowed(http, Map.of("X-Forwarded-For", "203.0.113.7")));
    assertEquals(LIMIT, allowed(http, Map.of("X-Forwarded-For", "198.51.100.20, 127.0.0.1")),
        "a second citizen behind the same proxy (and a trusted hop) has a budget of their own");
    assertEquals(LIMIT, allowed(http, Map.of("Forwarded", "for=\"[2001:db8::5]:4711\";proto=https")),
        "RFC 7239 Forwarded is read too");
    assertEquals(429, check(http, Map.of("X-Forwarded-For", "203.0.113.7")), "the first citizen is still limited");
  }

  @Test
  void a_forwarded_header_from_an_untrusted_peer_is_ignored() {
    Http http = new Http(direct.httpPort());
    int first = allowed(http, Map.of("X-Forwarded-For", "192.0.2.1"));
    assertTrue(first <= LIMIT, "limited at most after " + LIMIT + ": " + first);
    assertEquals(429, check(http, Map.of("X-Forwarded-For", "192.0.2.99")),
        "a new forwarded address from an untrusted peer must not buy a new budget");
  }
}
