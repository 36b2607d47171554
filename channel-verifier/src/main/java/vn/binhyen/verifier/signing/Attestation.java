package vn.binhyen.verifier.signing;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;

/**
 * The signed statement "this page or group is the official channel of this police unit, from
 * {@code issuedAt} until {@code expiresAt}". It travels as a compact JWS (typ {@value #TYP}) in a QR
 * code, so the claim names are short:
 *
 * <pre>
 * v    format version, 1          jti  random id, for revocation   cid  channel id in the registry
 * p    platform id (zalo_oa, ...) id   normalized channel id        n    display name of the channel
 * tc   owning tenant's code       tn   owning tenant's name          iat/exp  epoch seconds
 * </pre>
 *
 * With a realistic Vietnamese name a token is about 470 characters (measured in the tests).
 */
public record Attestation(int version, String jti, String channelId, Platform platform, String normalizedId,
    String displayName, String tenantCode, String tenantName, long issuedAt, long expiresAt) {

  /** The {@code typ} header of an attestation token. */
  public static final String TYP = "bya+jwt";
  public static final int VERSION = 1;
  private static final SecureRandom RANDOM = new SecureRandom();

  public Attestation {
    requireText(jti, "jti", 32);
    requireText(channelId, "cid", 64);
    Objects.requireNonNull(platform, "platform");
    requireText(normalizedId, "id", 2048);
    requireText(displayName, "n", 200);
    requireText(tenantCode, "tc", 32);
    requireText(tenantName, "tn", 200);
    if (version != VERSION) {
      throw invalid("phiên bản " + version + " không được hỗ trợ", "version " + version + " is not supported");
    }
    if (expiresAt <= issuedAt) {
      throw invalid("hết hạn trước khi cấp", "expires before it is issued");
    }
  }

  /** A new attestation of {@code channel} with a fresh random {@code jti} (8 bytes, 11 characters). */
  public static Attestation issue(String channelId, ChannelRef channel, String displayName, String tenantCode,
      String tenantName, long issuedAt, long expiresAt) {
    byte[] jti = new byte[8];
    RANDOM.nextBytes(jti);
    return new Attestation(VERSION, Base64.getUrlEncoder().withoutPadding().encodeToString(jti), channelId,
        channel.platform(), channel.normalizedId(), displayName, tenantCode, tenantName, issuedAt, expiresAt);
  }

  public ChannelRef channel() {
    return new ChannelRef(platform, normalizedId);
  }

  /** The claims, short names in a fixed order. */
  public JsonObject claims() {
    return new JsonObject()
        .put("v", version)
        .put("jti", jti)
        .put("cid", channelId)
        .put("p", platform.id())
        .put("id", normalizedId)
        .put("n", displayName)
        .put("tc", tenantCode)
        .put("tn", tenantName)
        .put("iat", issuedAt)
        .put("exp", expiresAt);
  }

  /** The compact JWS of these claims, signed by {@code key}. */
  public String sign(SigningKey key) {
    return CompactJws.sign(TYP, claims(), key);
  }

  /**
   * Reads the claims of a token payload.
   *
   * @throws DomainError.Invalid {@code invalid-attestation} when a claim is missing or of the wrong type
   */
  public static Attestation fromClaims(JsonObject claims) {
    Platform platform = Platform.byId(text(claims, "p"))
        .orElseThrow(() -> invalid("nền tảng không rõ", "unknown platform " + claims.getValue("p")));
    return new Attestation((int) number(claims, "v"), text(claims, "jti"), text(claims, "cid"), platform,
        text(claims, "id"), text(claims, "n"), text(claims, "tc"), text(claims, "tn"), number(claims, "iat"),
        number(claims, "exp"));
  }

  static String text(JsonObject claims, String name) {
    if (claims.getValue(name) instanceof String value) {
      return value;
    }
    throw invalid("thiếu " + name, "claim " + name + " is missing or not a string");
  }

  static long number(JsonObject claims, String name) {
    if (claims.getValue(name) instanceof Number value && (value instanceof Integer || value instanceof Long)) {
      return value.longValue();
    }
    throw invalid("thiếu " + name, "claim " + name + " is missing or not an integer");
  }

  private static void requireText(String value, String name, int maxLength) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      throw invalid("trường " + name + " trống hoặc quá dài", "claim " + name + " is empty or longer than " + maxLength);
    }
  }

  private static DomainError.Invalid invalid(String vi, String en) {
    return new DomainError.Invalid("invalid-attestation", "Chứng thực không hợp lệ: " + vi + " / Invalid attestation: " + en);
  }
}
