package vn.binhyen.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** Log-in, refresh with rotation, expiry and revocation, over real HTTP. */
class AuthIT {

  private final Http http = TestPlatform.http();

  private Http.Response login(String user, String pw) {
    return http.post("/api/auth/login", new JsonObject().put("username", user).put("password", pw), null);
  }

  @Test
  void login_returns_tokens_and_http_only_session_cookies() {
    Http.Response r = login("hanoi-admin", TestPlatform.PASSWORD);
    assertEquals(200, r.status(), r.body());
    assertEquals("UNIT_ADMIN", r.json().getJsonObject("user").getString("role"));
    assertEquals("01", r.json().getJsonObject("user").getJsonObject("unit").getString("code"));
    List<String> cookies = r.headers().allValues("Set-Cookie");
    assertTrue(cookies.stream().anyMatch(c -> c.startsWith("by_session=") && c.toLowerCase().contains("httponly")
        && c.contains("SameSite=Strict")), cookies.toString());
    String header = new String(Base64.getUrlDecoder().decode(r.json().getString("accessToken").split("\\.")[0]));
    assertTrue(header.contains("EdDSA"), header);
    Http.Response me = http.get("/api/auth/me", r.json().getString("accessToken"));
    assertEquals("hanoi-admin", me.json().getString("username"));
  }

  @Test
  void wrong_password_and_unknown_user_get_the_same_problem() {
    Http.Response wrong = login("hanoi-admin", "not-the-password");
    Http.Response unknown = login("nobody-here", "whatever-password");
    assertTrue(wrong.isProblem(401, "unauthenticated"), wrong.toString());
    assertTrue(unknown.isProblem(401, "unauthenticated"), unknown.toString());
    assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
  }

  @Test
  void repeated_failures_pause_sign_in_for_the_account_with_a_clear_message() {
    var s = TestPlatform.demo().services();
    String username = "lockout-probe-" + System.nanoTime() % 100000;
    s.users().create(null, s.tenantDirectory().byCode("66").await(),
        new UserService.NewUser(username, "Probe", Role.OFFICER, TestPlatform.PASSWORD)).await();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(username, "wrong-password-" + i).status());
    }
    Http.Response paused = login(username, TestPlatform.PASSWORD);
    assertTrue(paused.isProblem(429, "rate-limited"), paused.toString());
    assertTrue(paused.json().getString("detail").contains("phút"), paused.body());
    assertTrue(Long.parseLong(paused.headers().firstValue("Retry-After").orElse("0")) > 0);
    assertEquals(200, login("hanoi-admin", TestPlatform.PASSWORD).status(), "other accounts are unaffected");
  }

  @Test
  void refresh_rotates_and_a_reused_refresh_token_revokes_the_session() {
    JsonObject first = login("daklak-admin", TestPlatform.PASSWORD).json();
    String oldRefresh = first.getString("refreshToken");
    Http.Response rotated = http.post("/api/auth/refresh", new JsonObject().put("refreshToken", oldRefresh), null);
    assertEquals(200, rotated.status(), rotated.body());
    String newAccess = rotated.json().getString("accessToken");
    assertNotEquals(oldRefresh, rotated.json().getString("refreshToken"));
    assertEquals(200, http.get("/api/auth/me", newAccess).status());

    Http.Response reused = http.post("/api/auth/refresh", new JsonObject().put("refreshToken", oldRefresh), null);
    assertTrue(reused.isProblem(401, "unauthenticated"), reused.toString());
    assertTrue(http.get("/api/auth/me", newAccess).isProblem(401, "unauthenticated"),
        "the whole family is revoked, including the access token of the rotated session");
    Http.Response newerRefresh = http.post("/api/auth/refresh",
        new JsonObject().put("refreshToken", rotated.json().getString("refreshToken")), null);
    assertEquals(401, newerRefresh.status());
  }

  @Test
  void logout_revokes_the_access_token() {
    String token = http.login("hanoi-supervisor");
    assertEquals(200, http.get("/api/auth/me", token).status());
    assertEquals(204, http.post("/api/auth/logout", null, token).status());
    assertTrue(http.get("/api/auth/me", token).isProblem(401, "unauthenticated"));
  }

  @Test
  void an_expired_token_signed_with_the_real_key_is_refused() {
    JwtKeys keys = TestPlatform.demo().services().jwtKeys();
    JWTAuth auth = JWTAuth.create(TestPlatform.demo().vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("EdDSA").setBuffer(keys.privatePem())));
    long now = System.currentTimeMillis() / 1000;
    String token = auth.generateToken(new JsonObject().put("sub", "1").put("usr", "ministry-admin")
            .put("tid", 1).put("tcode", "BCA").put("tpath", "BCA").put("roles", List.of("MINISTRY_ADMIN"))
            .put("sid", "00000000-0000-0000-0000-000000000000").put("jti", "x")
            .put("iat", now - 3600).put("exp", now - 600),
        new JWTOptions().setAlgorithm("EdDSA").setIssuer(TokenService.ISSUER).setAudience(List.of(TokenService.AUDIENCE)));
    assertTrue(http.get("/api/auth/me", token).isProblem(401, "unauthenticated"));
  }

  @Test
  void unsigned_and_hs256_tokens_made_with_the_public_key_are_refused() {
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(new JsonObject()
        .put("sub", "1").put("usr", "ministry-admin").put("tid", 1).put("tcode", "BCA").put("tpath", "BCA")
        .put("roles", List.of("MINISTRY_ADMIN")).put("sid", "s").put("jti", "j")
        .put("iss", TokenService.ISSUER).put("aud", TokenService.AUDIENCE)
        .put("exp", System.currentTimeMillis() / 1000 + 600).encode().getBytes());
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
        + "." + payload + ".";
    assertTrue(http.get("/api/auth/me", none).isProblem(401, "unauthenticated"));
    String hsHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
    String signingInput = hsHeader + "." + payload;
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(
          TestPlatform.demo().services().jwtKeys().publicPem().getBytes(), "HmacSHA256"));
      String hs = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes()));
      assertTrue(http.get("/api/auth/me", hs).isProblem(401, "unauthenticated"));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    assertFalse(http.get("/api/auth/me", null).status() == 200);
  }
}
