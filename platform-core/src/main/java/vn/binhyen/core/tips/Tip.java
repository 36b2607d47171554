package vn.binhyen.core.tips;

import java.time.OffsetDateTime;

/** One tip as stored, identity still sealed. */
public record Tip(long id, String receipt, long tenantId, String tenantPath, String keyTenant,
    String category, TipStatus status, String source, String body, String place, String occurred,
    byte[] contactSealed, byte[] accountSealed, String assignee, String rejectReason,
    OffsetDateTime receivedAt, OffsetDateTime slaDueAt, OffsetDateTime firstResponseAt,
    boolean slaBreached, byte[] senderKey) {

  public String unitCode() {
    return tenantPath.substring(tenantPath.lastIndexOf('/') + 1);
  }

  /**
   * What officers call the sender of a Zalo or Messenger tip: six letters and digits from the
   * keyed hash that links their messages (never from their platform id); null for other tips.
   */
  public String pseudonym() {
    return pseudonymOf(senderKey);
  }

  /** The pseudonym of the sender with this keyed hash; null without one. */
  public static String pseudonymOf(byte[] senderKey) {
    if (senderKey == null || senderKey.length < 4) {
      return null;
    }
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    long bits = ((senderKey[0] & 0xffL) << 24) | ((senderKey[1] & 0xffL) << 16) | ((senderKey[2] & 0xffL) << 8)
        | (senderKey[3] & 0xffL);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append(alphabet.charAt((int) (bits % alphabet.length())));
      bits /= alphabet.length();
    }
    return b.toString();
  }

  /** A tip from a Zalo OA or Messenger conversation whose sender can be answered there. */
  public boolean answersThroughPlatform() {
    return ("zalo".equals(source) || "facebook".equals(source)) && accountSealed != null;
  }

  public boolean hasIdentity() {
    return contactSealed != null || accountSealed != null;
  }
}
