package vn.binhyen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.TokenService;
import vn.binhyen.core.identity.UserService;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/** Forged, stale and stolen tokens; cluster-wide revocation; refresh reuse; cookies, CSRF and log-in throttling. */
class TokenSessionIT {

  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  static Http http;
  static Platform second;

  @BeforeAll
  static void world() {
    http = TestPlatform.http();
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
  }

  static JsonObject claims() {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject().put("sub", "1").put("usr", "ministry-admin").put("name", "x").put("tid", 1)
        .put("tcode", "BCA").put("tpath", "BCA").put("roles", new JsonArray().add("MINISTRY_ADMIN"))
        .put("sid", "00000000-0000-0000-0000-000000000000").put("jti", "forged-" + System.nanoTime())
        .put("iss", TokenService.ISSUER).put("aud", TokenService.AUDIENCE).put("iat", now).put("exp", now + 600);
  }

  /** Signed with the node's real key: every refusal below is for the claim, not the signature. */
  static String signedWithRealKey(JsonObject claims) {
    JWTAuth auth = JWTAuth.create(TestPlatform.demo().vertx(), new JWTAuthOptions().addPubSecKey(
        new PubSecKeyOptions().setAlgorithm("EdDSA").setBuffer(TestPlatform.demo().services().jwtKeys().privatePem())));
    return auth.generateToken(claims, new JWTOptions().setAlgorithm("EdDSA"));
  }

  static boolean refused(String token) {
    return http.get("/api/auth/me", token).isProblem(401, "unauthenticated");
  }

  @Test
  void the_real_key_signs_a_token_that_is_accepted_so_the_refusals_below_mean_something() {
    String ok = signedWithRealKey(claims());
    assertEquals(200, http.get("/api/auth/me", ok).status());
  }

  @Test
  void alg_none_and_hs256_with_the_public_key_as_secret_are_refused() throws Exception {
    String payload = B64.encodeToString(claims().encode().getBytes(StandardCharsets.UTF_8));
    assertTrue(refused(B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + payload + "."));
    assertTrue(refused(B64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + payload + ".c2ln"));
    String input = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes()) + "." + payload;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestPlatform.demo().services().jwtKeys().publicPem().getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"));
    assertTrue(refused(input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)))));
  }

  @Test
  void a_token_signed_by_another_ed25519_key_is_refused() throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
        .encodeToString(kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    JWTAuth other = JWTAuth.create(TestPlatform.demo().vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("EdDSA").setBuffer(pem)));
    assertTrue(refused(other.generateToken(claims(), new JWTOptions().setAlgorithm("EdDSA"))));
  }

  @Test
  void expired_not_yet_valid_and_wrong_audience_or_issuer_are_refused() {
    long now = System.currentTimeMillis() / 1000;
    assertTrue(refused(signedWithRealKey(claims().put("iat", now - 3600).put("exp", now - 600))), "expired");
    assertTrue(refused(signedWithRealKey(claims().put("nbf", now + 3600))), "not yet valid");
    assertTrue(refused(signedWithRealKey(claims().put("aud", "another-api"))), "wrong audience");
    assertTrue(refused(signedWithRealKey(claims().put("iss", "someone-else"))), "wrong issuer");
    assertTrue(refused(signedWithRealKey(claims().put("roles", new JsonArray().add("SUPERUSER")))), "unknown role");
  }

  @Test
  void tampered_tenant_or_role_claims_break_the_signature() {
    String real = http.login("badinh-officer");
    String[] parts = real.split("\\.");
    JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    for (JsonObject forged : List.of(payload.copy().put("tpath", "BCA").put("tcode", "BCA"),
        payload.copy().put("roles", new JsonArray().add("MINISTRY_ADMIN")),
        payload.copy().put("tpath", "BCA/66/24133").put("tcode", "24133"))) {
      String token = parts[0] + "." + B64.encodeToString(forged.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
      assertTrue(refused(token), forged.encode());
      assertTrue(http.get("/api/units/24133", token).isProblem(401, "unauthenticated"));
    }
    assertEquals(200, http.get("/api/auth/me", real).status(), "the untouched token still works");
  }

  @Test
  void a_token_revoked_on_one_node_is_refused_by_another() {
    second = TestNode.start(TestPlatform.DATABASE, TestPlatform.clusterName(), Map.of());
    Http other = new Http(second.httpPort());
    String token = http.login("daklak-supervisor");
    assertEquals(200, other.get("/api/auth/me", token).status(), "the second node accepts the first node's token");
    assertEquals(204, http.post("/api/auth/logout", null, token).status());
    assertTrue(other.get("/api/auth/me", token).isProblem(401, "unauthenticated"));
  }

  @Test
  void a_refresh_token_reused_after_rotation_revokes_the_whole_family() {
    JsonObject first = http.post("/api/auth/login", new JsonObject().put("username", "hoankiem-officer")
        .put("password", TestPlatform.PASSWORD), null).json();
    String old = first.getString("refreshToken");
    JsonObject rotated = http.post("/api/auth/refresh", new JsonObject().put("refreshToken", old), null).json();
    JsonObject rotatedAgain = http.post("/api/auth/refresh",
        new JsonObject().put("refreshToken", rotated.getString("refreshToken")), null).json();
    assertEquals(200, http.get("/api/auth/me", rotatedAgain.getString("accessToken")).status());
    assertTrue(http.post("/api/auth/refresh", new JsonObject().put("refreshToken", old), null)
        .isProblem(401, "unauthenticated"));
    for (String access : List.of(first.getString("accessToken"), rotated.getString("accessToken"),
        rotatedAgain.getString("accessToken"))) {
      assertTrue(refused(access), "every access token of the family is revoked");
    }
    assertEquals(401, http.post("/api/auth/refresh",
        new JsonObject().put("refreshToken", rotatedAgain.getString("refreshToken")), null).status());
  }

  @Test
  void session_cookies_are_http_only_same_site_strict_and_not_secure_over_plain_http() {
    Http.Response r = http.post("/api/auth/login", new JsonObject().put("username", "hanoi-supervisor")
        .put("password", TestPlatform.PASSWORD), null);
    List<String> cookies = r.headers().allValues("Set-Cookie");
    for (String name : List.of("by_session=", "by_refresh=")) {
      String c = cookies.stream().filter(x -> x.startsWith(name)).findFirst().orElseThrow();
      assertTrue(c.toLowerCase().contains("httponly") && c.contains("SameSite=Strict"), c);
      // The node serves plain HTTP only (TLS ends at the proxy): Secure is set when the request is TLS.
      assertFalse(c.contains("Secure"), c);
    }
    String csrf = cookies.stream().filter(x -> x.startsWith("by_csrf=")).findFirst().orElseThrow();
    assertTrue(csrf.contains("SameSite=Strict") && !csrf.toLowerCase().contains("httponly"), "the page must read it: " + csrf);
    assertTrue(cookies.stream().filter(x -> x.startsWith("by_refresh=")).allMatch(x -> x.contains("Path=/api/auth")));
  }

  @Test
  void a_cookie_authenticated_write_needs_the_matching_csrf_header() {
    Http.Response login = http.post("/api/auth/login", new JsonObject().put("username", "badinh-admin")
        .put("password", TestPlatform.PASSWORD), null);
    String session = cookie(login, "by_session");
    String csrf = cookie(login, "by_csrf");
    String jar = "by_session=" + session + "; by_csrf=" + csrf;
    Http.Response without = http.raw("POST", "/api/auth/logout", new byte[0], null, null, Map.of("Cookie", jar));
    assertTrue(without.isProblem(403, "forbidden"), without.toString());
    Http.Response wrong = http.raw("POST", "/api/auth/logout", new byte[0], null, null,
        Map.of("Cookie", jar, "X-CSRF-Token", csrf + "x"));
    assertTrue(wrong.isProblem(403, "forbidden"), wrong.toString());
    Http.Response forgedPair = http.raw("POST", "/api/auth/logout", new byte[0], null, null,
        Map.of("Cookie", "by_session=" + session + "; by_csrf=attacker", "X-CSRF-Token", "attacker2"));
    assertTrue(forgedPair.isProblem(403, "forbidden"), forgedPair.toString());
    Http.Response chosenPair = http.raw("POST", "/api/auth/logout", new byte[0], null, null,
        Map.of("Cookie", "by_session=" + session + "; by_csrf=attacker", "X-CSRF-Token", "attacker"));
    assertTrue(chosenPair.isProblem(403, "forbidden"),
        "an attacker-chosen cookie and header that agree must not pass: " + chosenPair);
    Http.Response other = http.post("/api/auth/login", new JsonObject().put("username", "badinh-admin")
        .put("password", TestPlatform.PASSWORD), null);
    String otherCsrf = cookie(other, "by_csrf");
    assertNotEquals(csrf, otherCsrf, "each log-in session has its own CSRF token");
    Http.Response crossed = http.raw("POST", "/api/auth/logout", new byte[0], null, null,
        Map.of("Cookie", "by_session=" + session + "; by_csrf=" + otherCsrf, "X-CSRF-Token", otherCsrf));
    assertTrue(crossed.isProblem(403, "forbidden"),
        "another session's CSRF token must not pass: " + crossed);
    assertEquals(200, http.raw("GET", "/api/auth/me", new byte[0], null, null, Map.of("Cookie", jar)).status(),
        "reads need no CSRF header");
    assertEquals(204, http.raw("POST", "/api/auth/logout", new byte[0], null, null,
        Map.of("Cookie", jar, "X-CSRF-Token", csrf)).status());
  }

  static String cookie(Http.Response r, String name) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
  }

  @Test
  void no_web_script_keeps_the_session_in_local_or_session_storage() throws Exception {
    List<Path> scripts;
    try (Stream<Path> s = Files.walk(Path.of("..").toAbsolutePath().normalize(), 8)) {
      scripts = s.filter(p -> p.toString().contains("/src/main/resources/web/") && p.toString().endsWith(".js"))
          .toList();
    }
    assertTrue(scripts.size() >= 3, "web scripts found: " + scripts);
    for (Path p : scripts) {
      for (String line : Files.readAllLines(p)) {
        boolean storage = line.contains("localStorage") || line.contains("sessionStorage") || line.contains("indexedDB");
        assertFalse(storage && line.matches("(?i).*(token|session|jwt|csrf|refresh|password|auth).*"),
            p + " stores a credential in browser storage: " + line.trim());
        assertFalse(line.matches("(?i).*document\\.cookie\\s*=.*"), p + " writes cookies from script: " + line.trim());
      }
    }
  }

  @Test
  void repeated_failures_pause_the_account_with_try_again_in_n_minutes() {
    var s = TestPlatform.demo().services();
    String username = "sec-lockout-" + System.nanoTime() % 1_000_000;
    s.users().create(null, s.tenantDirectory().byCode("66").await(),
        new UserService.NewUser(username, "Probe", Role.OFFICER, TestPlatform.PASSWORD)).await();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(http, username, "wrong-" + i).status());
    }
    Http.Response paused = login(http, username, TestPlatform.PASSWORD);
    assertTrue(paused.isProblem(429, "rate-limited"), paused.toString());
    assertTrue(paused.json().getString("detail").matches("(?s).*\\d+ phút.*"), paused.body());
    assertTrue(Long.parseLong(paused.headers().firstValue("Retry-After").orElse("0")) > 0);
  }

  @Test
  void repeated_failures_from_one_address_pause_every_account_from_it() {
    // A node of its own cluster (own rate-limit state) over the demo database, with a low limit.
    Platform node = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(),
        Map.of("BINHYEN_LOGIN_FAILURES_PER_ADDRESS", "4"));
    try {
      Http h = new Http(node.httpPort());
      for (int i = 0; i < 4; i++) {
        assertEquals(401, login(h, "no-such-user-" + i, "x").status());
      }
      Http.Response paused = login(h, "hanoi-admin", TestPlatform.PASSWORD);
      assertTrue(paused.isProblem(429, "rate-limited"), paused.toString());
      assertTrue(paused.json().getString("detail").contains("phút"), paused.body());
    } finally {
      node.close();
    }
  }

  static Http.Response login(Http h, String user, String password) {
    return h.post("/api/auth/login", new JsonObject().put("username", user).put("password", password), null);
  }
}
