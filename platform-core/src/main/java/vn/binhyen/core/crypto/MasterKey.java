package vn.binhyen.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import vn.binhyen.core.error.DomainError;

/**
 * The node's 256-bit root secret. Nothing is encrypted with it directly in practice: each use
 * derives its own key ({@link #derive(String)}, HKDF-SHA256 with the purpose as {@code info}), so a
 * leak of one derived key exposes one purpose only. It comes from configuration
 * ({@link #fromBase64}) or from a file created on first start ({@link #loadOrCreate}).
 */
public final class MasterKey {

  /** HKDF salt: fixed, so the same master key always derives the same sub-keys. */
  private static final byte[] HKDF_SALT = "binhyen/master-key/v1".getBytes(StandardCharsets.US_ASCII);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final byte[] raw;
  private final AeadKey aead;

  private MasterKey(byte[] raw) {
    if (raw.length != AeadKey.KEY_BYTES) {
      throw new DomainError.Invalid("invalid-master-key", "Khóa chủ phải dài 32 byte, nhận được " + raw.length
          + " / the master key must be 32 bytes, got " + raw.length + " (generate one with: openssl rand -base64 32)");
    }
    this.raw = raw.clone();
    this.aead = new AeadKey(raw);
  }

  /**
   * The key configured as standard base64 of 32 bytes (e.g. from {@code openssl rand -base64 32}).
   *
   * @throws DomainError.Invalid {@code invalid-master-key} when it is not base64 of 32 bytes
   */
  public static MasterKey fromBase64(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new DomainError.Invalid("invalid-master-key", "Chưa cấu hình khóa chủ / no master key configured");
    }
    try {
      return new MasterKey(Base64.getDecoder().decode(base64.strip()));
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("invalid-master-key", "Khóa chủ không phải base64 / the master key is not base64");
    }
  }

  /**
   * Reads the key from {@code file}, or on first start generates one and writes it there readable by
   * the owner only. The file is created with mode 600 from the start (never briefly wider), written
   * and synced under a temporary name, then hard-linked into place, so a crash never leaves a
   * half-written key and two nodes starting together end up with the same key.
   *
   * @throws IllegalStateException when the existing file is readable by group or others, or is not
   *     a key, or the file system has no POSIX permissions (configure the key instead)
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static MasterKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return load(file);
      }
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      byte[] key = new byte[AeadKey.KEY_BYTES];
      new SecureRandom().nextBytes(key);
      Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
      try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
        channel.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      } catch (UnsupportedOperationException e) {
        throw new IllegalStateException("The file system of " + file + " has no POSIX permissions, so the master key"
            + " cannot be protected there: configure the key (base64) instead", e);
      }
      try {
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException raced) {
        // Another node created it first: use theirs.
      } finally {
        Files.deleteIfExists(temp);
      }
      return load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static MasterKey load(Path file) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new IllegalStateException("The master key file " + file + " is readable by others ("
          + PosixFilePermissions.toString(permissions) + "): run chmod 600 on it, and treat the key as leaked if others had access");
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try {
      return fromBase64(text);
    } catch (DomainError.Invalid e) {
      throw new IllegalStateException("The master key file " + file + " does not hold a key: " + e.getMessage());
    }
  }

  /** A sub-key for one purpose, e.g. {@code "signing-keys"} or {@code "tenant:01"}; the same purpose gives the same key. */
  public AeadKey derive(String purpose) {
    return new AeadKey(deriveBytes(purpose));
  }

  /**
   * The raw 32 bytes of the sub-key for {@code purpose} (HKDF-SHA256), for keyed hashes (HMAC);
   * the same purpose gives the same bytes as {@link #derive}.
   */
  public byte[] deriveBytes(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException("a key purpose is required");
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(raw, HKDF_SALT, purpose.getBytes(StandardCharsets.UTF_8)));
    byte[] subKey = new byte[AeadKey.KEY_BYTES];
    hkdf.generateBytes(subKey, 0, subKey.length);
    return subKey;
  }

  /** Seals with the master key itself; prefer a {@link #derive derived} key. Format as in {@link AeadKey}. */
  public byte[] seal(byte[] plaintext, byte[] aad) {
    return aead.seal(plaintext, aad);
  }

  /**
   * Opens a box sealed with {@link #seal}.
   *
   * @throws IntegrityException when the box was altered or the key or aad is wrong
   */
  public byte[] open(byte[] box, byte[] aad) {
    return aead.open(box, aad);
  }

  @Override
  public String toString() {
    return "MasterKey[hidden]";
  }
}
