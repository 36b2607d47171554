package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;

class ImportValidatorTest {

  private static ImportReport validate(String body) {
    return new ImportValidator().validate(Csv.units(body));
  }

  private static List<String> kinds(ImportReport report) {
    return report.errors().stream().map(LineError::kind).toList();
  }

  @Test
  void both_reference_lists_validate_with_no_error_and_the_right_counts_per_level() {
    ImportReport after = new ImportValidator().validate(Csv.realUnits("units-2025.csv"));
    ImportReport before = new ImportValidator().validate(Csv.realUnits("units-pre2025.csv"));

    assertEquals(List.of(), after.errors());
    assertEquals(List.of(), before.errors());
    assertEquals(Map.of(UnitLevel.PROVINCE, 34L, UnitLevel.COMMUNE, 3321L), perLevel(after));
    assertEquals(Map.of(UnitLevel.PROVINCE, 63L, UnitLevel.DISTRICT, 696L, UnitLevel.COMMUNE, 10035L),
        perLevel(before));
  }

  @Test
  void the_whole_pre_2025_list_validates_well_under_a_second() {
    List<UnitRow> rows = Csv.realUnits("units-pre2025.csv").rows();
    new ImportValidator().validate(rows); // class loading and JIT warm-up are not what we measure

    long start = System.nanoTime();
    ImportReport report = new ImportValidator().validate(rows);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(10_794, report.accepted().size());
    assertTrue(millis < 250, "validation took " + millis + " ms");
  }

  @Test
  void accepted_rows_come_parents_first_even_when_the_file_lists_children_first() {
    ImportReport report = validate("00001,Xã A,commune,001\n001,Huyện B,district,01\n01,Tỉnh C,province,\n");

    assertEquals(List.of("01", "001", "00001"), report.accepted().stream().map(UnitRow::code).toList());
    assertFalse(report.refused());
  }

  @Test
  void empty_code_or_name_is_malformed() {
    ImportReport report = validate("01,,province,\n,Tỉnh B,province,\n");

    assertEquals(List.of("MALFORMED", "MALFORMED"), kinds(report));
  }

  @Test
  void code_length_must_match_the_level() {
    ImportReport report = validate("1,Tỉnh A,province,\n01,Tỉnh B,province,\n0011,Huyện C,district,01\n"
        + "0001,Xã D,commune,01\n0a001,Xã E,commune,01\n");

    assertEquals(List.of("BAD_CODE", "BAD_CODE", "BAD_CODE", "BAD_CODE"), kinds(report));
    assertEquals(List.of(2, 4, 5, 6), report.errors().stream().map(LineError::line).toList());
  }

  @Test
  void duplicate_code_names_the_line_of_the_first_occurrence() {
    ImportReport report = validate("01,Tỉnh A,province,\n02,Tỉnh B,province,\n01,Tỉnh C,province,\n");

    LineError error = report.errors().get(0);
    assertEquals("DUPLICATE_CODE", error.kind());
    assertEquals(4, error.line());
    assertTrue(error.messageEn().endsWith("line 2"), error.messageEn());
    assertTrue(error.messageVi().endsWith("dòng 2"), error.messageVi());
  }

  @Test
  void parent_missing_from_file_and_database_is_unknown() {
    ImportReport report = validate("00001,Xã A,commune,99\n");

    assertEquals(List.of("UNKNOWN_PARENT"), kinds(report));
    assertEquals("00001", report.errors().get(0).code());
  }

  @Test
  void parent_already_in_the_database_is_accepted() {
    ImportReport report = new ImportValidator(Set.of("99")).validate(Csv.units("00001,Xã A,commune,99\n"));

    assertEquals(List.of(), report.errors());
    assertEquals(1, report.accepted().size());
  }

  @Test
  void parent_in_the_database_must_still_be_of_a_higher_level() {
    ImportReport report = new ImportValidator(Set.of("00009")).validate(Csv.units("00001,Xã A,commune,00009\n"));

    assertEquals(List.of("LEVEL_ORDER"), kinds(report));
  }

  @Test
  void units_that_are_their_own_ancestors_form_a_cycle() {
    ImportReport report = validate("00001,Xã A,commune,00002\n00002,Xã B,commune,00001\n00003,Xã C,commune,00003\n");

    assertEquals(List.of("CYCLE", "CYCLE", "CYCLE"), kinds(report));
  }

  @Test
  void a_child_must_sit_below_its_parent_and_only_provinces_are_roots() {
    ImportReport report = validate("01,Tỉnh A,province,\n"
        + "02,Tỉnh B,province,01\n"      // province with a parent
        + "001,Huyện C,district,\n"      // district without a parent
        + "002,Huyện D,district,01\n"
        + "003,Huyện E,district,002\n"   // district under district
        + "00001,Xã F,commune,002\n"
        + "00002,Xã G,commune,01\n"      // commune straight under a province: allowed (post-2025 shape)
        + "00003,Xã H,commune,00001\n"); // commune under commune

    assertEquals(List.of(3, 4, 6, 9), report.errors().stream().map(LineError::line).toList());
    assertEquals(Set.of("LEVEL_ORDER"), Set.copyOf(kinds(report)));
  }

  @Test
  void more_than_fifty_thousand_rows_are_refused_as_too_large() {
    var body = new StringBuilder();
    for (int i = 0; i <= ImportValidator.MAX_ROWS; i++) {
      body.append(String.format("%05d,Xã %d,commune,01%n", i, i));
    }
    UnitCsv csv = Csv.units(body.toString());
    ImportReport report = new ImportValidator(Set.of("01")).validate(csv);

    assertTrue(csv.truncated());
    assertEquals(List.of("TOO_LARGE"), kinds(report));
    assertTrue(report.accepted().isEmpty());
  }

  @Test
  void reader_errors_are_kept_in_the_report() {
    ImportReport report = validate("01,Tỉnh A,state,\n02,Tỉnh B,province,\n");

    assertEquals(List.of("UNKNOWN_LEVEL"), kinds(report));
    assertTrue(report.refused());
  }

  @Test
  void any_error_refuses_the_whole_import_with_every_error_listed() {
    ImportReport report = validate("01,Tỉnh A,province,\n00001,Xã B,commune,77\n");

    assertTrue(report.refused());
    assertTrue(report.verdictEn().startsWith("Whole file refused"), report.verdictEn());
    DomainError.Invalid error = assertThrows(DomainError.Invalid.class, report::rowsToApplyOrThrow);
    assertEquals("import-refused", error.slug());
    assertEquals(report.errors(), error.extensions().get("errors"));
  }

  @Test
  void a_clean_report_hands_over_its_rows() {
    ImportReport report = validate("01,Tỉnh A,province,\n");

    assertEquals(report.accepted(), report.rowsToApplyOrThrow());
    assertEquals(Map.of(), report.errorCounts());
  }

  private static Map<UnitLevel, Long> perLevel(ImportReport report) {
    return report.accepted().stream().collect(Collectors.groupingBy(UnitRow::level, Collectors.counting()));
  }
}
