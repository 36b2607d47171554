package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

/**
 * The national roll-up benchmark (run by deploy/bench/tips-bench.sh with -Dbench=true; not part
 * of the test suite): it prints its figures next to the GROUP BY measured in the same run. Intake
 * is measured against the running jar by deploy/bench/tips-intake-bench.sh (wrk and pgbench).
 */
class TipBench {


  static void requireBench() {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmarks run only with -Dbench=true");
  }

  /** National roll-up over generated tips (34 provinces, 3,321 communes, one year) vs GROUP BY. */
  @Test
  void national_rollup_against_group_by() throws Exception {
    requireBench();
    long tips = Long.getLong("bench.tips", 10_000_000L);
    TipWorld.demo();
    try (Connection c = TipFixtures.owner(); var st = c.createStatement()) {
      long t0 = System.nanoTime();
      st.execute("ALTER TABLE tip DISABLE TRIGGER tip_rollup_insert");
      st.execute("""
          INSERT INTO tip (receipt, secret_hash, tenant_id, tenant_path, key_tenant, category, status, source,
                           body, body_folded, received_at, received_day, sla_due_at, first_response_at, sla_breached)
          SELECT 'BENCH' || g, '\\x00'::bytea, u.ids[(1 + (g * 7919) % u.n)::int], u.paths[(1 + (g * 7919) % u.n)::int],
                 u.codes[(1 + (g * 7919) % u.n)::int],
                 (ARRAY['security_order','crime','drugs','fraud','traffic','fire','officer_conduct','admin_question','other'])[(1 + (g * 31) % 9)::int],
                 (ARRAY['received','triaged','assigned','in_progress','resolved','rejected'])[(1 + (g * 17) % 6)::int],
                 'web', 'bench', 'bench',
                 timestamptz '2025-07-01 00:00+07' + make_interval(days => (g % 365)::int, secs => (g % 86400)::int),
                 date '2025-07-01' + (g % 365)::int,
                 timestamptz '2025-07-02 00:00+07' + make_interval(days => (g % 365)::int),
                 timestamptz '2025-07-01 06:00+07' + make_interval(days => (g % 365)::int, secs => (g % 86400)::int),
                 g % 50 = 0
            FROM generate_series(1::bigint, TIPS) AS g,
                 (SELECT array_agg(id ORDER BY id) AS ids, array_agg(path ORDER BY id) AS paths,
                         array_agg(code ORDER BY id) AS codes, count(*)::int AS n
                    FROM tenant WHERE level = 'commune' AND valid_to IS NULL) AS u""".replace("TIPS", String.valueOf(tips)));
      st.execute("ALTER TABLE tip ENABLE TRIGGER tip_rollup_insert");
      long t1 = System.nanoTime();
      st.execute("SELECT tip_rollup_rebuild()");
      // What an operator runs after a bulk load (and what keeps autovacuum from starting on the
      // fresh tables in the middle of the measurements): hint bits, visibility map, statistics.
      st.execute("VACUUM (ANALYZE) tip");
      st.execute("VACUUM (ANALYZE) tip_rollup");
      st.execute("VACUUM (ANALYZE) tip_rollup_month");
      long t2 = System.nanoTime();
      System.out.printf("BENCH tips.rollup generated %d tips in %.0f s, rebuilt roll-ups and vacuumed in %.0f s%n", tips,
          (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
    Http http = TipWorld.http();
    String token = http.login("ministry-supervisor");
    String range = "from=2025-07-01&to=2026-06-30";
    // One keep-alive connection of a Vert.x client on its own Vert.x instance: java.net.http in
    // this JVM added about a millisecond of its own per call.
    io.vertx.core.Vertx clientVertx = io.vertx.core.Vertx.vertx();
    io.vertx.core.http.HttpClient client = clientVertx.createHttpClient(
        new io.vertx.core.http.HttpClientOptions().setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(1));
    int port = TipWorld.demo().httpPort();
    java.util.function.Function<String, Integer> get = path -> {
      try {
        return client.request(io.vertx.core.http.HttpMethod.GET, port, "localhost", path)
            .compose(req -> req.putHeader("Authorization", "Bearer " + token).send())
            .compose(resp -> resp.body().map(body -> resp.statusCode()))
            .toCompletionStage().toCompletableFuture().get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    Map<String, double[]> results = new java.util.LinkedHashMap<>();
    // Warm-up: every grouping 200 times first (JIT, pool, caches), so the first one measured is
    // not the one that pays for it.
    for (int i = 0; i < 200; i++) {
      for (String group : List.of("total", "category", "status", "child", "day")) {
        get.apply("/api/units/BCA/rollup?groupBy=" + group + "&" + range);
      }
    }
    // HTTP and in process (service + pool, no HTTP, no token check) alternate call by call, so
    // both see the same machine and the same database state.
    var rollups = TipWorld.demo().services().get(vn.binhyen.core.tips.rollup.RollupService.class);
    var national = TipWorld.demo().services().tenantDirectory().byCode("BCA").toCompletionStage().toCompletableFuture().get();
    Map<String, double[]> direct = new java.util.LinkedHashMap<>();
    for (String group : List.of("total", "category", "status", "child", "day")) {
      String path = "/api/units/BCA/rollup?groupBy=" + group + "&" + range;
      var q = new vn.binhyen.core.tips.rollup.RollupQuery(java.time.LocalDate.parse("2025-07-01"),
          java.time.LocalDate.parse("2026-06-30"), group, false);
      List<Double> overHttp = new ArrayList<>();
      List<Double> inProcess = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long s = System.nanoTime();
        int status = get.apply(path);
        overHttp.add((System.nanoTime() - s) / 1e6);
        assertTrue(status == 200, path + ": " + status);
        s = System.nanoTime();
        rollups.rollup(national, q).toCompletionStage().toCompletableFuture().get();
        inProcess.add((System.nanoTime() - s) / 1e6);
      }
      Collections.sort(overHttp);
      Collections.sort(inProcess);
      results.put(group, new double[] {overHttp.get(100), overHttp.get(190)});
      direct.put(group, new double[] {inProcess.get(100), inProcess.get(190)});
    }
    clientVertx.close();
    List<Double> groupBy = new ArrayList<>();
    try (Connection c = TipFixtures.owner(); var st = c.createStatement()) {
      for (int i = 0; i < 5; i++) {
        long s = System.nanoTime();
        st.executeQuery("SELECT category, count(*) FROM tip WHERE (tenant_path LIKE 'BCA/%') AND received_day BETWEEN '2025-07-01' AND '2026-06-30' GROUP BY category").close();
        groupBy.add((System.nanoTime() - s) / 1e6);
      }
    }
    Collections.sort(groupBy);
    double gb = groupBy.get(groupBy.size() / 2);
    results.forEach((g, r) -> System.out.printf("BENCH tips.rollup national groupBy=%s over HTTP p50=%.2fms p95=%.2fms | in process p50=%.2fms p95=%.2fms | GROUP BY over tips median=%.0fms | speed-up (p95 HTTP / in process)=%.0fx / %.0fx%n",
        g, r[0], r[1], direct.get(g)[0], direct.get(g)[1], gb, gb / r[1], gb / direct.get(g)[1]));
  }
}
