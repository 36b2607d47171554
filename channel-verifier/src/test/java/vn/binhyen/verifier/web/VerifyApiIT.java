package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** The public verification API against the demo node: links, handles, names and tokens. */
class VerifyApiIT {

  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
  }

  static JsonObject verify(String q) {
    Http.Response r = http.get("/api/public/verify?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  @Test
  void hanoi_police_page_is_official_in_any_link_form() {
    for (String q : new String[] {"https://m.facebook.com/ConganThuDo/", "facebook.com/conganthudo", "fb.com/ConganThuDo?ref=x"}) {
      JsonObject a = verify(q);
      assertEquals("OFFICIAL", a.getString("verdict"), q + " → " + a);
      assertEquals("01", a.getJsonObject("unit").getString("code"));
      assertNotNull(a.getString("since"));
      assertNotNull(a.getLong("logIndex"));
      assertEquals(2, a.getJsonArray("chain").size(), "issuing key and root: " + a);
    }
  }

  @Test
  void ministry_website_is_official_signed_by_the_root() {
    JsonObject a = verify("https://www.mps.gov.vn/");
    assertEquals("OFFICIAL", a.getString("verdict"), a.encode());
    assertEquals("BCA", a.getJsonObject("unit").getString("code"));
    assertEquals(1, a.getJsonArray("chain").size());
  }

  @Test
  void unknown_link_is_not_registered() {
    JsonObject a = verify("https://www.facebook.com/congan.hotro.laylaitien");
    assertEquals("NOT_REGISTERED", a.getString("verdict"));
    assertEquals("facebook.com/congan.hotro.laylaitien", a.getString("normalizedId"));
  }

  @Test
  void a_token_from_the_unit_listing_verifies_as_official_with_chain_and_log_index() {
    JsonObject unit = http.get("/api/public/units/00004/channels", null).json();
    String token = unit.getJsonArray("items").getJsonObject(0).getString("token");
    JsonObject a = verify(token);
    assertEquals("OFFICIAL", a.getString("verdict"), a.encode());
    assertEquals("VALID", a.getString("reason"));
    assertEquals("00004", a.getJsonObject("unit").getString("code"));
    assertEquals(2, a.getJsonArray("chain").size());
    assertNotNull(a.getLong("logIndex"));
    JsonObject viaLink = verify("http://localhost/verify?t=" + token);
    assertEquals("OFFICIAL", viaLink.getString("verdict"));
  }

  @Test
  void a_post_link_is_refused_as_a_problem_not_an_error() {
    Http.Response r = http.get("/api/public/verify?q=" + URLEncoder.encode("https://www.facebook.com/watch?v=123", StandardCharsets.UTF_8), null);
    assertTrue(r.isProblem(400, "invalid-link"), r.toString());
  }

  @Test
  void unsigned_and_hmac_tokens_are_invalid() {
    JsonObject unit = http.get("/api/public/units/01/channels", null).json();
    String[] parts = unit.getJsonArray("items").getJsonObject(0).getString("token").split("\\.");
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String none = b64.encodeToString("{\"alg\":\"none\",\"kid\":\"x\",\"typ\":\"bya+jwt\"}".getBytes()) + "." + parts[1] + ".AAAA";
    String hmac = b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"x\",\"typ\":\"bya+jwt\"}".getBytes()) + "." + parts[1] + "." + parts[2];
    for (String token : new String[] {none, hmac}) {
      JsonObject a = verify(token);
      assertEquals("INVALID_TOKEN", a.getString("verdict"), a.encode());
      assertEquals("MALFORMED", a.getString("reason"));
    }
  }

  @Test
  void a_tampered_token_lends_no_unit_or_page_name_to_the_answer() {
    JsonObject unit = http.get("/api/public/units/01/channels", null).json();
    String[] parts = unit.getJsonArray("items").getJsonObject(0).getString("token").split("\\.");
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    JsonObject claims = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("n", "Forged Page").put("tn", "Forged Unit");
    String forged = parts[0] + "." + b64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    JsonObject a = verify(forged);
    assertEquals("INVALID_TOKEN", a.getString("verdict"), a.encode());
    assertFalse(a.encode().contains("Forged"), a.encode());
    assertFalse(a.containsKey("unit"), a.encode());
    assertFalse(a.containsKey("claims"), a.encode());
  }

  @Test
  void the_jwks_publishes_okp_signing_keys_but_not_the_log_key() {
    JsonObject jwks = http.get("/.well-known/jwks.json", null).json();
    JsonObject all = http.get("/.well-known/binhyen-keys.json", null).json();
    assertTrue(jwks.getJsonArray("keys").size() >= 3, "root and the demo provinces' keys");
    jwks.getJsonArray("keys").forEach(k -> {
      JsonObject key = (JsonObject) k;
      assertEquals("OKP", key.getString("kty"));
      assertEquals("Ed25519", key.getString("crv"));
      assertTrue(!key.containsKey("d"));
    });
    String logKid = all.getJsonArray("keys").stream().map(k -> (JsonObject) k)
        .filter(k -> "log".equals(k.getString("purpose"))).findFirst().orElseThrow().getString("kid");
    assertTrue(!jwks.encode().contains(logKid));
    assertTrue(all.getJsonObject("log").getString("verifierKey").startsWith("binhyen.vn/translog+"));
  }

  @Test
  void a_name_lists_matching_official_channels() {
    JsonObject a = verify("cong an phuong ba dinh");
    assertEquals("NAME_ONLY", a.getString("verdict"));
    assertTrue(a.getJsonArray("matches").size() >= 1, a.encode());
  }
}
