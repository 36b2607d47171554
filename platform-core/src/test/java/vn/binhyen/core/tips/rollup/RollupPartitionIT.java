package vn.binhyen.core.tips.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.testing.Explain;
import vn.binhyen.core.tips.TipWorld;

/**
 * The roll-up reads (tips V15: counters partitioned by province; V16: the conversation figures too;
 * V17: the ministry's and the provinces' counters in the national partition) scan only the
 * partitions of the units they read.
 */
class RollupPartitionIT {

  private final Services s = TipWorld.demo().services();
  private static final MonthSplit YEAR = MonthSplit.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 12, 3));

  private Set<String> explain(String sql, Object... values) {
    return Explain.tipPartitions(s.db().inScope("BCA", tx -> Explain.relations(tx, sql, Tuple.from(values))).await());
  }

  private Set<String> subtree(String path) {
    return explain(RollupRepository.BY_DIM_SUBTREE, path, new String[] {"t", "c"}, YEAR.headFrom(), YEAR.headTo(),
        YEAR.firstMonth(), YEAR.lastMonth(), YEAR.tailFrom(), YEAR.tailTo());
  }

  private Set<String> units(List<String> paths) {
    return explain(RollupRepository.BY_UNITS, paths.toArray(String[]::new), new String[] {"t", "b"}, YEAR.headFrom(),
        YEAR.headTo(), YEAR.firstMonth(), YEAR.lastMonth(), YEAR.tailFrom(), YEAR.tailTo(),
        RollupRepository.provinces(paths));
  }

  @Test
  void a_unit_and_its_drill_down_read_only_their_partitions_and_the_nations_drill_down_reads_one() {
    assertEquals(Set.of("tip_rollup_p01", "tip_rollup_month_p01"), subtree("BCA/01/00004"));
    assertTrue(subtree("BCA/79/26734").stream().allMatch(r -> r.endsWith("_p79")));
    // The ministry and the provinces keep their counters in the national partition.
    assertEquals(Set.of("tip_rollup_p_national", "tip_rollup_month_p_national"), subtree("BCA/66"));
    assertEquals(Set.of("tip_rollup_p_national", "tip_rollup_month_p_national"), subtree("BCA"));
    // A province's drill-down: itself from the national partition, its communes from its own.
    assertEquals(Set.of("tip_rollup_p_national", "tip_rollup_month_p_national", "tip_rollup_p01", "tip_rollup_month_p01"),
        units(List.of("BCA/01", "BCA/01/00004", "BCA/01/00070")));
    // The nation's drill-down (itself and every province) reads the national partition only.
    List<String> nation = new java.util.ArrayList<>(List.of("BCA"));
    nation.addAll(s.db().pool().preparedQuery("SELECT path FROM tenant WHERE level = 'province' AND valid_to IS NULL")
        .execute().await().stream().map(r -> r.getString(0)).toList());
    assertTrue(nation.size() >= 35, "the demo has the 34 provinces: " + nation.size());
    assertEquals(Set.of("tip_rollup_p_national", "tip_rollup_month_p_national"), units(nation));
  }

  @Test
  void the_java_partition_keys_are_the_ones_the_database_writes() {
    List<String> paths = List.of("BCA", "BCA/01", "BCA/01/00004", "BCA/79/26734", "BCA/C02");
    for (String path : paths) {
      String sql = s.db().pool().preparedQuery("SELECT tip_counter_province($1)").execute(Tuple.of(path)).await()
          .iterator().next().getString(0);
      assertEquals(sql, RollupRepository.provinces(List.of(path))[0], path);
    }
  }

  @Test
  void conversation_figures_are_read_from_the_units_province_partitions_only() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2026, 12, 3);
    assertEquals(Set.of("tip_conversation_rollup_p01"), explain(ConversationRepository.ONE, "BCA/01/00004", true, from, to));
    assertEquals(Set.of("tip_conversation_rollup_p_national"), explain(ConversationRepository.ONE, "BCA/66", false, from, to));
    assertEquals(Set.of("tip_conversation_rollup_p_national"), explain(ConversationRepository.ONE, "BCA", false, from, to));
    List<String> paths = List.of("BCA", "BCA/01", "BCA/66");
    assertEquals(Set.of("tip_conversation_rollup_p_national"),
        explain(ConversationRepository.SUBTREES, paths.toArray(String[]::new), from, to, RollupRepository.provinces(paths)));
    List<String> communes = List.of("BCA/01", "BCA/01/00004");
    assertEquals(Set.of("tip_conversation_rollup_p_national", "tip_conversation_rollup_p01"),
        explain(ConversationRepository.SUBTREES, communes.toArray(String[]::new), from, to, RollupRepository.provinces(communes)));
  }
}
