package vn.binhyen.core.tips;

import vn.binhyen.core.error.DomainError;

/** An officer's workflow action on a tip, with its note and the action's own fields. */
public record Transition(String action, String note, String assignee, String reason, String toUnit) {

  public Transition {
    if (action == null || !java.util.Set.of("triage", "assign", "start", "resolve", "reject", "forward",
        "escalate").contains(action)) {
      throw new DomainError.Invalid("tip-action", "Thao tác không hợp lệ / unknown action: " + action);
    }
    if (action.equals("reject") && reason == null) {
      throw new DomainError.Invalid("tip-reject-reason",
          "Cần lý do từ chối (spam, duplicate, other) / a rejection needs a reason");
    }
    if (action.equals("forward") && (toUnit == null || toUnit.isBlank())) {
      throw new DomainError.Invalid("tip-forward-unit", "Cần đơn vị nhận / forwarding needs a unit");
    }
    note = note == null || note.isBlank() ? null : vn.binhyen.core.text.Fold.nfc(note);
  }
}
