package vn.binhyen.core.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Placeholder master key (AES-256-GCM); replaced by the full implementation on the crypto branch. */
public final class MasterKey {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] key;

  private MasterKey(byte[] key) {
    this.key = key.clone();
  }

  public static MasterKey fromBase64(String b64) {
    return new MasterKey(Base64.getDecoder().decode(b64.trim()));
  }

  public static MasterKey loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return fromBase64(Files.readString(file));
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] k = new byte[32];
      RANDOM.nextBytes(k);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, Base64.getEncoder().encodeToString(k));
      return new MasterKey(k);
    } catch (IOException e) {
      throw new IllegalStateException("master key file " + file + ": " + e.getMessage(), e);
    }
  }

  public byte[] seal(byte[] plaintext, byte[] aad) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      byte[] ct = c.doFinal(plaintext);
      byte[] out = new byte[1 + 12 + ct.length];
      out[0] = 1;
      System.arraycopy(nonce, 0, out, 1, 12);
      System.arraycopy(ct, 0, out, 13, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] open(byte[] sealed, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 1, 12));
      c.updateAAD(aad);
      return c.doFinal(sealed, 13, sealed.length - 13);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open sealed data (wrong master key?)", e);
    }
  }
}
