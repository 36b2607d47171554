package vn.binhyen.verifier.signing;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key with its public half. Store only {@link #rawPrivate()} sealed under a
 * derived master key; never log or print it. Safe to share between threads.
 */
public final class SigningKey {

  private final Ed25519PrivateKeyParameters privateKey;
  private final VerifyingKey verifyingKey;

  SigningKey(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.verifyingKey = new VerifyingKey(privateKey.generatePublicKey());
  }

  /** The 64-byte Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** The raw 32-byte private key (the RFC 8032 seed), for sealing into storage. */
  public byte[] rawPrivate() {
    return privateKey.getEncoded();
  }

  public VerifyingKey verifyingKey() {
    return verifyingKey;
  }

  public String kid() {
    return verifyingKey.kid();
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid() + "]";
  }
}
