package vn.binhyen.core.tips.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platforms' request signatures, checked in constant time over the raw bytes.
 * Facebook: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}.
 * Zalo OA: {@code X-ZEvent-Signature: mac=<hex SHA-256(app_id + raw body + timestamp + OA secret)>},
 * a plain hash over a concatenation whose order published descriptions disagree on: the order is
 * this class's {@code zaloOrder}, set once from {@code BINHYEN_ZALO_MAC_ORDER}.
 */
public final class Signatures {

  private final List<String> zaloOrder;

  public Signatures(String zaloOrder) {
    List<String> parts = List.of(zaloOrder.replace(" ", "").split(","));
    if (parts.size() != 4 || !parts.containsAll(List.of("app_id", "body", "timestamp", "secret"))) {
      throw new vn.binhyen.core.config.ConfigException("BINHYEN_ZALO_MAC_ORDER",
          "must list app_id, body, timestamp and secret once each, comma-separated");
    }
    this.zaloOrder = parts;
  }

  public static boolean facebookValid(byte[] rawBody, String header, String appSecret) {
    byte[] presented = hexAfter(header, "sha256=");
    if (presented == null || appSecret == null) {
      return false;
    }
    return MessageDigest.isEqual(presented, facebookMac(rawBody, appSecret));
  }

  public static byte[] facebookMac(byte[] rawBody, String appSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(rawBody);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean zaloValid(byte[] rawBody, String header, String appId, String timestamp, String oaSecret) {
    byte[] presented = hexAfter(header, "mac=");
    if (presented == null || appId == null || timestamp == null || oaSecret == null) {
      return false;
    }
    return MessageDigest.isEqual(presented, zaloMac(rawBody, appId, timestamp, oaSecret));
  }

  /** The one place the parts of Zalo's MAC are put in order. */
  public byte[] zaloMac(byte[] rawBody, String appId, String timestamp, String oaSecret) {
    List<byte[]> parts = new ArrayList<>();
    for (String part : zaloOrder) {
      parts.add(switch (part) {
        case "app_id" -> appId.getBytes(StandardCharsets.UTF_8);
        case "body" -> rawBody;
        case "timestamp" -> timestamp.getBytes(StandardCharsets.UTF_8);
        default -> oaSecret.getBytes(StandardCharsets.UTF_8);
      });
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      parts.forEach(sha::update);
      return sha.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hexAfter(String header, String prefix) {
    if (header == null || !header.startsWith(prefix) || header.length() != prefix.length() + 64) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(header.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
