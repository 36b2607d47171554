package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;

class CompactJwsTest {

  private final SigningKey key = Ed25519Keys.generate();

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static DomainError.Invalid malformed(String token) {
    DomainError.Invalid error = assertThrows(DomainError.Invalid.class, () -> CompactJws.parse(token));
    assertEquals("malformed-token", error.slug());
    return error;
  }

  @Test
  void a_signed_token_parses_back_and_verifies_with_the_public_key() {
    String token = CompactJws.sign("test+jwt", new JsonObject().put("n", "Công an").put("iat", 1), key);
    CompactJws.Parsed parsed = CompactJws.parse(token);
    assertEquals("{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\",\"typ\":\"test+jwt\"}",
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8), "compact JSON, fixed order");
    assertEquals("{\"n\":\"Công an\",\"iat\":1}", new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    assertEquals(key.kid(), parsed.kid());
    assertEquals("test+jwt", parsed.typ());
    assertEquals("Công an", parsed.payload().getString("n"));
    assertTrue(parsed.verifiedBy(key.verifyingKey()));
    assertFalse(parsed.verifiedBy(Ed25519Keys.generate().verifyingKey()));
  }

  @Test
  void the_same_claims_always_give_the_same_token() {
    JsonObject payload = new JsonObject().put("a", 1).put("b", "x");
    assertEquals(CompactJws.sign("t", payload, key), CompactJws.sign("t", payload.copy(), key));
  }

  @Test
  void a_changed_payload_no_longer_verifies() {
    String[] parts = CompactJws.sign("t", new JsonObject().put("tc", "00004"), key).split("\\.");
    String forged = parts[0] + "." + b64("{\"tc\":\"00005\"}") + "." + parts[2];
    assertFalse(CompactJws.parse(forged).verifiedBy(key.verifyingKey()));
  }

  @Test
  void any_algorithm_but_eddsa_is_refused() {
    String payload = b64("{\"tc\":\"00004\"}");
    for (String alg : new String[] {"none", "HS256", "RS256", "ES256", "Ed25519", "eddsa"}) {
      String header = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + key.kid() + "\"}");
      assertTrue(malformed(header + "." + payload + ".").getMessage().contains("only EdDSA"), alg);
      assertTrue(malformed(header + "." + payload + "." + b64("x".repeat(64))).getMessage().contains("only EdDSA"), alg);
    }
    assertThrows(IllegalArgumentException.class, () -> CompactJws.sign("{\"alg\":\"none\",\"kid\":\"" + key.kid() + "\"}", "{}", key));
  }

  @Test
  void broken_tokens_are_malformed_not_crashes() {
    String good = CompactJws.sign("t", new JsonObject().put("a", 1), key);
    String[] parts = good.split("\\.");
    malformed(null);
    malformed("");
    malformed("a.b");
    malformed(good + ".x");
    malformed("!!!." + parts[1] + "." + parts[2]);
    malformed(parts[0] + "=." + parts[1] + "." + parts[2]);
    malformed(b64("[1,2]") + "." + parts[1] + "." + parts[2]);
    malformed(b64("{\"alg\":\"EdDSA\"}") + "." + parts[1] + "." + parts[2]);
    malformed(parts[0] + "." + b64("{\"a\":1} trailing") + "." + parts[2]);
    malformed("x".repeat(CompactJws.MAX_TOKEN_CHARS + 1));
  }

  @Test
  void a_repeated_header_member_is_refused() {
    String header = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\",\"alg\":\"none\"}");
    malformed(header + "." + b64("{}") + ".");
  }

  @Test
  void a_non_canonical_base64_spelling_is_refused() {
    String good = CompactJws.sign("t", new JsonObject().put("a", 1), key);
    String[] parts = good.split("\\.");
    String signature = parts[2];
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // 64 bytes take 86 characters, the last carrying 4 unused bits: flipping one keeps the same bytes.
    char sibling = alphabet.charAt(alphabet.indexOf(signature.charAt(signature.length() - 1)) ^ 1);
    assertEquals(64, Base64.getUrlDecoder().decode(signature.substring(0, signature.length() - 1) + sibling).length);
    malformed(parts[0] + "." + parts[1] + "." + signature.substring(0, signature.length() - 1) + sibling);
  }
}
