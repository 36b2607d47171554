package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.importing.UnitCsvReader;

class ReformDryRunReportTest {

  private static ReformPlan plan;

  @BeforeAll
  static void planTheReform() {
    plan = new ReformPlanner().plan(UnitCsvReader.read(resource("units-pre2025.csv")).rows(),
        UnitCsvReader.read(resource("units-2025.csv")).rows(),
        ReformMappingReader.read(resource("reform-2025-mapping.csv")).rows());
  }

  @Test
  void json_carries_full_counts_and_at_most_n_examples_per_kind() {
    JsonObject json = new ReformDryRunReport(plan, 3).toJson();

    JsonObject counts = json.getJsonObject("counts");
    assertEquals(63, counts.getInteger("provincesBefore"));
    assertEquals(34, counts.getInteger("provincesAfter"));
    assertEquals(460, counts.getInteger("splits"));
    assertEquals(696, counts.getInteger("districtsAbolished"));
    JsonObject dissolved = json.getJsonObject("inconsistencies").getJsonObject("OLD_CODE_UNKNOWN");
    assertEquals(12, dissolved.getInteger("count"));
    assertEquals(3, dissolved.getJsonArray("first").size());
    assertEquals("07693", dissolved.getJsonArray("first").getJsonObject(0).getString("code"));
    assertEquals(0, json.getJsonObject("inconsistencies").getJsonObject("LEVEL_MISMATCH").getInteger("count"));
    assertEquals(false, json.getBoolean("clean"));
  }

  @Test
  void summary_is_bilingual_and_lists_examples_only_for_kinds_that_occur() {
    String summary = new ReformDryRunReport(plan, 1).summary();

    assertTrue(summary.contains("Tỉnh / Provinces: 63 → 34 (hợp nhất / merged: 23)"), summary);
    assertTrue(summary.contains("chia tách / split: 460"), summary);
    assertTrue(summary.contains("NEW_UNIT_UNSOURCED: 5"), summary);
    assertTrue(!summary.contains("LEVEL_MISMATCH"), summary);
    assertTrue(summary.lines().count() < 30, "summary has " + summary.lines().count() + " lines");
  }

  @Test
  void a_negative_example_count_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> new ReformDryRunReport(plan, -1));
  }

  private static InputStream resource(String file) {
    return ReformDryRunReportTest.class.getResourceAsStream("/data/" + file);
  }
}
