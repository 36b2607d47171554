package vn.binhyen.verifier.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/**
 * The offline material over HTTP, checked as docs/verification.md tells an outside app (JDK
 * Ed25519 only): signed by the pinned root, lists the issuing keys, the unit paths, and a revoked
 * attestation right after its revocation.
 */
class TrustListIT {

  private static final Http http = TestPlatform.http();

  static JsonObject part(String token, int i) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]), StandardCharsets.UTF_8));
  }

  static boolean verifies(String token, String x) throws Exception {
    byte[] raw = Base64.getUrlDecoder().decode(x);
    byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] der = new byte[spki.length + raw.length];
    System.arraycopy(spki, 0, der, 0, spki.length);
    System.arraycopy(raw, 0, der, spki.length, raw.length);
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    String[] p = token.split("\\.");
    ed.update((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII));
    return ed.verify(Base64.getUrlDecoder().decode(p[2]));
  }

  static JsonObject pinnedRoot() {
    JsonArray keys = http.get("/.well-known/binhyen-keys.json", null).json().getJsonArray("keys");
    for (int i = 0; i < keys.size(); i++) {
      if ("root".equals(keys.getJsonObject(i).getString("purpose"))) {
        return keys.getJsonObject(i);
      }
    }
    throw new AssertionError("no root key published");
  }

  static JsonObject list() throws Exception {
    Http.Response r = http.get("/api/public/trust-list", null);
    assertEquals(200, r.status(), r.toString());
    JsonObject body = r.json();
    assertEquals("binhyen-trust-list/1", body.getString("format"));
    String token = body.getString("token");
    JsonObject header = part(token, 0);
    assertEquals("EdDSA", header.getString("alg"));
    assertEquals("binhyen-trustlist+jwt", header.getString("typ"));
    JsonObject root = pinnedRoot();
    assertEquals(root.getString("kid"), header.getString("kid"), "signed by the root");
    assertTrue(verifies(token, root.getString("x")), "the root's signature holds");
    return part(token, 1);
  }

  @Test
  void the_list_is_signed_by_the_root_and_names_the_issuing_key_of_a_ward_token() throws Exception {
    JsonObject claims = list();
    long now = System.currentTimeMillis() / 1000;
    assertEquals(1, claims.getInteger("v"));
    assertTrue(claims.getLong("iat") <= now + 5 && claims.getLong("exp") > now, claims.encode());
    assertEquals(pinnedRoot().getString("x"), claims.getJsonObject("root").getString("x"));
    String ward = http.get("/api/public/units/00004/channels", null).json().getJsonArray("items").getJsonObject(0).getString("token");
    String kid = part(ward, 0).getString("kid");
    JsonObject key = null;
    for (Object o : claims.getJsonArray("keys")) {
      if (kid.equals(((JsonObject) o).getString("kid"))) {
        key = (JsonObject) o;
      }
    }
    assertNotNull(key, "the ward token's issuing key is listed: " + claims.getJsonArray("keys"));
    assertEquals("issuing", key.getString("purpose"));
    assertEquals("01", key.getString("tc"));
    assertTrue(key.getLong("nbf") <= part(ward, 1).getLong("iat") && part(ward, 1).getLong("iat") < key.getLong("exp"));
    assertTrue(verifies(ward, key.getString("x")));
    String path = claims.getJsonObject("units").getString("00004");
    assertNotNull(path, "the ward's path is listed");
    assertTrue(java.util.List.of(path.split("/")).contains("01"), path);
  }

  @Test
  void a_revoked_attestation_is_on_the_next_list() throws Exception {
    Channel channel = TestChannels.pendingPage("00004");
    Http.Response issued = TestChannels.issue(http, "hanoi-admin", channel.id());
    assertEquals(201, issued.status(), issued.toString());
    String jti = issued.json().getString("jti");
    assertFalse(list().getJsonArray("revokedAttestations").encode().contains(jti), "not revoked yet");
    Http.Response revoked = http.post("/api/verifier/channels/" + channel.id() + "/status",
        new JsonObject().put("status", "revoked").put("reason", "ngừng hoạt động"), http.login("hanoi-admin"));
    assertEquals(200, revoked.status(), revoked.toString());
    JsonArray list = list().getJsonArray("revokedAttestations");
    JsonObject entry = null;
    for (Object o : list) {
      if (jti.equals(((JsonObject) o).getString("jti"))) {
        entry = (JsonObject) o;
      }
    }
    assertNotNull(entry, jti + " is listed: " + list);
    assertTrue(entry.getLong("exp") > System.currentTimeMillis() / 1000);
  }
}
