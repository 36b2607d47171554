package vn.binhyen.verifier.translog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.SigningKey;
import vn.binhyen.verifier.signing.VerifyingKey;

/**
 * A signed tree head of the transparency log in the C2SP formats, so standard witnesses and
 * monitors can read it: the body is a tlog-checkpoint ({@code <origin>\n<size>\n<base64 root>\n},
 * https://c2sp.org/tlog-checkpoint) and it is signed as a signed note (https://c2sp.org/signed-note)
 * with Ed25519: a blank line, then {@code — <key name> <base64(4-byte key hash || signature)>\n}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

  private static final String DASH = "\u2014 ";
  private static final byte ED25519 = 0x01;
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw invalid("origin trống hoặc nhiều dòng", "the origin must be one non-empty line");
    }
    if (size < 0) {
      throw invalid("cỡ âm", "the size is negative");
    }
    if (rootHash == null || rootHash.length != MerkleTree.HASH_BYTES) {
      throw invalid("hash gốc không phải 32 byte", "the root hash is not 32 bytes");
    }
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The checkpoint text that is signed: three lines, each ending in a newline. */
  public String body() {
    return origin + "\n" + size + "\n" + B64.encodeToString(rootHash) + "\n";
  }

  /** The signed note: the body, a blank line and one signature line by {@code key} under {@code keyName}. */
  public String sign(String keyName, SigningKey key) {
    return signNote(body(), keyName, key);
  }

  /** Any text (ending in a newline) as a signed note with one Ed25519 signature line. */
  static String signNote(String text, String keyName, SigningKey key) {
    requireKeyName(keyName);
    byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
    byte[] keyHashAndSignature = ByteBuffer.allocate(4 + signature.length)
        .put(keyHash(keyName, key.verifyingKey())).put(signature).array();
    return text + "\n" + DASH + keyName + " " + B64.encodeToString(keyHashAndSignature) + "\n";
  }

  /** The verifier key string {@code <name>+<8 hex key hash>+<base64(0x01 || public key)>} that monitors configure. */
  public static String verifierKey(String keyName, VerifyingKey key) {
    requireKeyName(keyName);
    byte[] typed = ByteBuffer.allocate(1 + Ed25519Keys.KEY_BYTES).put(ED25519).put(key.raw()).array();
    return keyName + "+" + HexFormat.of().formatHex(keyHash(keyName, key)) + "+" + B64.encodeToString(typed);
  }

  /**
   * Reads the checkpoint of a signed note without checking any signature.
   *
   * @throws DomainError.Invalid {@code invalid-checkpoint} when the note or its body is malformed
   */
  public static Checkpoint parse(String note) {
    return parseBody(split(note)[0]);
  }

  /**
   * The checkpoint of {@code note}, if it carries a valid signature by the key of {@code verifierKey};
   * signatures by other keys are ignored, as the signed-note spec requires.
   *
   * @throws DomainError.Invalid {@code invalid-checkpoint} when the note is malformed or not signed by that key
   */
  public static Checkpoint verify(String note, String verifierKey) {
    return parseBody(openNote(note, verifierKey));
  }

  /** The text of a signed note, if it carries a valid signature by the key of {@code verifierKey}. */
  static String openNote(String note, String verifierKey) {
    String[] parts = verifierKey == null ? new String[0] : verifierKey.split("\\+", 3);
    if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
      throw invalid("khóa kiểm tra sai dạng", "the verifier key is not <name>+<hex hash>+<base64 key>");
    }
    String name = parts[0];
    VerifyingKey key;
    try {
      byte[] typed = B64_DECODE.decode(parts[2]);
      if (typed.length != 1 + Ed25519Keys.KEY_BYTES || typed[0] != ED25519) {
        throw invalid("khóa kiểm tra không phải Ed25519", "the verifier key is not an Ed25519 key");
      }
      key = Ed25519Keys.verifyingKey(Arrays.copyOfRange(typed, 1, typed.length));
    } catch (IllegalArgumentException e) {
      throw invalid("khóa kiểm tra sai base64", "the verifier key is not valid base64");
    }
    byte[] expectedHash = keyHash(name, key);
    if (!HexFormat.of().formatHex(expectedHash).equals(parts[1])) {
      throw invalid("hash khóa không khớp", "the verifier key's hash does not match its name and key");
    }
    String[] split = split(note);
    byte[] message = split[0].getBytes(StandardCharsets.UTF_8);
    for (String line : split[1].split("\n")) {
      if (!line.startsWith(DASH)) {
        throw invalid("dòng chữ ký sai dạng", "a signature line does not start with an em dash");
      }
      String[] fields = line.substring(DASH.length()).split(" ", -1);
      if (fields.length != 2) {
        throw invalid("dòng chữ ký sai dạng", "a signature line is not '— <name> <signature>'");
      }
      byte[] decoded;
      try {
        decoded = B64_DECODE.decode(fields[1]);
      } catch (IllegalArgumentException e) {
        throw invalid("chữ ký sai base64", "a signature is not valid base64");
      }
      if (fields[0].equals(name) && decoded.length == 4 + VerifyingKey.SIGNATURE_BYTES
          && Arrays.equals(Arrays.copyOf(decoded, 4), expectedHash)
          && key.verify(message, Arrays.copyOfRange(decoded, 4, decoded.length))) {
        return split[0];
      }
    }
    throw invalid("không có chữ ký hợp lệ của " + name, "no valid signature by " + name);
  }

  /** First 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
  static byte[] keyHash(String keyName, VerifyingKey key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(keyName.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0x0A);
      sha.update(ED25519);
      return Arrays.copyOf(sha.digest(key.raw()), 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** [body including its final newline, signature lines without the final newline]. */
  private static String[] split(String note) {
    if (note == null || !note.endsWith("\n")) {
      throw invalid("ghi chú không kết thúc bằng xuống dòng", "the note does not end with a newline");
    }
    int blank = note.lastIndexOf("\n\n");
    if (blank < 0 || blank + 2 >= note.length()) {
      throw invalid("không có chữ ký", "the note has no signature lines");
    }
    return new String[] {note.substring(0, blank + 1), note.substring(blank + 2, note.length() - 1)};
  }

  private static Checkpoint parseBody(String body) {
    String[] lines = body.split("\n", -1);
    if (lines.length < 4) {
      throw invalid("thân checkpoint thiếu dòng", "the checkpoint body needs origin, size and root hash lines");
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw invalid("cỡ cây sai dạng", "the tree size is not a decimal number without leading zeros");
    }
    byte[] rootHash;
    try {
      rootHash = B64_DECODE.decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw invalid("hash gốc sai base64", "the root hash is not valid base64");
    }
    return new Checkpoint(lines[0], Long.parseLong(lines[1]), rootHash);
  }

  private static void requireKeyName(String keyName) {
    if (keyName == null || keyName.isEmpty() || keyName.contains("+") || keyName.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a key name is non-empty with no spaces or '+': " + keyName);
    }
  }

  private static DomainError.Invalid invalid(String vi, String en) {
    return new DomainError.Invalid("invalid-checkpoint", "Checkpoint không hợp lệ: " + vi + " / Invalid checkpoint: " + en);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size && Arrays.equals(rootHash, that.rootHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash));
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", " + size + ", " + B64.encodeToString(rootHash) + "]";
  }
}
