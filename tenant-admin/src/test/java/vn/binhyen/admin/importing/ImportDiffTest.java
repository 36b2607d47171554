package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportDiffTest {

  private static List<UnitRow> accepted(String file) {
    ImportReport report = new ImportValidator().validate(Csv.realUnits(file));
    assertTrue(report.errors().isEmpty());
    return report.accepted();
  }

  private static List<CurrentUnit> asCurrent(List<UnitRow> rows) {
    return rows.stream().map(r -> new CurrentUnit(r.code(), r.name(), r.level(), r.parentCode())).toList();
  }

  @Test
  void importing_into_an_empty_database_creates_everything_parents_first() {
    List<UnitRow> rows = accepted("units-2025.csv");

    ImportDiff diff = ImportDiff.compute(rows, List.of());

    assertEquals(3355, diff.toCreate().size());
    assertEquals(UnitLevel.PROVINCE, diff.toCreate().get(0).level());
  }

  @Test
  void reimporting_the_same_file_creates_and_renames_nothing() {
    List<UnitRow> rows = accepted("units-pre2025.csv");

    ImportDiff diff = ImportDiff.compute(rows, asCurrent(rows));

    assertTrue(diff.isNoOp());
    assertEquals(10_794, diff.unchanged().size());
    assertTrue(diff.moves().isEmpty());
  }

  @Test
  void the_2026_amendments_are_twenty_five_renames_and_nothing_else() {
    ImportDiff diff = ImportDiff.compute(accepted("units-2026-latest.csv"), asCurrent(accepted("units-2025.csv")));

    assertEquals(25, diff.toRename().size());
    assertTrue(diff.toRename().contains(new ImportDiff.Rename("22", "Tỉnh Quảng Ninh", "Thành phố Quảng Ninh")));
    assertEquals(0, diff.toCreate().size());
    assertEquals(0, diff.moves().size());
  }

  @Test
  void names_differing_only_in_unicode_form_are_unchanged() {
    var row = new UnitRow(2, "00001", "Xã Hòa Phú", UnitLevel.COMMUNE, "01");
    var current = new CurrentUnit("00001", java.text.Normalizer.normalize("Xã Hòa Phú", java.text.Normalizer.Form.NFD),
        UnitLevel.COMMUNE, "01");

    ImportDiff diff = ImportDiff.compute(List.of(row), List.of(current));

    assertEquals(List.of(row), diff.unchanged());
  }

  @Test
  void a_changed_parent_is_reported_as_a_move_and_never_applied_as_a_create() {
    var row = new UnitRow(2, "00001", "Phường A", UnitLevel.COMMUNE, "02");
    var current = new CurrentUnit("00001", "Xã A", UnitLevel.COMMUNE, "001");

    ImportDiff diff = ImportDiff.compute(List.of(row), List.of(current));

    assertEquals(List.of(new ImportDiff.Move("00001", "001", "02")), diff.moves());
    assertEquals(List.of(new ImportDiff.Rename("00001", "Xã A", "Phường A")), diff.toRename());
    assertTrue(diff.toCreate().isEmpty());
    assertTrue(diff.unchanged().isEmpty());
  }

  @Test
  void a_code_held_by_a_unit_of_another_level_is_a_conflict_not_a_rename() {
    var row = new UnitRow(2, "001", "Huyện A", UnitLevel.DISTRICT, "01");
    var current = new CurrentUnit("001", "Tỉnh A", UnitLevel.PROVINCE, null);

    ImportDiff diff = ImportDiff.compute(List.of(row), List.of(current));

    assertEquals(List.of(new ImportDiff.LevelConflict("001", UnitLevel.PROVINCE, UnitLevel.DISTRICT)), diff.conflicts());
    assertTrue(diff.toRename().isEmpty());
  }
}
