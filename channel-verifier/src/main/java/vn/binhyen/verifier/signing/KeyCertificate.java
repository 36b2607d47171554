package vn.binhyen.verifier.signing;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Objects;
import vn.binhyen.core.error.DomainError;

/**
 * The root key's statement "this issuing key belongs to tenant {@code tenantCode} and may sign from
 * {@code notBefore} until {@code expiresAt}", as a compact JWS (typ {@value #TYP}) signed by the
 * root. Payload: {@code {"kid","x","tc","nbf","exp"}}.
 */
public record KeyCertificate(VerifyingKey publicKey, String tenantCode, long notBefore, long expiresAt) {

  /** The {@code typ} header of a key certificate. */
  public static final String TYP = "binhyen-keycert+jwt";

  public KeyCertificate {
    Objects.requireNonNull(publicKey, "publicKey");
    if (tenantCode == null || tenantCode.isBlank()) {
      throw new DomainError.Invalid("invalid-key-certificate", "Thiếu mã đơn vị / the tenant code is missing");
    }
    if (expiresAt <= notBefore) {
      throw new DomainError.Invalid("invalid-key-certificate", "Hết hạn trước khi có hiệu lực / it expires before it starts");
    }
  }

  public String kid() {
    return publicKey.kid();
  }

  /** Whether the certified key was allowed to sign at {@code epochSeconds}. */
  public boolean covers(long epochSeconds) {
    return notBefore <= epochSeconds && epochSeconds < expiresAt;
  }

  public JsonObject claims() {
    return new JsonObject()
        .put("kid", kid())
        .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey.raw()))
        .put("tc", tenantCode)
        .put("nbf", notBefore)
        .put("exp", expiresAt);
  }

  /** The certificate token, signed by the root key. */
  public String sign(SigningKey root) {
    return CompactJws.sign(TYP, claims(), root);
  }

  /**
   * Reads a certificate payload; the {@code kid} must be the kid of {@code x}.
   *
   * @throws DomainError.Invalid when a claim is missing, of the wrong type, or the kid does not match
   */
  public static KeyCertificate fromClaims(JsonObject claims) {
    VerifyingKey key;
    try {
      key = Ed25519Keys.verifyingKey(Base64.getUrlDecoder().decode(Attestation.text(claims, "x")));
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("invalid-key-certificate", "Khóa x không hợp lệ / x is not an Ed25519 public key");
    }
    if (!key.kid().equals(claims.getValue("kid"))) {
      throw new DomainError.Invalid("invalid-key-certificate", "kid không khớp khóa x / the kid does not match x");
    }
    return new KeyCertificate(key, Attestation.text(claims, "tc"), Attestation.number(claims, "nbf"), Attestation.number(claims, "exp"));
  }
}
