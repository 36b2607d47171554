package vn.binhyen.core.access;

/** What a caller wants to do to a tenant's data. */
public enum Action {
  /** See the unit's data and figures (not tipsters' identities). */
  READ,
  /** Day-to-day work of the unit itself: its channels, its tips. */
  OPERATE,
  /** Administer the unit and its subtree: units, users, approvals. */
  MANAGE,
  /** See a tipster's identity: only the handling unit's officers, and every reveal is audited. */
  READ_IDENTITY;

  public static Action parse(String s) {
    return Action.valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
