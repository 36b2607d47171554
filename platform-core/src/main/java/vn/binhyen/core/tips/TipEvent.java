package vn.binhyen.core.tips;

import java.time.OffsetDateTime;

/** Something that happened to a tip: a transition, a reply, a citizen's message, a note or an identity reveal. */
public record TipEvent(long id, long tipId, String kind, String action, String fromStatus,
    String toStatus, String actorName, String unitPath, String note, OffsetDateTime at, Delivery delivery) {

  /**
   * How a reply to a Zalo or Messenger tip went: {@code queued}, {@code sent} (with the platform's
   * message id), {@code held} (reason {@code outside-window}) or {@code failed} (reason
   * {@code invalid-token}, {@code no-access-token} or {@code refused}); the platform's own error text.
   */
  public record Delivery(String status, String platformMessageId, String reason, String platformError) {}

  /** An officer revealed the tipster's identity; the note is the reason given. */
  public static final String IDENTITY = "identity";

  /**
   * What the citizen sees through the receipt code: replies, their own messages, status changes;
   * never internal notes or identity reveals.
   */
  public boolean publicToCitizen() {
    return !"note".equals(kind) && !IDENTITY.equals(kind);
  }
}
