package vn.binhyen.admin.importing;

import java.util.Locale;
import java.util.Optional;

/** The administrative level of a unit; a lower rank sits higher in the tree. */
public enum UnitLevel {
  PROVINCE(1, 2),
  DISTRICT(2, 3),
  COMMUNE(3, 5);

  private final int rank;
  private final int codeLength;

  UnitLevel(int rank, int codeLength) {
    this.rank = rank;
    this.codeLength = codeLength;
  }

  public int rank() {
    return rank;
  }

  /** Number of digits the official code of a unit at this level has. */
  public int codeLength() {
    return codeLength;
  }

  /** True when a unit at this level may sit directly below a unit at {@code parent}. */
  public boolean mayBeChildOf(UnitLevel parent) {
    return parent.rank < rank;
  }

  /** Reads {@code province|district|commune}; {@code ward} is taken as a commune. Case and spaces ignored. */
  public static Optional<UnitLevel> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "province" -> Optional.of(PROVINCE);
      case "district" -> Optional.of(DISTRICT);
      case "commune", "ward" -> Optional.of(COMMUNE);
      default -> Optional.empty();
    };
  }

  /** The level an official code's length implies (2, 3 or 5 digits), if any. */
  public static Optional<UnitLevel> ofCode(String code) {
    if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    for (UnitLevel level : values()) {
      if (level.codeLength == code.length()) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** The lower-case word used in the CSV files. */
  public String csvName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
