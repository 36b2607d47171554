package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.importing.UnitCsv;
import vn.binhyen.admin.importing.UnitCsvReader;
import vn.binhyen.admin.importing.UnitLevel;
import vn.binhyen.admin.importing.UnitRow;

/** The 2025 reform planned from the real lists and mapping; the figures are pinned from the data. */
class ReformPlannerRealDataTest {

  private static ReformPlan plan;
  private static MappingCsv mapping;

  @BeforeAll
  static void planTheReform() {
    mapping = ReformMappingReader.read(resource("reform-2025-mapping.csv"));
    plan = new ReformPlanner().plan(units("units-pre2025.csv"), units("units-2025.csv"), mapping.rows());
  }

  @Test
  void the_mapping_reads_without_line_errors() {
    assertEquals(List.of(), mapping.errors());
    assertEquals(10_662, mapping.rows().size());
  }

  @Test
  void sixty_three_provinces_become_thirty_four_of_which_twenty_three_are_mergers() {
    assertEquals(63, plan.unitsBefore().get(UnitLevel.PROVINCE));
    assertEquals(34, plan.unitsAfter().get(UnitLevel.PROVINCE));
    assertEquals(34, plan.provinceMerges().size());
    assertEquals(63, plan.provinceMerges().stream().mapToInt(m -> m.oldCodes().size()).sum());
    assertEquals(23, plan.provinceMerges().stream().filter(ReformPlan.ProvinceMerge::isMerger).count());
    assertEquals(List.of("08"), plan.successorsOf("02")); // Hà Giang went into Tuyên Quang
  }

  @Test
  void every_old_commune_is_covered_9575_wholly_and_460_split() {
    // The mapping lists 9,587 whole moves; 12 of them start from communes dissolved on 1 March 2025,
    // which are not in the pre-reform list, so 9,575 + 460 = 10,035, every old commune.
    assertEquals(9_575, plan.wholeMoves().size());
    assertEquals(460, plan.splits().size());
    assertEquals(Map.of(2, 386L, 3, 57L, 4, 16L, 5, 1L), plan.splits().stream()
        .collect(Collectors.groupingBy(s -> s.successors().size(), Collectors.counting())));
    assertEquals(0, plan.inconsistencyCounts().get(Inconsistency.Kind.OLD_UNIT_UNMAPPED));
  }

  @Test
  void all_696_districts_are_abolished_under_their_new_province() {
    assertEquals(696, plan.abolishedDistricts().size());
    assertTrue(plan.abolishedDistricts().stream().allMatch(d -> d.newProvinceCode() != null));
    assertEquals(10_035, plan.abolishedDistricts().stream().mapToInt(ReformPlan.DistrictAbolition::communeCount).sum());
  }

  @Test
  void code_reuse_is_not_identity_ea_kao_closes_and_a_new_ward_is_created() {
    assertTrue(plan.toClose().stream().anyMatch(c -> c.code().equals("24169") && c.name().equals("Xã Ea Kao")));
    assertTrue(plan.toCreate().stream().anyMatch(u -> u.code().equals("24169") && u.name().equals("Phường Ea Kao")));
    assertEquals(List.of("24169"), plan.successorsOf("24169"));
  }

  @Test
  void units_keeping_code_name_and_level_continue_and_everything_else_is_closed_or_created() {
    // 27 provinces and 1,141 communes keep code, name and level (Hà Nội 01, ...).
    Map<UnitLevel, Long> continuing = plan.continuing().stream()
        .collect(Collectors.groupingBy(ReformPlan.Continuation::level, Collectors.counting()));
    assertEquals(Map.of(UnitLevel.PROVINCE, 27L, UnitLevel.COMMUNE, 1141L), continuing);
    assertEquals(1141, plan.continuing().stream().filter(ReformPlan.Continuation::reparented).count());
    // 7 provinces + 2,180 communes are new units; 36 provinces + 696 districts + 8,894 communes close.
    assertEquals(2_187, plan.toCreate().size());
    assertEquals(UnitLevel.PROVINCE, plan.toCreate().get(0).level());
    assertEquals(9_626, plan.toClose().size());
    assertEquals(UnitLevel.COMMUNE, plan.toClose().get(0).level());
    assertTrue(plan.toClose().stream().allMatch(c -> c.validTo().equals(ReformPlanner.REFORM_2025)));
  }

  @Test
  void every_old_unit_resolves_to_a_successor() {
    assertEquals(10_794, plan.successors().size());
    assertTrue(plan.toClose().stream().noneMatch(c -> c.successors().isEmpty()));
  }

  @Test
  void the_known_imperfections_are_reported_with_the_counts_the_data_has() {
    Map<Inconsistency.Kind, Integer> counts = plan.inconsistencyCounts();
    // The 12 communes dissolved on 1 March 2025 that the mapping still uses as sources.
    assertEquals(12, counts.get(Inconsistency.Kind.OLD_CODE_UNKNOWN));
    assertEquals(Set.of("07693", "07732", "07744", "16387", "16411", "18448", "20176", "20674", "25102", "25174",
        "25177", "25186"), codes(Inconsistency.Kind.OLD_CODE_UNKNOWN));
    // The data has 5 sourceless new communes, not 6: the special zones made from island districts
    // that had no commune of their own (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo).
    assertEquals(Set.of("11948", "19742", "20333", "21548", "26732"), codes(Inconsistency.Kind.NEW_UNIT_UNSOURCED));
    assertEquals(0, counts.get(Inconsistency.Kind.NEW_CODE_UNKNOWN));
    assertEquals(0, counts.get(Inconsistency.Kind.LEVEL_MISMATCH));
    // Spelling drift in the mapping, once spaces and Unicode form are ignored: "Thị Trấn" for
    // "Thị trấn", "Xa Lý" for "Sa Lý" (18 lines); "Hoà"/"Hòa" tone placement, curly apostrophes,
    // lower-case "xã" (52 lines) and new province names without "Tỉnh" (46 lines).
    assertEquals(18, counts.get(Inconsistency.Kind.OLD_NAME_MISMATCH));
    assertEquals(98, counts.get(Inconsistency.Kind.NEW_NAME_MISMATCH));
    // Xã Tân Phú 30622 (An Giang, Châu Thành 892) is mapped into Đồng Tháp's Xã Tân Phú Trung 30259,
    // most likely a mix-up of two Châu Thành districts.
    assertEquals(1, counts.get(Inconsistency.Kind.PROVINCE_MISMATCH));
    assertEquals(134, plan.inconsistencies().size());
    assertFalse(plan.isClean());
  }

  private static Set<String> codes(Inconsistency.Kind kind) {
    return plan.inconsistencies(kind).stream().map(Inconsistency::code).collect(Collectors.toSet());
  }

  private static List<UnitRow> units(String file) {
    UnitCsv csv = UnitCsvReader.read(resource(file));
    assertEquals(List.of(), csv.errors());
    return csv.rows();
  }

  private static InputStream resource(String file) {
    return ReformPlannerRealDataTest.class.getResourceAsStream("/data/" + file);
  }
}
