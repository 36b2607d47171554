package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.importing.UnitCsvReader;
import vn.binhyen.admin.importing.UnitRow;

/** Small synthetic reforms, one inconsistency at a time. */
class ReformPlannerTest {

  // Two old provinces with one district each; the first district has three communes.
  private static final String OLD = """
      code,name,level,parent_code
      01,Tỉnh A,province,
      02,Tỉnh B,province,
      001,Huyện X,district,01
      002,Huyện Y,district,02
      00001,Xã Một,commune,001
      00002,Xã Hai,commune,001
      00003,Xã Ba,commune,001
      00004,Xã Bốn,commune,002
      """;
  // One province; 00001 continues, 00002 is reused by a ward, 00004 continues.
  private static final String NEW = """
      code,name,level,parent_code
      01,Tỉnh A,province,
      00001,Xã Một,commune,01
      00002,Phường Hai,commune,01
      00004,Xã Bốn,commune,01
      """;
  private static final String CLEAN_MAPPING = """
      old_code,old_name,level,new_code,new_name
      01,Tỉnh A,province,01,Tỉnh A
      02,Tỉnh B,province,01,Tỉnh A
      00001,Xã Một,commune,00001,Xã Một
      00002,Xã Hai,commune,00002,Phường Hai
      00003,Xã Ba,commune,00001,Xã Một
      00003,Xã Ba,commune,00002,Phường Hai
      00004,Xã Bốn,commune,00004,Xã Bốn
      """;

  private static ReformPlan plan(String mapping) {
    return plan(OLD, NEW, mapping);
  }

  private static ReformPlan plan(String oldUnits, String newUnits, String mapping) {
    return new ReformPlanner().plan(units(oldUnits), units(newUnits), ReformMappingReader.read(bytes(mapping)).rows());
  }

  private static List<UnitRow> units(String csv) {
    return UnitCsvReader.read(bytes(csv)).rows();
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Inconsistency.Kind> kinds(ReformPlan plan) {
    return plan.inconsistencies().stream().map(Inconsistency::kind).toList();
  }

  @Test
  void a_consistent_mapping_gives_a_clean_plan_with_merges_moves_splits_and_closures() {
    ReformPlan plan = plan(CLEAN_MAPPING);

    assertTrue(plan.isClean(), plan.inconsistencies().toString());
    assertEquals(List.of(new ReformPlan.ProvinceMerge("01", "Tỉnh A", List.of("01", "02"))), plan.provinceMerges());
    assertEquals(List.of(new ReformPlan.CommuneSplit("00003", "Xã Ba", List.of("00001", "00002"))), plan.splits());
    assertEquals(3, plan.wholeMoves().size());
    assertEquals(List.of("00001", "00002"), plan.successorsOf("00003"));
    assertEquals(List.of("01"), plan.successorsOf("001"));
    assertEquals(List.of("01"), plan.successorsOf("002"));
    assertEquals(List.of(), plan.successorsOf("99999"));
  }

  @Test
  void a_reused_code_with_another_name_is_a_new_unit_and_the_old_one_closes() {
    ReformPlan plan = plan(CLEAN_MAPPING);

    assertEquals(List.of("00002"), plan.toCreate().stream().map(UnitRow::code).toList());
    assertEquals(List.of("00002", "00003", "001", "002", "02"),
        plan.toClose().stream().map(ReformPlan.Closure::code).toList());
    assertEquals(List.of("01", "00001", "00004"), plan.continuing().stream().map(ReformPlan.Continuation::code).toList());
    assertEquals(new ReformPlan.Continuation("00004", "Xã Bốn", vn.binhyen.admin.importing.UnitLevel.COMMUNE, "002", "01"),
        plan.continuing().get(2));
  }

  @Test
  void abolished_districts_name_their_new_province_and_commune_count() {
    ReformPlan plan = plan(CLEAN_MAPPING);

    assertEquals(List.of(new ReformPlan.DistrictAbolition("001", "Huyện X", "01", "01", 3),
        new ReformPlan.DistrictAbolition("002", "Huyện Y", "02", "01", 1)), plan.abolishedDistricts());
  }

  @Test
  void an_old_code_missing_from_the_old_list_is_reported_and_left_out() {
    ReformPlan plan = plan(CLEAN_MAPPING + "00009,Xã Giải Thể,commune,00001,Xã Một\n");

    assertEquals(List.of(Inconsistency.Kind.OLD_CODE_UNKNOWN), kinds(plan));
    assertEquals(9, plan.inconsistencies().get(0).line());
    assertEquals(List.of(), plan.successorsOf("00009"));
  }

  @Test
  void a_new_code_missing_from_the_new_list_is_reported() {
    ReformPlan plan = plan(CLEAN_MAPPING.replace("00004,Xã Bốn,commune,00004,Xã Bốn", "00004,Xã Bốn,commune,00099,Xã Bốn"));

    assertEquals(List.of(Inconsistency.Kind.NEW_CODE_UNKNOWN, Inconsistency.Kind.OLD_UNIT_UNMAPPED,
        Inconsistency.Kind.NEW_UNIT_UNSOURCED), kinds(plan));
  }

  @Test
  void an_old_unit_without_a_mapping_line_is_reported() {
    ReformPlan plan = plan(CLEAN_MAPPING.replace("00002,Xã Hai,commune,00002,Phường Hai\n", ""));

    assertEquals(List.of(Inconsistency.Kind.OLD_UNIT_UNMAPPED), kinds(plan));
    assertEquals("00002", plan.inconsistencies().get(0).code());
  }

  @Test
  void a_new_unit_without_a_source_line_is_reported() {
    ReformPlan plan = plan(OLD, NEW + "00005,Đặc khu Đảo,commune,01\n", CLEAN_MAPPING);

    assertEquals(List.of(Inconsistency.Kind.NEW_UNIT_UNSOURCED), kinds(plan));
    assertEquals("00005", plan.inconsistencies().get(0).code());
  }

  @Test
  void names_that_differ_beyond_spacing_and_unicode_form_are_reported_on_both_sides() {
    String mapping = CLEAN_MAPPING
        .replace("00001,Xã Một,commune,00001,Xã Một", "00001,Xã  Một ,commune,00001,Xã Mốt")
        .replace("00004,Xã Bốn,commune", "00004,Xã Bổn,commune");

    ReformPlan plan = plan(mapping);

    assertEquals(List.of(Inconsistency.Kind.OLD_NAME_MISMATCH, Inconsistency.Kind.NEW_NAME_MISMATCH), kinds(plan));
    assertEquals("00004", plan.inconsistencies().get(0).code());
    assertEquals(List.of("00001"), plan.successorsOf("00001")); // a name slip does not drop the line
  }

  @Test
  void a_commune_mapped_to_a_province_is_a_level_mismatch() {
    ReformPlan plan = plan(CLEAN_MAPPING.replace("00004,Xã Bốn,commune,00004,Xã Bốn", "00004,Xã Bốn,commune,01,Tỉnh A"));

    assertTrue(kinds(plan).contains(Inconsistency.Kind.LEVEL_MISMATCH), kinds(plan).toString());
    assertEquals(List.of(), plan.successorsOf("00004"));
  }

  @Test
  void a_commune_landing_outside_its_merged_province_is_reported() {
    // Tỉnh B merges into Tỉnh A, yet its Xã Bốn is sent to a commune of Tỉnh C.
    String newUnits = NEW + "03,Tỉnh C,province,\n00005,Xã Năm,commune,03\n";
    String mapping = CLEAN_MAPPING.replace("00004,Xã Bốn,commune,00004,Xã Bốn", "00004,Xã Bốn,commune,00005,Xã Năm");

    ReformPlan plan = plan(OLD, newUnits, mapping);

    assertEquals(1, plan.inconsistencies(Inconsistency.Kind.PROVINCE_MISMATCH).size(), plan.inconsistencies().toString());
    assertEquals("00004", plan.inconsistencies(Inconsistency.Kind.PROVINCE_MISMATCH).get(0).code());
  }
}
