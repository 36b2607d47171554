package vn.binhyen.verifier.alert;

import java.util.HexFormat;

/** An image of an alert: its id (the SHA-256 of the stored, metadata-free file), CAP's SHA-1, type and size. */
public record AlertImage(String sha256, String sha1, String mediaType, long size) {

  /** The SHA-256 as base64url, the form the token's {@code img} claim carries. */
  public String sha256Base64Url() {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(sha256));
  }
}
