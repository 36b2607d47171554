package vn.binhyen.verifier.keys;

import java.util.Arrays;
import java.util.Optional;
import vn.binhyen.verifier.registry.VerificationRegistry;
import vn.binhyen.verifier.signing.KeyDirectory;
import vn.binhyen.verifier.signing.VerifyingKey;

/**
 * The {@link KeyDirectory} of a running node: keys from the key ring's snapshot, attestation
 * revocations and the unit hierarchy from the verification registry. Both are in memory and kept
 * current through the clustered event bus, so checking a token never waits on the database.
 */
public final class DbKeyDirectory implements KeyDirectory {

  private final KeyRing keys;
  private final VerificationRegistry registry;

  public DbKeyDirectory(KeyRing keys, VerificationRegistry registry) {
    this.keys = keys;
    this.registry = registry;
  }

  @Override
  public Optional<VerifyingKey> publicKey(String kid) {
    return keys.key(kid).map(StoredKey::publicKey);
  }

  @Override
  public boolean isRoot(String kid) {
    return keys.key(kid).map(k -> k.purpose() == StoredKey.Purpose.ROOT).orElse(false);
  }

  @Override
  public Optional<String> certificate(String kid) {
    return keys.key(kid).map(StoredKey::certificate);
  }

  @Override
  public boolean isKeyRevoked(String kid) {
    return keys.key(kid).map(StoredKey::revoked).orElse(false);
  }

  @Override
  public boolean isAttestationRevoked(String jti) {
    return registry.isAttestationRevoked(jti);
  }

  @Override
  public boolean covers(String certifiedTenantCode, String tenantCode) {
    if (certifiedTenantCode.equals(tenantCode)) {
      return true;
    }
    return registry.pathOf(tenantCode)
        .map(path -> Arrays.asList(path.split("/")).contains(certifiedTenantCode))
        .orElse(false);
  }
}
