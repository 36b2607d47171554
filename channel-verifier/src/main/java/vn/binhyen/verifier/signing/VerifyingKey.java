package vn.binhyen.verifier.signing;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key and its {@link Ed25519Keys#kid kid}: what the JWKS publishes and verifiers hold. */
public final class VerifyingKey {

  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_BYTES = 64;

  private final Ed25519PublicKeyParameters publicKey;
  private final byte[] raw;
  private final String kid;

  VerifyingKey(Ed25519PublicKeyParameters publicKey) {
    this.publicKey = publicKey;
    this.raw = publicKey.getEncoded();
    this.kid = Ed25519Keys.kid(raw);
  }

  /** Whether {@code signature} is this key's signature of {@code message}; false for any malformed signature. */
  public boolean verify(byte[] message, byte[] signature) {
    if (signature == null || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  /** The raw 32-byte public key (the JWK {@code x} before base64url). */
  public byte[] raw() {
    return raw.clone();
  }

  public String kid() {
    return kid;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifyingKey that && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "VerifyingKey[kid=" + kid + "]";
  }
}
