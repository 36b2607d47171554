package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestPlatform;

/**
 * What docs/verification.md tells a third party to do, done with the JDK's HTTP client, Jackson and
 * the JDK's own Ed25519 only (no project class checks anything): fetch the JWKS and the key
 * certificates, check a published token and its issuing key's certificate by the root.
 */
class JwksOverHttpIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  static JsonNode fetch(String base, String path) throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), path);
    return JSON.readTree(r.body());
  }

  static JsonNode jwk(JsonNode set, String kid) {
    for (JsonNode k : set.get("keys")) {
      if (kid.equals(k.get("kid").asText())) {
        return k;
      }
    }
    return null;
  }

  static boolean verifies(String token, byte[] rawKey) throws Exception {
    String[] parts = token.split("\\.");
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(jdkPublicKey(rawKey));
    ed.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return ed.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  static JsonNode part(String token, int i) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[i]));
  }

  @Test
  void a_stranger_checks_a_ward_token_and_its_chain_with_the_published_keys() throws Exception {
    String base = TestPlatform.http().base();
    JsonNode jwks = fetch(base, "/.well-known/jwks.json");
    JsonNode certs = fetch(base, "/.well-known/binhyen-keys.json");
    String token = fetch(base, "/api/public/units/00004/channels").get("items").get(0).get("token").asText();

    JsonNode header = part(token, 0);
    assertEquals("EdDSA", header.get("alg").asText());
    JsonNode key = jwk(jwks, header.get("kid").asText());
    assertNotNull(key, "the token's kid is in the JWKS");
    assertEquals("OKP", key.get("kty").asText());
    assertEquals("Ed25519", key.get("crv").asText());
    byte[] issuerX = Base64.getUrlDecoder().decode(key.get("x").asText());
    assertTrue(verifies(token, issuerX), "the token is signed by its kid's key");

    JsonNode claims = part(token, 1);
    long now = System.currentTimeMillis() / 1000;
    assertTrue(claims.get("iat").asLong() <= now + 300 && now < claims.get("exp").asLong());
    assertEquals("00004", claims.get("tc").asText());

    JsonNode issuer = jwk(certs, header.get("kid").asText());
    String certificate = issuer.get("certificate").asText();
    JsonNode certHeader = part(certificate, 0);
    JsonNode root = jwk(certs, certHeader.get("kid").asText());
    assertEquals("root", root.get("purpose").asText());
    assertTrue(verifies(certificate, Base64.getUrlDecoder().decode(root.get("x").asText())), "the root certified the issuing key");
    JsonNode certClaims = part(certificate, 1);
    assertEquals(key.get("x").asText(), certClaims.get("x").asText());
    assertEquals("01", certClaims.get("tc").asText(), "Hà Nội's key, and 00004 is a ward of Hà Nội");
    assertTrue(certClaims.get("nbf").asLong() <= claims.get("iat").asLong() && claims.get("iat").asLong() < certClaims.get("exp").asLong());

    byte[] tampered = token.getBytes(StandardCharsets.US_ASCII);
    tampered[token.indexOf('.') + 5] ^= 1;
    assertFalse(verifies(new String(tampered, StandardCharsets.US_ASCII), issuerX), "a changed token fails");
  }

  /** SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix, then the raw key. */
  private static PublicKey jdkPublicKey(byte[] raw) throws Exception {
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] encoded = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, encoded, 0, prefix.length);
    System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }
}
