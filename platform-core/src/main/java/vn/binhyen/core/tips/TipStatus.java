package vn.binhyen.core.tips;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The states of a tip and which workflow actions lead where. */
public enum TipStatus {
  RECEIVED, TRIAGED, ASSIGNED, IN_PROGRESS, RESOLVED, REJECTED;

  /** The allowed moves: action → target state, per current state. Forward/escalate restart at RECEIVED. */
  private static final Map<TipStatus, Set<String>> ALLOWED = Map.of(
      RECEIVED, Set.of("triage", "reject", "forward", "escalate"),
      TRIAGED, Set.of("assign", "reject", "forward", "escalate"),
      ASSIGNED, Set.of("start", "reject", "forward", "escalate"),
      IN_PROGRESS, Set.of("resolve", "reject", "forward", "escalate"),
      RESOLVED, Set.of(),
      REJECTED, Set.of());

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TipStatus parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  public boolean terminal() {
    return this == RESOLVED || this == REJECTED;
  }

  public boolean allows(String action) {
    return ALLOWED.get(this).contains(action);
  }

  /** Where an action leads (forward and escalate hand the tip to a new unit, which starts over). */
  public static TipStatus target(String action) {
    return switch (action) {
      case "triage" -> TRIAGED;
      case "assign" -> ASSIGNED;
      case "start" -> IN_PROGRESS;
      case "resolve" -> RESOLVED;
      case "reject" -> REJECTED;
      case "forward", "escalate" -> RECEIVED;
      default -> throw new IllegalArgumentException(action);
    };
  }
}
