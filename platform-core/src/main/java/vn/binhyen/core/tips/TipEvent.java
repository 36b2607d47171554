package vn.binhyen.core.tips;

import java.time.OffsetDateTime;

/** Something that happened to a tip: a transition, a reply, a citizen's message or a note. */
public record TipEvent(long id, long tipId, String kind, String action, String fromStatus,
    String toStatus, String actorName, String unitPath, String note, OffsetDateTime at) {

  /** What the citizen sees through the receipt code: replies, their own messages, status changes. */
  public boolean publicToCitizen() {
    return !"note".equals(kind);
  }
}
