package vn.binhyen.verifier.signing;

import java.util.List;
import java.util.Optional;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.signing.VerificationResult.Outcome;

/**
 * Decides whether an attestation token is genuine and current: EdDSA signature by a known key,
 * that key certified by a root for the channel's tenant (or a root itself), nothing revoked, and
 * the validity window open. Pure and thread-safe: no I/O beyond what the {@link KeyDirectory} does.
 */
public final class AttestationVerifier {

  /** Clocks of phones and servers disagree; an attestation issued this far in the future still counts. */
  public static final long CLOCK_SKEW_SECONDS = 300;

  private static final int MAX_CHECKED_CERTIFICATES = 4096;
  private static final java.util.Map<String, VerifyingKey> CHECKED_CERTIFICATES = new java.util.concurrent.ConcurrentHashMap<>();

  private AttestationVerifier() {
  }

  /**
   * Checks in this order: format, key known, signature, key revoked, certificate chain, attestation
   * revoked, validity window; the first failure is the outcome. An issuing key's certificate must
   * cover the moment it signed ({@code iat}), not today, so tokens signed by a rotated-out key stay
   * valid until they expire.
   */
  public static VerificationResult verify(String token, KeyDirectory keys, long nowEpochSeconds) {
    CompactJws.Parsed jws;
    Attestation attestation;
    try {
      jws = CompactJws.parse(token);
      if (!Attestation.TYP.equals(jws.typ())) {
        return result(Outcome.MALFORMED, null, List.of(), "typ is " + jws.typ() + ", not " + Attestation.TYP);
      }
      attestation = Attestation.fromClaims(jws.payload());
    } catch (DomainError.Invalid e) {
      return result(Outcome.MALFORMED, null, List.of(), e.getMessage());
    }
    Signer signer = checkSigner(jws, attestation.tenantCode(), attestation.issuedAt(), keys);
    if (signer.outcome() != Outcome.VALID) {
      return result(signer.outcome(), attestation, signer.chain(), signer.detail());
    }
    VerificationResult chain = result(Outcome.VALID, attestation, signer.chain(), signer.detail());
    if (keys.isAttestationRevoked(attestation.jti())) {
      return result(Outcome.ATTESTATION_REVOKED, attestation, chain.chain(), "attestation " + attestation.jti() + " is revoked");
    }
    if (nowEpochSeconds + CLOCK_SKEW_SECONDS < attestation.issuedAt()) {
      return result(Outcome.NOT_YET_VALID, attestation, chain.chain(), "issued at " + attestation.issuedAt() + ", in the future");
    }
    if (nowEpochSeconds >= attestation.expiresAt()) {
      return result(Outcome.EXPIRED, attestation, chain.chain(), "expired at " + attestation.expiresAt());
    }
    return result(Outcome.VALID, attestation, chain.chain(), "valid");
  }

  /**
   * What the signature and the key chain of any token of ours say (attestations, alerts): the key
   * known, the signature over the transmitted header and payload, the key not revoked, and for an
   * issuing key the root's certificate covering the moment it signed ({@code issuedAt}) and the
   * unit {@code tenantCode}. {@code chain} lists the kids checked, issuing key first.
   */
  public record Signer(Outcome outcome, List<String> chain, String detail) {
    public Signer {
      chain = List.copyOf(chain);
    }
  }

  /** The signer part of {@link #verify}, for every kind of token signed with the key ring. */
  public static Signer checkSigner(CompactJws.Parsed jws, String tenantCode, long issuedAt, KeyDirectory keys) {
    String kid = jws.kid();
    Optional<VerifyingKey> key = keys.publicKey(kid);
    if (key.isEmpty()) {
      return new Signer(Outcome.UNKNOWN_KEY, List.of(kid), "no key " + kid + " in the directory");
    }
    if (!jws.verifiedBy(key.get())) {
      return new Signer(Outcome.BAD_SIGNATURE, List.of(kid), "the signature does not match key " + kid);
    }
    if (keys.isKeyRevoked(kid)) {
      return new Signer(Outcome.KEY_REVOKED, List.of(kid), "key " + kid + " is revoked");
    }
    if (keys.isRoot(kid)) {
      return new Signer(Outcome.VALID, List.of(kid), "signed by a root");
    }
    VerificationResult certified = checkCertificate(key.get(), tenantCode, issuedAt, keys);
    return new Signer(certified.outcome(), certified.chain(), certified.detail());
  }

  private static VerificationResult checkCertificate(VerifyingKey key, String tenantCode, long issuedAt,
      KeyDirectory keys) {
    Attestation attestation = null;
    String kid = key.kid();
    Optional<String> token = keys.certificate(kid);
    if (token.isEmpty()) {
      return result(Outcome.CERTIFICATE_INVALID, attestation, List.of(kid), "key " + kid + " is neither a root nor certified");
    }
    CompactJws.Parsed jws;
    KeyCertificate certificate;
    try {
      jws = CompactJws.parse(token.get());
      certificate = KeyCertificate.fromClaims(jws.payload());
    } catch (DomainError.Invalid e) {
      return result(Outcome.CERTIFICATE_INVALID, attestation, List.of(kid), "certificate of " + kid + ": " + e.getMessage());
    }
    String rootKid = jws.kid();
    List<String> chain = List.of(kid, rootKid);
    Optional<VerifyingKey> root = keys.publicKey(rootKid);
    if (!KeyCertificate.TYP.equals(jws.typ()) || !keys.isRoot(rootKid) || root.isEmpty()
        || !signatureChecked(token.get(), jws, root.get())) {
      return result(Outcome.CERTIFICATE_INVALID, attestation, chain, "certificate of " + kid + " is not signed by a root");
    }
    if (keys.isKeyRevoked(rootKid)) {
      return result(Outcome.KEY_REVOKED, attestation, chain, "root key " + rootKid + " is revoked");
    }
    if (!certificate.publicKey().equals(key)) {
      return result(Outcome.CERTIFICATE_INVALID, attestation, chain, "certificate is for key " + certificate.kid() + ", not " + kid);
    }
    if (!certificate.covers(issuedAt)) {
      return result(Outcome.CERTIFICATE_INVALID, attestation, chain, "key " + kid + " was not certified at " + issuedAt);
    }
    if (!keys.covers(certificate.tenantCode(), tenantCode)) {
      return result(Outcome.CERTIFICATE_INVALID, attestation, chain,
          "key " + kid + " is certified for tenant " + certificate.tenantCode() + ", not for " + tenantCode);
    }
    return result(Outcome.VALID, attestation, chain, "certified");
  }

  /**
   * Whether {@code root} signed the certificate {@code token}. A certificate is checked once per root
   * key and remembered: the answer is a pure function of the token's bytes and the key's bytes, so
   * the hot path pays for one signature (the attestation's), not two. Revocations are not cached.
   */
  private static boolean signatureChecked(String token, CompactJws.Parsed jws, VerifyingKey root) {
    VerifyingKey signer = CHECKED_CERTIFICATES.get(token);
    if (signer != null && signer.equals(root)) {
      return true;
    }
    if (!jws.verifiedBy(root)) {
      return false;
    }
    if (CHECKED_CERTIFICATES.size() > MAX_CHECKED_CERTIFICATES) {
      CHECKED_CERTIFICATES.clear();
    }
    CHECKED_CERTIFICATES.put(token, root);
    return true;
  }

  private static VerificationResult result(Outcome outcome, Attestation attestation, List<String> chain, String detail) {
    return new VerificationResult(outcome, attestation, chain, detail);
  }
}
