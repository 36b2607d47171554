package vn.binhyen.verifier.alert;

import java.time.Instant;
import java.util.List;

/**
 * An alert as stored: issued by one unit for the units in scope (each with its subtree), signed
 * ({@code token}) and logged ({@code logIndex}); a cancellation adds its own signed token and leaf.
 * {@code images}: its images in order (bound by the token's {@code img} claim).
 */
public record Alert(String id, long tenantId, String tenantPath, String tenantCode, String tenantName, String title,
    String body, String titleEn, String bodyEn, Severity severity, String category, boolean subtree,
    List<String> scopeCodes, List<String> scopePaths, List<String> scopeNames, String replaces, String kid,
    String token, long logIndex, Instant issuedAt, Instant expiresAt, String issuedBy, Instant cancelledAt,
    String cancelReason, String replacedBy, String cancelToken, Long cancelLogIndex, List<AlertImage> images) {

  /** What an alert is now. */
  public enum State { ACTIVE, CANCELLED, UPDATED, EXPIRED }

  public Alert {
    scopeCodes = List.copyOf(scopeCodes);
    scopePaths = List.copyOf(scopePaths);
    scopeNames = List.copyOf(scopeNames);
    images = images == null ? List.of() : List.copyOf(images);
  }

  public State state(Instant now) {
    if (cancelledAt != null) {
      return replacedBy != null ? State.UPDATED : State.CANCELLED;
    }
    return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
  }

  /** Whether the alert is meant for the unit at {@code path} (a unit in scope or below one). */
  public boolean appliesTo(String path) {
    return scopePaths.stream().anyMatch(s -> vn.binhyen.core.tenant.TenantPath.contains(s, path));
  }
}
