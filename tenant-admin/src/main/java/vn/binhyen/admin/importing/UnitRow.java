package vn.binhyen.admin.importing;

/**
 * One data line of a unit CSV. {@code level} is never null; {@code parentCode} is null for a root.
 * Fields are trimmed and the name is NFC; the rules (code shape, parent) are checked by
 * {@link ImportValidator}, not here, so a bad line can still be reported with its code.
 */
public record UnitRow(int line, String code, String name, UnitLevel level, String parentCode) {
  public UnitRow {
    if (level == null) {
      throw new IllegalArgumentException("level is required");
    }
    code = code == null ? "" : code;
    name = name == null ? "" : name;
    parentCode = parentCode == null || parentCode.isEmpty() ? null : parentCode;
  }
}
