package vn.binhyen.admin.reorg;

/**
 * Something in the reform mapping that does not agree with the unit lists. {@code line} is the
 * mapping line, or 0 when the problem is a unit that no line mentions.
 */
public record Inconsistency(Kind kind, int line, String code, String detailVi, String detailEn) {

  /** What disagrees. */
  public enum Kind {
    /** The old code is not an active unit before the reform (e.g. dissolved earlier). */
    OLD_CODE_UNKNOWN,
    /** The new code is not a unit after the reform. */
    NEW_CODE_UNKNOWN,
    /** An old province or commune that no usable mapping line mentions. */
    OLD_UNIT_UNMAPPED,
    /** A new province or commune that no usable mapping line leads to. */
    NEW_UNIT_UNSOURCED,
    /** The old name in the mapping is not the old list's name (spaces and Unicode form ignored). */
    OLD_NAME_MISMATCH,
    /** The new name in the mapping is not the new list's name (spaces and Unicode form ignored). */
    NEW_NAME_MISMATCH,
    /** The line's level, the old unit's level and the new unit's level are not all the same. */
    LEVEL_MISMATCH,
    /** A commune lands in a new province its old province was not merged into. */
    PROVINCE_MISMATCH
  }
}
