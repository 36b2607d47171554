package vn.binhyen.admin.importing;

/** A unit as it is now in the database, the other side of an {@link ImportDiff}. */
public record CurrentUnit(String code, String name, UnitLevel level, String parentCode) {
  public CurrentUnit {
    name = CsvSource.nfc(name);
    parentCode = parentCode == null || parentCode.isEmpty() ? null : parentCode;
  }
}
