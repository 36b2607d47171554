package vn.binhyen.admin.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying a validated unit list to the current units would do. Imports are idempotent: the
 * same file twice yields no creates and no renames. An import never moves a unit: a changed parent
 * is reported as a move for the reorganisation to handle, and a changed level as a conflict.
 */
public record ImportDiff(List<UnitRow> toCreate, List<Rename> toRename, List<UnitRow> unchanged,
    List<Move> moves, List<LevelConflict> conflicts) {

  /** Same code, new name (names compared in NFC). */
  public record Rename(String code, String currentName, String newName) {}

  /** The file puts the unit under another parent than the database does. */
  public record Move(String code, String currentParent, String requestedParent) {}

  /** The file gives the code another level than the database; a different unit, not an update. */
  public record LevelConflict(String code, UnitLevel currentLevel, UnitLevel requestedLevel) {}

  public ImportDiff {
    toCreate = List.copyOf(toCreate);
    toRename = List.copyOf(toRename);
    unchanged = List.copyOf(unchanged);
    moves = List.copyOf(moves);
    conflicts = List.copyOf(conflicts);
  }

  /** {@code rows} must be the accepted rows of an {@link ImportReport}, parents first; the order is kept. */
  public static ImportDiff compute(List<UnitRow> rows, List<CurrentUnit> current) {
    Map<String, CurrentUnit> byCode = new HashMap<>(current.size() * 2);
    current.forEach(u -> byCode.put(u.code(), u));
    List<UnitRow> create = new ArrayList<>();
    List<Rename> rename = new ArrayList<>();
    List<UnitRow> same = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    List<LevelConflict> conflicts = new ArrayList<>();
    for (UnitRow row : rows) {
      CurrentUnit now = byCode.get(row.code());
      if (now == null) {
        create.add(row);
        continue;
      }
      if (now.level() != row.level()) {
        conflicts.add(new LevelConflict(row.code(), now.level(), row.level()));
        continue;
      }
      boolean renamed = !now.name().equals(row.name());
      boolean moved = !Objects.equals(now.parentCode(), row.parentCode());
      if (renamed) {
        rename.add(new Rename(row.code(), now.name(), row.name()));
      }
      if (moved) {
        moves.add(new Move(row.code(), now.parentCode(), row.parentCode()));
      }
      if (!renamed && !moved) {
        same.add(row);
      }
    }
    return new ImportDiff(create, rename, same, moves, conflicts);
  }

  /** True when applying would write nothing. */
  public boolean isNoOp() {
    return toCreate.isEmpty() && toRename.isEmpty();
  }
}
