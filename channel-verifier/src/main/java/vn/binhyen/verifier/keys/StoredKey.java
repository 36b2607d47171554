package vn.binhyen.verifier.keys;

import java.time.OffsetDateTime;
import vn.binhyen.verifier.signing.VerifyingKey;

/** A signing key as the registry knows it, without its private half. */
public record StoredKey(String kid, Purpose purpose, String tenantCode, VerifyingKey publicKey, String certificate,
    Status status, OffsetDateTime createdAt, OffsetDateTime retiredAt, OffsetDateTime revokedAt, String revokedReason) {

  /** What a key signs: attestations of the ministry and key certificates, a province's attestations, tree heads. */
  public enum Purpose {
    ROOT, ISSUING, LOG;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Active keys sign; retired ones only verify; revoked ones make what they signed fail. */
  public enum Status {
    ACTIVE, RETIRED, REVOKED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean revoked() {
    return status == Status.REVOKED;
  }
}
