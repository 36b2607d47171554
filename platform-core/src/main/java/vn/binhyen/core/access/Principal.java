package vn.binhyen.core.access;

import vn.binhyen.core.identity.Role;

/**
 * Who is calling, as proven by a verified access token: the user, the tenant they are bound to
 * (with its path) and their role. {@code sessionId} names the log-in (refresh-token family).
 */
public record Principal(long userId, String username, String displayName, long tenantId,
    String tenantCode, String tenantPath, Role role, String sessionId, String tokenId,
    long issuedAtEpochSeconds) {

  /** The row-level security scope of this caller's transactions: their unit and its subtree. */
  public String scopePath() {
    return tenantPath;
  }
}
