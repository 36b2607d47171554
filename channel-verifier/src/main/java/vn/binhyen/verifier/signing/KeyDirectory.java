package vn.binhyen.verifier.signing;

import java.util.Optional;

/**
 * What {@link AttestationVerifier} needs to know about keys and revocations. The persistence layer
 * implements it (backed by a cache, since verification is the hottest public path); offline
 * clients implement it from the published JWKS and the pinned root. Calls must not block on I/O.
 *
 * <p>Rotation: a retired key stays here, not revoked, so what it signed still verifies. Revoking
 * a key makes everything it signed fail.
 */
public interface KeyDirectory {

  /** The public key with this kid, revoked or not, if known. */
  Optional<VerifyingKey> publicKey(String kid);

  /** Whether this kid is a trusted root (the ministry's key). */
  boolean isRoot(String kid);

  /** The {@link KeyCertificate} token that a root issued for this issuing key, if any. */
  Optional<String> certificate(String kid);

  boolean isKeyRevoked(String kid);

  /** Whether the attestation with this {@code jti} was revoked. */
  boolean isAttestationRevoked(String jti);

  /**
   * Whether a key certified for {@code certifiedTenantCode} may attest channels of
   * {@code tenantCode}: true for the tenant itself and every unit below it in the hierarchy.
   */
  boolean covers(String certifiedTenantCode, String tenantCode);
}
