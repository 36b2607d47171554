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
  static final int FOLLOW_PER_CLIENT = vn.binhyen.core.tips.TipSettings.fromEnvironment().followPerIpPerMinute();
  static final int FOLLOW_CEILING = FOLLOW_PER_CLIENT + 10;
  static Platform node;
  static Http http;

  @BeforeAll
  static void node() {
    TestPlatform.demo();
    node = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of(
        "BINHYEN_TRUSTED_PROXIES", "127.0.0.0/8, ::1",
        "BINHYEN_PUBLIC_CEILINGS", "impostor-check=" + CEILING + ",tips.follow=" + FOLLOW_CEILING));
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

  /** A well-formed receipt nobody holds (each one its own wrong-secret counter) and some secret. */
  static Http.Response follow(String client, int guess) {
    return http.raw("GET", String.format("/api/public/tips/GQRST-%05d", guess), new byte[0], null, null,
        Map.of("X-Forwarded-For", client, "X-Tip-Secret", String.format("guess-secret-%010d", guess)));
  }

  @Test
  void tip_follow_ups_from_many_addresses_share_one_ceiling() throws Exception {
    awayFromTheWindowsEnd();
    int guess = 0;
    for (int i = 0; i < FOLLOW_PER_CLIENT; i++) {
      assertEquals(404, follow("192.0.2.10", guess++).status(), "first client, follow-up " + i);
    }
    for (int i = 0; i < FOLLOW_CEILING - FOLLOW_PER_CLIENT; i++) {
      assertEquals(404, follow("192.0.2.11", guess++).status(), "second client, follow-up " + i);
    }
    Http.Response busy = follow("192.0.2.12", guess++);
    assertTrue(busy.isProblem(429, "endpoint-busy"), "a third client past the ceiling: " + busy);
    assertTrue(busy.headers().firstValue("Retry-After").isPresent(), busy.toString());
    // Not the impostor check: the other test counts its ceiling exactly.
    assertEquals(200, verify("192.0.2.12").status(), "verification has a ceiling of its own");
  }
}
