package vn.binhyen.core.tips;

import java.time.OffsetDateTime;

/** One tip as stored, identity still sealed. */
public record Tip(long id, String receipt, long tenantId, String tenantPath, String keyTenant,
    String category, TipStatus status, String source, String body, String place, String occurred,
    byte[] contactSealed, byte[] accountSealed, String assignee, String rejectReason,
    OffsetDateTime receivedAt, OffsetDateTime slaDueAt, OffsetDateTime firstResponseAt,
    boolean slaBreached) {

  public String unitCode() {
    return tenantPath.substring(tenantPath.lastIndexOf('/') + 1);
  }

  public boolean hasIdentity() {
    return contactSealed != null || accountSealed != null;
  }
}
