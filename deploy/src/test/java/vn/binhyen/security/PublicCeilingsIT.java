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
 * One flood from many addresses cannot starve the rest (issue 19, item 13): behind a trusted proxy,
 * clients with distinct forwarded addresses, each under its own per-client limit, together reach
 * the impostor check's cluster-wide ceiling (set small here, {@code BINHYEN_PUBLIC_CEILINGS}); from
 * then on every client gets 429 {@code endpoint-busy} with Retry-After, while verification, with a
 * ceiling of its own, still answers.
 */
class PublicCeilingsIT {

  static final int PER_CLIENT = ImpostorConfig.DEFAULTS.checksPerMinute();
  static final int CEILING = PER_CLIENT + 40;
  static Platform node;
  static Http http;

  @BeforeAll
  static void node() {
    TestPlatform.demo();
    node = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of(
        "BINHYEN_TRUSTED_PROXIES", "127.0.0.0/8, ::1",
        "BINHYEN_PUBLIC_CEILINGS", "impostor-check=" + CEILING));
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static Http.Response check(String client) {
    return http.raw("POST", "/api/public/check",
        new JsonObject().put("name", "Công an phường Ba Đình").encode().getBytes(), "application/json", null,
        Map.of("X-Forwarded-For", client));
  }

  static Http.Response verify(String client) {
    return http.raw("GET", "/api/public/verify?q=https%3A%2F%2Fwww.facebook.com%2Fcongan.badinh", new byte[0],
        null, null, Map.of("X-Forwarded-For", client));
  }

  /**
   * The ceiling counts in fixed one-minute windows; a run that began in a window's last seconds
   * would see the count start over. Wait for a fresh window instead (a precondition, not an assertion).
   */
  static void awayFromTheWindowsEnd() throws InterruptedException {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 40_000) {
      Thread.sleep(60_000 - intoMinute + 200);
    }
  }

  @Test
  void many_addresses_together_hit_the_endpoint_ceiling_while_another_endpoint_still_answers() throws Exception {
    awayFromTheWindowsEnd();
    for (int i = 0; i < PER_CLIENT; i++) {
      assertEquals(200, check("203.0.113.1").status(), "first client, check " + i);
    }
    Http.Response own = check("203.0.113.1");
    assertTrue(own.isProblem(429, "rate-limited"), "the first client's own limit comes first: " + own);

    for (int i = 0; i < CEILING - PER_CLIENT; i++) {
      assertEquals(200, check("203.0.113.2").status(), "second client, check " + i);
    }
    for (String client : new String[] {"203.0.113.3", "198.51.100.4", "2001:db8::5", "203.0.113.2"}) {
      Http.Response busy = check(client);
      assertTrue(busy.isProblem(429, "endpoint-busy"), client + " past the ceiling: " + busy);
      long retry = Long.parseLong(busy.headers().firstValue("Retry-After").orElse("0"));
      assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
      assertEquals(retry, busy.json().getLong("retryAfter"));
    }

    Http.Response other = verify("203.0.113.3");
    assertEquals(200, other.status(), "verification has its own ceiling: " + other);
    assertTrue(other.json().getString("verdict") != null, "a verification answer: " + other);
  }
}
