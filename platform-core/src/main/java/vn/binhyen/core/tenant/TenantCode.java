package vn.binhyen.core.tenant;

import vn.binhyen.core.error.DomainError;

/** Rules for official unit codes: 2 digits for a province, 3 for a district, 5 for a commune. */
public final class TenantCode {

  private TenantCode() {}

  public static void check(String code, UnitLevel level) {
    boolean ok = switch (level) {
      case MINISTRY -> code != null && code.matches("[A-Z]{2,10}");
      case PROVINCE -> code != null && code.matches("\\d{2}");
      case DISTRICT -> code != null && code.matches("\\d{3}");
      case COMMUNE -> code != null && code.matches("\\d{5}");
    };
    if (!ok) {
      throw new DomainError.Invalid("bad-unit-code", "Mã đơn vị \"" + code + "\" không đúng cho cấp "
          + level.vi() + " (tỉnh 2 chữ số, huyện 3, xã 5) / code does not fit level " + level.id());
    }
  }
}
