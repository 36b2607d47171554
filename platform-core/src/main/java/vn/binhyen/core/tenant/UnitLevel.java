package vn.binhyen.core.tenant;

import java.util.Locale;
import vn.binhyen.core.error.DomainError;

/** The level of an administrative unit. Depth is data: a commune may sit under a district or a province. */
public enum UnitLevel {
  MINISTRY(0, "Bộ", "Ministry"),
  PROVINCE(1, "Tỉnh/Thành phố", "Province"),
  DISTRICT(2, "Quận/Huyện", "District"),
  COMMUNE(3, "Xã/Phường", "Commune/Ward");

  private final int rank;
  private final String vi;
  private final String en;

  UnitLevel(int rank, String vi, String en) {
    this.rank = rank;
    this.vi = vi;
    this.en = en;
  }

  public int rank() { return rank; }
  public String vi() { return vi; }
  public String en() { return en; }

  /** The level as citizens read it: "Cấp xã" (since 2025 a ward, a commune or a special zone). */
  public String labelVi() {
    return switch (this) {
      case MINISTRY -> "Cấp bộ";
      case PROVINCE -> "Cấp tỉnh";
      case DISTRICT -> "Cấp huyện";
      case COMMUNE -> "Cấp xã";
    };
  }

  public String labelEn() {
    return switch (this) {
      case MINISTRY -> "Ministry";
      case PROVINCE -> "Province level";
      case DISTRICT -> "District level";
      case COMMUNE -> "Commune level";
    };
  }

  /** The database / API spelling: {@code ministry}, {@code province}, {@code district}, {@code commune}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a unit of this level may be placed under a unit of {@code parent}'s level. */
  public boolean mayBeUnder(UnitLevel parent) {
    return parent.rank < rank;
  }

  public static UnitLevel parse(String s) {
    if (s != null) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "ministry": return MINISTRY;
        case "province": return PROVINCE;
        case "district": return DISTRICT;
        case "commune":
        case "ward": return COMMUNE;
        default: break;
      }
    }
    throw new DomainError.Invalid("unknown-level",
        "Cấp đơn vị không hợp lệ: \"" + s + "\" (ministry, province, district, commune) / unknown unit level");
  }
}
