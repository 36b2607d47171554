package vn.binhyen.verifier.signing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Collection;
import vn.binhyen.core.error.DomainError;

/**
 * Publishes verifying keys as RFC 8037 JWKs ({@code kty OKP}, {@code crv Ed25519}) and JWK Sets,
 * so any JOSE library can check our tokens, and reads them back.
 */
public final class Jwk {

  private Jwk() {
  }

  /** {@code {"kty":"OKP","crv":"Ed25519","x":...,"kid":...,"alg":"EdDSA","use":"sig"}}. */
  public static JsonObject of(VerifyingKey key) {
    return new JsonObject()
        .put("kty", "OKP")
        .put("crv", "Ed25519")
        .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.raw()))
        .put("kid", key.kid())
        .put("alg", CompactJws.ALG)
        .put("use", "sig");
  }

  /** {@code {"keys":[...]}} in the order given. */
  public static JsonObject set(Collection<VerifyingKey> keys) {
    JsonArray array = new JsonArray();
    keys.forEach(key -> array.add(of(key)));
    return new JsonObject().put("keys", array);
  }

  /**
   * The key in an Ed25519 JWK. A {@code kid} that does not match the key is refused, so a published
   * set cannot map one kid to another key.
   *
   * @throws DomainError.Invalid {@code invalid-jwk} when it is not an Ed25519 public JWK
   */
  public static VerifyingKey parse(JsonObject jwk) {
    if (!"OKP".equals(jwk.getValue("kty")) || !"Ed25519".equals(jwk.getValue("crv")) || !(jwk.getValue("x") instanceof String x)) {
      throw new DomainError.Invalid("invalid-jwk", "Khóa không phải Ed25519 (kty OKP, crv Ed25519, x) / not an Ed25519 JWK (kty OKP, crv Ed25519, x)");
    }
    if (jwk.containsKey("d")) {
      throw new DomainError.Invalid("invalid-jwk", "JWK chứa khóa bí mật (d) / the JWK contains a private key (d): never publish it");
    }
    VerifyingKey key;
    try {
      key = Ed25519Keys.verifyingKey(Base64.getUrlDecoder().decode(x));
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("invalid-jwk", "Giá trị x không phải khóa 32 byte base64url / x is not a 32-byte base64url key");
    }
    Object kid = jwk.getValue("kid");
    if (kid != null && !key.kid().equals(kid)) {
      throw new DomainError.Invalid("invalid-jwk", "kid không khớp với khóa / the kid does not match the key");
    }
    return key;
  }
}
