package vn.binhyen.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256-GCM key that seals small secrets (tipster identities, private signing keys) for
 * storage. A sealed box is {@code version (1 byte, 0x01) || nonce (12 random bytes) || ciphertext
 * || tag (16 bytes)}; the {@code aad} is not stored but must be given again to open, so bind it to
 * where the box lives (table, row id, tenant) and a box copied elsewhere will not open.
 *
 * <p>Random 96-bit nonces are safe for up to about 2^32 seals under one key; derive a key per
 * purpose or tenant ({@link MasterKey#derive(String)}) to stay far below that.
 */
public final class AeadKey {

  /** The format byte at the start of every sealed box. */
  public static final byte VERSION = 0x01;
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  private static final byte[] NO_AAD = new byte[0];
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  AeadKey(byte[] raw) {
    if (raw == null || raw.length != KEY_BYTES) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes");
    }
    this.key = new SecretKeySpec(raw.clone(), "AES");
  }

  /** Encrypts and authenticates {@code plaintext}, binding it to {@code aad} (may be null). */
  public byte[] seal(byte[] plaintext, byte[] aad) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad == null ? NO_AAD : aad);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * The plaintext of a box made by {@link #seal}.
   *
   * @throws IntegrityException when the box was altered, cut short, sealed under another key or
   *     with another {@code aad}
   */
  public byte[] open(byte[] box, byte[] aad) {
    Objects.requireNonNull(box, "box");
    if (box.length < 1 + NONCE_BYTES + TAG_BYTES) {
      throw new IntegrityException("sealed data is too short (" + box.length + " bytes): it was cut or is not a sealed box");
    }
    if (box[0] != VERSION) {
      throw new IntegrityException("sealed data has unknown format version " + box[0] + "; expected " + VERSION);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, box, 1, NONCE_BYTES));
      cipher.updateAAD(aad == null ? NO_AAD : aad);
      return cipher.doFinal(box, 1 + NONCE_BYTES, box.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new IntegrityException("sealed data failed authentication: it was altered, or the key or context (aad) is wrong");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "AeadKey[hidden]";
  }
}
