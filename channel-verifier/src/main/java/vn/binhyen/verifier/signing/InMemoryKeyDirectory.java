package vn.binhyen.verifier.signing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link KeyDirectory} held in memory: for tests, and for an offline verifier loaded from a
 * published JWKS. The tenant hierarchy is given as child → parent codes.
 */
public final class InMemoryKeyDirectory implements KeyDirectory {

  private final Map<String, VerifyingKey> keys = new ConcurrentHashMap<>();
  private final Set<String> roots = ConcurrentHashMap.newKeySet();
  private final Map<String, String> certificates = new ConcurrentHashMap<>();
  private final Set<String> revokedKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> revokedAttestations = ConcurrentHashMap.newKeySet();
  private final Map<String, String> parents = new ConcurrentHashMap<>();

  public InMemoryKeyDirectory addRoot(VerifyingKey key) {
    keys.put(key.kid(), key);
    roots.add(key.kid());
    return this;
  }

  public InMemoryKeyDirectory addIssuer(VerifyingKey key, String certificateToken) {
    keys.put(key.kid(), key);
    certificates.put(key.kid(), certificateToken);
    return this;
  }

  /** Records that {@code childCode} sits directly below {@code parentCode}. */
  public InMemoryKeyDirectory addTenant(String childCode, String parentCode) {
    parents.put(childCode, parentCode);
    return this;
  }

  public InMemoryKeyDirectory revokeKey(String kid) {
    revokedKeys.add(kid);
    return this;
  }

  public InMemoryKeyDirectory revokeAttestation(String jti) {
    revokedAttestations.add(jti);
    return this;
  }

  @Override
  public Optional<VerifyingKey> publicKey(String kid) {
    return Optional.ofNullable(keys.get(kid));
  }

  @Override
  public boolean isRoot(String kid) {
    return roots.contains(kid);
  }

  @Override
  public Optional<String> certificate(String kid) {
    return Optional.ofNullable(certificates.get(kid));
  }

  @Override
  public boolean isKeyRevoked(String kid) {
    return revokedKeys.contains(kid);
  }

  @Override
  public boolean isAttestationRevoked(String jti) {
    return revokedAttestations.contains(jti);
  }

  @Override
  public boolean covers(String certifiedTenantCode, String tenantCode) {
    int hops = 0;
    for (String code = tenantCode; code != null && hops < 64; code = parents.get(code), hops++) {
      if (code.equals(certifiedTenantCode)) {
        return true;
      }
    }
    return false;
  }
}
