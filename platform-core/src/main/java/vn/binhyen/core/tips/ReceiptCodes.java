package vn.binhyen.core.tips;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt codes and secrets. A receipt is 10 symbols of Crockford base32 (no I, L, O, U), shown
 * as {@code XXXXX-XXXXX}: 50 bits, easy to read out on the phone; it names the tip but proves
 * nothing. The secret is 128 random bits (22 base64url characters) and is stored only as its
 * SHA-256 (a high-entropy secret needs no slow hash).
 */
public final class ReceiptCodes {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  public static final int RECEIPT_SYMBOLS = 10;
  public static final int RECEIPT_BITS = RECEIPT_SYMBOLS * 5;
  public static final int SECRET_BITS = 128;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ReceiptCodes() {}

  public static String newReceipt() {
    // One draw of 64 random bits, 5 per symbol (uniform: 32 symbols), instead of one draw per
    // symbol: each draw takes the platform generator's lock (a hot spot at full intake).
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    long bits = 0;
    for (byte x : random) {
      bits = (bits << 8) | (x & 0xff);
    }
    StringBuilder b = new StringBuilder(RECEIPT_SYMBOLS + 1);
    for (int i = 0; i < RECEIPT_SYMBOLS; i++) {
      if (i == RECEIPT_SYMBOLS / 2) {
        b.append('-');
      }
      b.append(ALPHABET.charAt((int) (bits & 31)));
      bits >>>= 5;
    }
    return b.toString();
  }

  /** The canonical form of what a citizen typed (case, dashes, spaces, I/L→1, O→0), or empty. */
  public static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      char m = switch (c) {
        case 'I', 'L' -> '1';
        case 'O' -> '0';
        default -> c;
      };
      if (m == '-' || m == ' ') {
        continue;
      }
      if (ALPHABET.indexOf(m) < 0) {
        return Optional.empty();
      }
      b.append(m);
    }
    if (b.length() != RECEIPT_SYMBOLS) {
      return Optional.empty();
    }
    return Optional.of(b.substring(0, 5) + "-" + b.substring(5));
  }

  public static String newSecret() {
    byte[] bytes = new byte[SECRET_BITS / 8];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hashSecret(String secret) {
    return sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time comparison of a presented secret with the stored hash. */
  public static boolean matches(String presented, byte[] storedHash) {
    return presented != null && storedHash != null
        && MessageDigest.isEqual(hashSecret(presented), storedHash);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
