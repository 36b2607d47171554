package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.scalar;
import static vn.binhyen.core.tips.TipFixtures.scalarText;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.testing.Explain;

/**
 * Tips and their events are partitioned by province (tips V15): the unit-scoped queries of the
 * code, explained by PostgreSQL with real values, read only the unit's province partition; new
 * provinces get their partitions; nothing is refused.
 */
class TipPartitionIT {

  private final Services s = TipWorld.demo().services();

  private Set<String> explain(String sql, Object... values) {
    return s.db().inScope("BCA", tx -> Explain.relations(tx, sql, Tuple.from(values))).await();
  }

  private static InboxQuery inbox(String path, boolean subtree) {
    return new InboxQuery(path, subtree, "open", null, "trộm", null, "overdue", 20, 0, null, false);
  }

  @Test
  void a_ward_and_a_province_inbox_scan_only_their_province_partition() {
    TipFixtures.submit("00004", "crime", "Trộm xe máy ở Ba Đình", null);
    TipFixtures.submit("24133", "fraud", "Lừa đảo ở Buôn Ma Thuột", null);
    for (InboxQuery q : new InboxQuery[] {inbox("BCA/01/00004", false), inbox("BCA/01/00004", true), inbox("BCA/01", true)}) {
      assertEquals(Set.of("tip_p01"), Explain.tipPartitions(explain(InboxRepository.sql(q), InboxRepository.values(q))),
          q.unitPath() + " subtree " + q.subtree());
    }
    assertEquals(Set.of("tip_p66"), Explain.tipPartitions(explain(InboxRepository.sql(inbox("BCA/66/24133", false)),
        InboxRepository.values(inbox("BCA/66/24133", false)))));
    // The ministry's own tips are the national partition's; its whole subtree is every partition.
    assertEquals(Set.of("tip_p_national"), Explain.tipPartitions(explain(InboxRepository.sql(inbox("BCA", false)),
        InboxRepository.values(inbox("BCA", false)))));
    Set<String> national = Explain.tipPartitions(explain(InboxRepository.sql(inbox("BCA", true)),
        InboxRepository.values(inbox("BCA", true))));
    assertTrue(national.size() > 30 && national.contains("tip_default"), national.toString());
  }

  @Test
  void a_tips_events_are_read_from_its_province_partition_only() throws Exception {
    JsonObject tip = TipFixtures.submit("00070", "traffic", "Xe chở quá tải", null);
    long id = tip.getLong("tipId");
    assertEquals("01", scalarText("SELECT province FROM tip_event WHERE tip_id = ?", id));
    // The events' partition is chosen when the statement is planned; the policy's look at the tip
    // (a correlated subquery) is pruned to the tip's partition while it runs.
    Set<String> planned = Explain.tipPartitions(explain(TipRepository.EVENTS, id, "BCA/01/00070"));
    assertEquals(Set.of("tip_event_p01"), planned.stream().filter(r -> r.startsWith("tip_event")).collect(
        java.util.stream.Collectors.toSet()), planned.toString());
    Set<String> read = Explain.tipPartitions(s.db().inScope("BCA/01/00070",
        tx -> Explain.scanned(tx, TipRepository.EVENTS, Tuple.of(id, "BCA/01/00070"))).await());
    assertEquals(Set.of("tip_event_p01", "tip_p01"), read);
  }

  @Test
  void a_new_province_gets_its_partitions_and_a_tip_moved_there_takes_its_events() throws Exception {
    long before = scalar("SELECT count(*) FROM pg_class WHERE relname IN ('tip_p98', 'tip_event_p98', 'tip_rollup_p98', 'tip_rollup_month_p98', 'tip_conversation_rollup_p98')");
    assertEquals(0, before);
    try (var c = TipFixtures.owner(); var st = c.createStatement()) {
      st.execute("""
          INSERT INTO tenant (code, name, name_folded, level, parent_id, path, depth)
          SELECT '98', 'Tỉnh thử', 'tinh thu', 'province', id, 'BCA/98', depth + 1 FROM tenant WHERE code = 'BCA'""");
    }
    assertEquals(5, scalar("SELECT count(*) FROM pg_class WHERE relname IN ('tip_p98', 'tip_event_p98', 'tip_rollup_p98', 'tip_rollup_month_p98', 'tip_conversation_rollup_p98')"));
    long id = TipFixtures.submit("00004", "crime", "Sẽ chuyển tỉnh", null).getLong("tipId");
    try (var c = TipFixtures.owner(); var st = c.createStatement()) {
      st.execute("UPDATE tip SET tenant_path = 'BCA/98' WHERE id = " + id);
    }
    assertEquals("tip_p98", scalarText("SELECT tableoid::regclass::text FROM tip WHERE id = ?", id));
    assertEquals("tip_event_p98", scalarText("SELECT DISTINCT tableoid::regclass::text FROM tip_event WHERE tip_id = ?", id));
    assertEquals(0, scalar(TipFixtures.ROLLUP_DIFF), "the move across partitions kept the roll-ups exact");
    // Back home, and the test province closed: the shared demo world stays as it was.
    try (var c = TipFixtures.owner(); var st = c.createStatement()) {
      st.execute("UPDATE tip SET tenant_path = 'BCA/01/00004' WHERE id = " + id);
      st.execute("UPDATE tenant SET valid_to = current_date WHERE code = '98'");
    }
    assertEquals("tip_event_p01", scalarText("SELECT DISTINCT tableoid::regclass::text FROM tip_event WHERE tip_id = ?", id));
    assertEquals(0, scalar(TipFixtures.ROLLUP_DIFF));
  }
}
