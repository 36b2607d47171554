package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.importing.UnitImportService;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TipRollups;

/**
 * The 2025 reform replayed over many generated tips (deploy/bench/reform-bench.sh, -Dbench=true;
 * not part of the test suite): the pre-2025 country, {@code bench.tips} tips (one receive event
 * each) spread over every old commune, then the real mapping as one transaction. Prints dry run and
 * apply beside the ceiling of the same run (a plain UPDATE moving the same rows between the same
 * units, roll-up trigger skipped), checks every tip at its successor, the count unchanged, events
 * in their tip's partition and every roll-up row equal to a GROUP BY; then the national roll-up's
 * p95 on the partitioned counters beside a GROUP BY over the tips.
 */
class ReformBench {

  static final String DATABASE = "admin_reform_bench";

  @Test
  void reform_over_generated_tips() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmarks run only with -Dbench=true");
    long n = Long.getLong("bench.tips", 1_000_000L);
    // The SLA sweep would flag generated tips in the middle of the measurements.
    Platform node = TestNode.start(DATABASE, TestNode.newClusterName(), Map.of("BINHYEN_TIPS_SLA_SWEEP_SECONDS", "86400"));
    try {
      Services s = node.services();
      DemoCountry.ensureRoot(s).await();
      s.get(UnitImportService.class).importCsv(null, s.tenantDirectory().byCode("BCA").await(),
          ReformReplayIT.bytes("units-pre2025.csv"), false).await();
      try (Connection c = TestDatabase.connect(DATABASE); Statement st = c.createStatement()) {
        long t0 = System.nanoTime();
        generate(st, n);
        System.out.printf("BENCH reform.generate %d tips and %d events in %.0f s (roll-ups by the trigger, vacuumed)%n", n,
            scalar(st, "SELECT count(*) FROM tip_event"), (System.nanoTime() - t0) / 1e9);
        st.execute("CREATE TABLE bench_before AS SELECT id, tenant_id FROM tip");
      }
      ReformPlan plan;
      try (InputStream mapping = getClass().getResourceAsStream("/data/reform-2025-mapping.csv")) {
        plan = new ReformPlanner().plan(ReformReplayIT.rows("units-pre2025.csv"), ReformReplayIT.rows("units-2025.csv"),
            ReformMappingReader.read(mapping).rows());
      }
      long t1 = System.nanoTime();
      ReformApplier.Applied dry = new ReformApplier(s).apply(plan, true).await();
      double dryS = (System.nanoTime() - t1) / 1e9;
      long t2 = System.nanoTime();
      ReformApplier.Applied done = new ReformApplier(s).apply(plan, false).await();
      double applyS = (System.nanoTime() - t2) / 1e9;
      try (Connection c = TestDatabase.connect(DATABASE); Statement st = c.createStatement()) {
        long moved = scalar(st, "SELECT count(*) FROM tip t JOIN bench_before b USING (id) WHERE t.tenant_id <> b.tenant_id");
        long crossed = scalar(st, """
            SELECT count(*) FROM tip t JOIN bench_before b USING (id) JOIN tenant o ON o.id = b.tenant_id
             WHERE split_part(o.path, '/', 2) <> split_part(t.tenant_path, '/', 2)""");
        System.out.printf("BENCH reform.dry_run %.1f s (tipsMoved %s)%n", dryS, dry.followed().get("tipsMoved"));
        System.out.printf("BENCH reform.apply %.1f s (tipsMoved %s; %d tips at another unit, %d of them in another"
            + " province's partition)%n", applyS, done.followed().get("tipsMoved"), moved, crossed);
        assertEquals(n, scalar(st, "SELECT count(*) FROM tip"), "tip count unchanged");
        assertEquals(dry.followed().get("tipsMoved"), done.followed().get("tipsMoved"), "dry run counts what apply moves");
        assertEquals(0, scalar(st, """
            SELECT count(*) FROM tip p JOIN tenant t ON t.id = p.tenant_id
             WHERE t.valid_to IS NOT NULL OR p.tenant_path <> t.path"""), "every tip at a current unit, at its path");
        assertEquals(0, scalar(st, """
            SELECT count(*) FROM tip t JOIN bench_before b USING (id)
             WHERE t.tenant_id <> b.tenant_id AND NOT EXISTS (
                   SELECT 1 FROM tenant_successor x WHERE x.tenant_id = b.tenant_id AND x.successor_id = t.tenant_id)"""),
            "every moved tip at a successor of its old unit");
        assertEquals(0, scalar(st, """
            SELECT count(*) FROM tip_event e JOIN tip t ON t.id = e.tip_id
             WHERE e.province <> split_part(t.tenant_path, '/', 2)"""), "events in their tip's partition");
        long c0 = System.nanoTime();
        assertEquals(0, scalar(st, TipRollups.DIFF), "every roll-up row equals a GROUP BY");
        System.out.printf("BENCH reform.check roll-ups equal a GROUP BY (%.0f s to check)%n", (System.nanoTime() - c0) / 1e9);
        ceiling(st);
        nationalRollup(st);
      }
    } finally {
      node.close();
    }
  }

  /** The same rows moved back to their old units by a plain UPDATE (roll-up trigger skipped), rolled back. */
  private static void ceiling(Statement st) throws Exception {
    st.getConnection().setAutoCommit(false);
    st.execute("SET LOCAL binhyen.rollup_bulk = 'on'");
    long t0 = System.nanoTime();
    int rows = st.executeUpdate("""
        UPDATE tip t SET tenant_id = b.tenant_id, tenant_path = o.path, updated_at = now()
          FROM bench_before b JOIN tenant o ON o.id = b.tenant_id
         WHERE b.id = t.id AND t.tenant_id <> b.tenant_id""");
    double s = (System.nanoTime() - t0) / 1e9;
    st.getConnection().rollback();
    st.getConnection().setAutoCommit(true);
    System.out.printf("BENCH reform.ceiling plain UPDATE of the same %d tips' unit: %.1f s%n", rows, s);
  }

  /** National figures for the last year by category: the counters (as RollupRepository reads them) vs a GROUP BY. */
  private static void nationalRollup(Statement st) throws Exception {
    String counters = """
        SELECT key, dim, sum(n)::bigint FROM (
          SELECT key, dim, n FROM tip_rollup
           WHERE unit_path = 'BCA' AND province = '' AND dim = ANY('{t,c}') AND own = false
             AND day BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'
          UNION ALL
          SELECT key, dim, n FROM tip_rollup_month
           WHERE unit_path = 'BCA' AND province = '' AND dim = ANY('{t,c}') AND month BETWEEN DATE '2025-07-01' AND DATE '2026-05-01'
        ) x GROUP BY key, dim""";
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      long t0 = System.nanoTime();
      try (ResultSet r = st.executeQuery(counters)) {
        while (r.next()) {
          r.getLong(3);
        }
      }
      if (i >= 20) {
        ms.add((System.nanoTime() - t0) / 1e6);
      }
    }
    Collections.sort(ms);
    double p95 = ms.get((int) (ms.size() * 0.95));
    long g0 = System.nanoTime();
    scalar(st, "SELECT count(*) FROM (SELECT category, count(*) FROM tip"
        + " WHERE received_day BETWEEN DATE '2025-06-01' AND DATE '2026-05-31' GROUP BY category) x");
    double groupBy = (System.nanoTime() - g0) / 1e6;
    System.out.printf("BENCH rollup.national p50 %.2f ms, p95 %.2f ms (200 reads, JDBC); GROUP BY over the tips %.0f ms"
        + " (%.0f x the p95)%n", ms.get(ms.size() / 2), p95, groupBy, groupBy / p95);
  }

  /**
   * Tips over every old commune (nine categories, six statuses, 20 days of June 2025, some
   * breaches) in one INSERT, counted by the statement roll-up trigger (ALTER TABLE … DISABLE
   * TRIGGER on the partitioned table deadlocked with the node's own statements).
   */
  private static void generate(Statement st, long n) throws Exception {
    st.execute("""
        INSERT INTO tip (receipt, secret_hash, tenant_id, tenant_path, key_tenant, category, status, source,
                         body, body_folded, received_day, sla_due_at, sla_breached)
        SELECT 'RB' || g, '\\x00'::bytea, u.ids[k], u.paths[k], u.codes[k],
               (ARRAY['security_order','crime','drugs','fraud','traffic','fire','officer_conduct',
                      'admin_question','other'])[1 + (g % 9)::int],
               (ARRAY['received','triaged','assigned','in_progress','resolved','rejected'])[1 + (g * 5 % 6)::int],
               'web', 'Tin báo', 'tin bao', DATE '2025-06-01' + (g * 7 % 20)::int, timestamptz '2100-01-01', g % 7 = 0
          FROM (SELECT array_agg(id ORDER BY id) AS ids, array_agg(path ORDER BY id) AS paths,
                       array_agg(code ORDER BY id) AS codes, count(*)::int AS n
                  FROM tenant WHERE level = 'commune' AND valid_to IS NULL) u,
               generate_series(1::bigint, :count) g,
               LATERAL (SELECT 1 + ((g * 7919) % u.n)::int AS k) pick""".replace(":count", String.valueOf(n)));
    st.execute("""
        INSERT INTO tip_event (tip_id, kind, action, to_status, actor_name, unit_path, province)
        SELECT id, 'transition', 'receive', 'received', 'Người báo tin', tenant_path, split_part(tenant_path, '/', 2)
          FROM tip""");
    st.execute("VACUUM (ANALYZE) tip, tip_event, tip_rollup, tip_rollup_month");
  }

  private static long scalar(Statement st, String sql) throws Exception {
    try (ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
