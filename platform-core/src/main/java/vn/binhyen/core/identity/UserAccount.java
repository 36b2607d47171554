package vn.binhyen.core.identity;

/** A user as stored: bound to one tenant with one role. The hash never leaves the identity package's services. */
public record UserAccount(long id, String username, String displayName, long tenantId,
    String tenantPath, Role role, String passwordHash, boolean disabled) {

  @Override
  public String toString() {
    return "UserAccount[" + id + " " + username + " " + role + " @" + tenantPath + "]";
  }
}
