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
 * The roll-up reads (tips V15: counters partitioned by their unit's province; V16: the conversation
 * figures too) scan only the units' province partitions.
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
  void a_unit_and_its_drill_down_read_one_province_and_the_nation_reads_its_own_partition() {
    assertEquals(Set.of("tip_rollup_p01", "tip_rollup_month_p01"), subtree("BCA/01/00004"));
    assertEquals(Set.of("tip_rollup_p66", "tip_rollup_month_p66"), subtree("BCA/66"));
    assertEquals(Set.of("tip_rollup_p_national", "tip_rollup_month_p_national"), subtree("BCA"));
    // A province's drill-down (itself, then its communes) stays in its partition.
    assertEquals(Set.of("tip_rollup_p01", "tip_rollup_month_p01"), units(List.of("BCA/01", "BCA/01/00004", "BCA/01/00070")));
    // The nation's drill-down reads every province it lists (and only those).
    Set<String> national = units(List.of("BCA", "BCA/01", "BCA/66"));
    assertEquals(Set.of("tip_rollup_p_national", "tip_rollup_month_p_national", "tip_rollup_p01", "tip_rollup_month_p01",
        "tip_rollup_p66", "tip_rollup_month_p66"), national);
    assertTrue(subtree("BCA/79/26734").stream().allMatch(r -> r.endsWith("_p79")));
  }

  @Test
  void conversation_figures_are_read_from_the_units_province_partitions_only() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2026, 12, 3);
    assertEquals(Set.of("tip_conversation_rollup_p01"), explain(ConversationRepository.ONE, "BCA/01/00004", true, from, to));
    assertEquals(Set.of("tip_conversation_rollup_p66"), explain(ConversationRepository.ONE, "BCA/66", false, from, to));
    assertEquals(Set.of("tip_conversation_rollup_p_national"), explain(ConversationRepository.ONE, "BCA", false, from, to));
    List<String> paths = List.of("BCA", "BCA/01", "BCA/66");
    assertEquals(Set.of("tip_conversation_rollup_p_national", "tip_conversation_rollup_p01", "tip_conversation_rollup_p66"),
        explain(ConversationRepository.SUBTREES, paths.toArray(String[]::new), from, to, RollupRepository.provinces(paths)));
  }
}
