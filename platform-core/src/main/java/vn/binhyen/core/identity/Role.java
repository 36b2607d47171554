package vn.binhyen.core.identity;

import vn.binhyen.core.error.DomainError;

/** The four roles; what each may do where is decided by {@link vn.binhyen.core.access.AccessPolicy}. */
public enum Role {
  MINISTRY_ADMIN("Quản trị Bộ Công an", "Ministry admin"),
  UNIT_ADMIN("Quản trị đơn vị", "Unit admin"),
  OFFICER("Cán bộ", "Officer"),
  SUPERVISOR("Lãnh đạo", "Supervisor");

  private final String vi;
  private final String en;

  Role(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  public String vi() { return vi; }
  public String en() { return en; }

  public static Role parse(String s) {
    try {
      return Role.valueOf(s);
    } catch (RuntimeException e) {
      throw new DomainError.Invalid("unknown-role", "Vai trò không hợp lệ: " + s
          + " (MINISTRY_ADMIN, UNIT_ADMIN, OFFICER, SUPERVISOR) / unknown role");
    }
  }
}
