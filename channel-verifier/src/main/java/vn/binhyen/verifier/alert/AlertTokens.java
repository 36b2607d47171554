package vn.binhyen.verifier.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import vn.binhyen.verifier.signing.CompactJws;
import vn.binhyen.verifier.signing.SigningKey;

/**
 * The signed forms of an alert and of its cancellation: compact JWS (EdDSA) with typ
 * {@value #TYP}, so neither can pass for an attestation (typ {@code bya+jwt}) or the other way
 * round. The alert's body is bound by its SHA-256 ({@code bh}) rather than carried, to keep the
 * token short enough for a QR code; its images likewise by their SHA-256 ({@code img}).
 */
public final class AlertTokens {

  public static final String TYP = "bya-alert+jwt";
  public static final String KIND_ALERT = "alert";
  public static final String KIND_CANCEL = "alert.cancel";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private AlertTokens() {
  }

  /** A fresh random id (8 bytes, 11 base64url characters): the alert's id and its token's jti. */
  public static String newId() {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return B64.encodeToString(id);
  }

  /** The claims of an alert, in a fixed member order (the same alert always gives the same bytes). */
  static JsonObject alertClaims(String id, String issuerCode, String issuerName, long iat, long exp, AlertInput in,
      java.util.List<String> scopeCodes, java.util.List<AlertImage> images) {
    JsonObject claims = new JsonObject()
        .put("v", 1)
        .put("kind", KIND_ALERT)
        .put("iss", issuerCode)
        .put("in", issuerName)
        .put("jti", id)
        .put("iat", iat)
        .put("exp", exp)
        .put("title", in.title())
        .put("bh", bodyHash(in.body()))
        .put("severity", in.severity().id())
        .put("scope", new JsonArray(scopeCodes))
        .put("subtree", in.subtree());
    if (in.category() != null) {
      claims.put("cat", in.category());
    }
    if (in.replaces() != null) {
      claims.put("replaces", in.replaces());
    }
    if (!images.isEmpty()) {
      claims.put("img", new JsonArray(images.stream().map(AlertImage::sha256Base64Url).toList()));
    }
    return claims;
  }

  /** The claims of a cancellation of alert {@code ref}; {@code replacedBy} when an update cancelled it. */
  static JsonObject cancelClaims(String issuerCode, String ref, long iat, String reason, String replacedBy) {
    JsonObject claims = new JsonObject()
        .put("v", 1)
        .put("kind", KIND_CANCEL)
        .put("iss", issuerCode)
        .put("jti", newId())
        .put("ref", ref)
        .put("iat", iat);
    if (reason != null) {
      claims.put("reason", reason);
    }
    if (replacedBy != null) {
      claims.put("replacedBy", replacedBy);
    }
    return claims;
  }

  static String sign(JsonObject claims, SigningKey key) {
    return CompactJws.sign(TYP, claims, key);
  }

  /** base64url of SHA-256 of the body's UTF-8 bytes. */
  public static String bodyHash(String body) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
