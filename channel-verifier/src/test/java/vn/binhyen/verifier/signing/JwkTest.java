package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;

class JwkTest {

  @Test
  void a_jwk_has_the_rfc8037_members_in_a_fixed_order() {
    VerifyingKey key = Ed25519Keys.generate().verifyingKey();
    JsonObject jwk = Jwk.of(key);
    assertEquals(List.of("kty", "crv", "x", "kid", "alg", "use"), List.copyOf(jwk.fieldNames()));
    assertEquals("OKP", jwk.getString("kty"));
    assertEquals("Ed25519", jwk.getString("crv"));
    assertEquals(43, jwk.getString("x").length());
    assertEquals("EdDSA", jwk.getString("alg"));
    assertEquals("sig", jwk.getString("use"));
    assertEquals(key, Jwk.parse(jwk));
  }

  @Test
  void a_jwks_lists_every_key() {
    VerifyingKey a = Ed25519Keys.generate().verifyingKey();
    VerifyingKey b = Ed25519Keys.generate().verifyingKey();
    JsonObject set = Jwk.set(List.of(a, b));
    assertEquals(2, set.getJsonArray("keys").size());
    assertEquals(b, Jwk.parse(set.getJsonArray("keys").getJsonObject(1)));
  }

  @Test
  void a_jwk_of_another_curve_a_private_member_or_a_wrong_kid_is_refused() {
    JsonObject jwk = Jwk.of(Ed25519Keys.generate().verifyingKey());
    assertThrows(DomainError.Invalid.class, () -> Jwk.parse(jwk.copy().put("crv", "X25519")));
    assertThrows(DomainError.Invalid.class, () -> Jwk.parse(jwk.copy().put("d", "secret")));
    assertThrows(DomainError.Invalid.class, () -> Jwk.parse(jwk.copy().put("kid", "someone-else")));
    assertEquals("invalid-jwk", assertThrows(DomainError.Invalid.class, () -> Jwk.parse(jwk.copy().put("x", "AAAA"))).slug());
  }
}
