package vn.binhyen.verifier.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.signing.Attestation;
import vn.binhyen.verifier.signing.CompactJws;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.SigningKey;

/** Issuing, revoking, rotating over HTTP; every refusal says why. */
class AttestationLifecycleIT {

  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
  }

  static String issuedToken(String username, Channel channel) {
    Http.Response r = TestChannels.issue(http, username, channel.id());
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("token");
  }

  @Test
  void ward_admin_issues_and_the_token_verifies_as_official_with_its_log_index() {
    Channel channel = TestChannels.pendingPage("00004");
    Http.Response r = TestChannels.issue(http, "badinh-admin", channel.id());
    assertEquals(201, r.status(), r.toString());
    JsonObject answer = TestChannels.verify(http, r.json().getString("token"));
    assertEquals("OFFICIAL", answer.getString("verdict"));
    assertEquals(r.json().getLong("logIndex"), answer.getLong("logIndex"));
    assertEquals("00004", answer.getJsonObject("unit").getString("code"));
    JsonObject byLink = TestChannels.verify(http, "https://" + channel.normalizedId());
    assertEquals("OFFICIAL", byLink.getString("verdict"));
  }

  @Test
  void a_tampered_token_is_refused_as_a_bad_signature() {
    String token = issuedToken("hanoi-admin", TestChannels.pendingPage("00070"));
    String[] parts = token.split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1])));
    claims.put("tn", "Công an phường Giả Mạo");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.encode().getBytes()) + "." + parts[2];
    JsonObject answer = TestChannels.verify(http, forged);
    assertEquals("INVALID_TOKEN", answer.getString("verdict"));
    assertEquals("BAD_SIGNATURE", answer.getString("reason"));
  }

  @Test
  void a_token_signed_by_another_key_is_refused() {
    SigningKey stranger = Ed25519Keys.generate();
    long now = Instant.now().getEpochSecond();
    Attestation fake = Attestation.issue("1", ChannelLinks.normalize("https://facebook.com/fake.police"), "Công an",
        "01", "Thành phố Hà Nội", now, now + 3600);
    JsonObject unknownKey = TestChannels.verify(http, fake.sign(stranger));
    assertEquals("INVALID_TOKEN", unknownKey.getString("verdict"));
    assertEquals("UNKNOWN_KEY", unknownKey.getString("reason"));
    String rootKid = TestChannels.services().get(KeyRing.class).root().await().kid();
    String header = new JsonObject().put("alg", "EdDSA").put("kid", rootKid).put("typ", Attestation.TYP).encode();
    String input = b64(header) + "." + b64(fake.claims().encode());
    String borrowedKid = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(stranger.sign(input.getBytes()));
    JsonObject wrongKey = TestChannels.verify(http, borrowedKid);
    assertEquals("BAD_SIGNATURE", wrongKey.getString("reason"));
  }

  @Test
  void an_expired_token_is_refused_as_expired() {
    SigningKey root = TestChannels.services().get(KeyRing.class).root().await();
    long past = Instant.now().getEpochSecond() - 10 * 86400;
    Attestation old = Attestation.issue("1", ChannelLinks.normalize("https://mps.gov.vn"), "Bộ Công an", "BCA",
        "Bộ Công an", past, past + 86400);
    JsonObject answer = TestChannels.verify(http, old.sign(root));
    assertEquals("EXPIRED", answer.getString("verdict"));
    assertEquals("EXPIRED", answer.getString("reason"));
  }

  @Test
  void a_revoked_attestation_is_refused_and_its_channel_link_reads_revoked() {
    Channel channel = TestChannels.pendingPage("24133");
    String token = issuedToken("daklak-admin", channel);
    String jti = CompactJws.parse(token).payload().getString("jti");
    Http.Response r = http.post("/api/verifier/attestations/" + jti + "/revoke", new JsonObject().put("reason", "lộ mã"),
        http.login("daklak-admin"));
    assertEquals(200, r.status(), r.toString());
    JsonObject answer = TestChannels.verify(http, token);
    assertEquals("REVOKED", answer.getString("verdict"));
    assertEquals("ATTESTATION_REVOKED", answer.getString("reason"));
    assertEquals("REVOKED", TestChannels.verify(http, "https://facebook.com/" + channel.normalizedId().substring(13)).getString("verdict"));
  }

  @Test
  void a_suspended_channel_reads_suspended_by_link_and_by_token() {
    Channel channel = TestChannels.pendingPage("00004");
    String token = issuedToken("hanoi-admin", channel);
    Http.Response r = http.post("/api/verifier/channels/" + channel.id() + "/status",
        new JsonObject().put("status", "suspended").put("reason", "bị chiếm quyền quản trị"), http.login("hanoi-admin"));
    assertEquals(200, r.status(), r.toString());
    assertEquals("SUSPENDED", TestChannels.verify(http, token).getString("verdict"));
    assertEquals("SUSPENDED", TestChannels.verify(http, "https://" + channel.normalizedId()).getString("verdict"));
  }

  @Test
  void revoking_an_issuing_key_refuses_what_it_signed_and_reissues_with_a_new_key() {
    Channel channel = TestChannels.pendingPage("79");
    String token = issuedToken("ministry-admin", channel);
    String kid = CompactJws.parse(token).kid();
    Http.Response r = http.post("/api/verifier/keys/" + kid + "/revoke", new JsonObject().put("reason", "lộ khóa"),
        http.login("ministry-admin"));
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.json().getInteger("reissued") >= 1, r.toString());
    JsonObject old = TestChannels.verify(http, token);
    assertEquals("REVOKED", old.getString("verdict"));
    assertEquals("KEY_REVOKED", old.getString("reason"));
    JsonObject now = TestChannels.verify(http, "https://" + channel.normalizedId());
    assertEquals("OFFICIAL", now.getString("verdict"), now.encode());
    assertNotEquals(kid, now.getJsonArray("chain").getString(0));
    assertTrue(!http.get("/.well-known/jwks.json", null).body().contains(kid), "a revoked key leaves the JWKS");
  }

  @Test
  void rotation_keeps_old_tokens_valid_and_new_ones_use_the_new_key() {
    String oldToken = issuedToken("ministry-admin", TestChannels.pendingPage("48"));
    String oldKid = CompactJws.parse(oldToken).kid();
    Http.Response r = http.post("/api/verifier/keys/provinces/48/rotate", null, http.login("ministry-admin"));
    assertEquals(201, r.status(), r.toString());
    String newKid = r.json().getString("kid");
    assertNotEquals(oldKid, newKid);
    assertEquals("OFFICIAL", TestChannels.verify(http, oldToken).getString("verdict"));
    String newToken = issuedToken("ministry-admin", TestChannels.pendingPage("48"));
    assertEquals(newKid, CompactJws.parse(newToken).kid());
    String jwks = http.get("/.well-known/jwks.json", null).body();
    assertTrue(jwks.contains(oldKid) && jwks.contains(newKid), "retired and active keys are both published");
  }

  @Test
  void wrong_roles_are_refused() {
    Channel channel = TestChannels.pendingPage("00004");
    assertTrue(TestChannels.issue(http, "badinh-officer", channel.id()).isProblem(403, "forbidden"));
    assertTrue(TestChannels.issue(http, "hanoi-supervisor", channel.id()).isProblem(403, "forbidden"));
    assertTrue(TestChannels.issue(http, "daklak-admin", channel.id()).isProblem(404, "not-found"),
        "another province's pending channel is not even visible");
    assertTrue(http.post("/api/verifier/channels/" + channel.id() + "/attestations", null, null).isProblem(401, "unauthenticated"));
    // A province's admins rotate their own province's key only; admins of units below it do not.
    assertTrue(http.post("/api/verifier/keys/provinces/66/rotate", null, http.login("hanoi-admin")).isProblem(403, "forbidden"));
    assertTrue(http.post("/api/verifier/keys/provinces/01/rotate", null, http.login("badinh-admin")).isProblem(403, "forbidden"));
    assertTrue(http.post("/api/verifier/keys/somekid123/revoke", null, http.login("ministry-supervisor")).isProblem(403, "forbidden"));
    String hanoiKid = CompactJws.parse(issuedToken("hanoi-admin", channel)).kid();
    assertTrue(http.post("/api/verifier/keys/" + hanoiKid + "/revoke", null, http.login("hanoi-admin")).isProblem(403, "forbidden"));
  }

  @Test
  void officers_list_their_units_channels_but_not_another_units() {
    String token = http.login("badinh-officer");
    Http.Response own = http.get("/api/verifier/units/00004/channels", token);
    assertEquals(200, own.status(), own.toString());
    assertTrue(own.json().getJsonArray("items").size() >= 3);
    assertTrue(http.get("/api/verifier/units/00070/channels", token).isProblem(403, "forbidden"));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
