package vn.binhyen.core.tenant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registered {@link ReorgParticipant}s of this node (modules add theirs at start). */
public final class ReorgParticipants {

  private final List<ReorgParticipant> participants = new CopyOnWriteArrayList<>();

  public void add(ReorgParticipant p) {
    participants.add(p);
  }

  public List<ReorgParticipant> all() {
    return List.copyOf(participants);
  }
}
