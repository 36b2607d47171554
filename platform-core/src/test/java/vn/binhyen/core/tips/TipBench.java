package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.ConfigLoader;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Benchmarks of the tips module (run by deploy/bench/tips-*.sh with -Dbench=true; not part of
 * the test suite). Each prints its figure next to the ceiling measured in the same run.
 */
class TipBench {

  private static final int CLIENTS = 32;

  static void requireBench() {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmarks run only with -Dbench=true");
  }

  /** Public JSON intake over HTTP vs single-row INSERTs with 32 in flight, both on a durable (fsync on) server. */
  @Test
  void intake_over_http_against_the_durable_single_insert_ceiling() throws Exception {
    requireBench();
    int seconds = Integer.getInteger("bench.seconds", 15);
    Path dir = Files.createTempDirectory(Path.of("target"), "bench-node-");
    int clusterPort = freePort();
    Map<String, String> env = new HashMap<>(Map.of("BINHYEN_DATA_DIR", dir.toAbsolutePath().toString(),
        "BINHYEN_HTTP_PORT", "0", "BINHYEN_HTTP_INSTANCES", "2", "BINHYEN_DB_POOL_SIZE", "32",
        "BINHYEN_CLUSTER_NAME", "bench-" + clusterPort, "BINHYEN_CLUSTER_PORT", String.valueOf(clusterPort),
        "BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort));
    try (Platform node = Platform.start(ConfigLoader.from(env))) {
      DemoCountry.seed(node.services(), node.modules(), Optional.of(TestPlatform.PASSWORD));
      String jdbc = jdbcUrl(node.dbUrl());
      try (Connection c = DriverManager.getConnection(jdbc); var st = c.createStatement()) {
        st.execute("SHOW fsync");
        st.execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())");
      }
      Result ceiling = run(seconds, () -> {
        Connection c = DriverManager.getConnection(jdbc);
        var ps = c.prepareStatement("INSERT INTO bench_insert (body) VALUES (?)");
        return () -> {
          ps.setString(1, "Có người lạ mạo danh công an gọi điện yêu cầu chuyển tiền");
          ps.executeUpdate();
        };
      });
      Http http = new Http(node.httpPort());
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String body = new JsonObject().put("unit", "00004").put("category", "fraud")
          .put("text", "Có người lạ mạo danh công an gọi điện yêu cầu chuyển tiền").encode();
      Result intake = run(seconds, () -> () -> {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/public/tips"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          throw new IllegalStateException(r.statusCode() + " " + r.body()
              + " (raise BINHYEN_TIPS_SUBMIT_PER_MINUTE for the benchmark)");
        }
      });
      double ratio = intake.perSecond() / ceiling.perSecond();
      System.out.printf("BENCH tips.intake http=%.0f/s p50=%.1fms p99=%.1fms | ceiling single INSERT=%.0f/s p50=%.1fms p99=%.1fms | ratio=%.2f (%d clients, %d s, fsync on)%n",
          intake.perSecond(), intake.p(50), intake.p(99), ceiling.perSecond(), ceiling.p(50), ceiling.p(99), ratio, CLIENTS, seconds);
      try (Connection c = DriverManager.getConnection(jdbc)) {
        assertTrue(TipFixturesSql.diff(c) == 0, "roll-ups exact after the load");
      }
    }
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
      st.execute("ANALYZE tip");
      st.execute("ANALYZE tip_rollup");
      long t2 = System.nanoTime();
      System.out.printf("BENCH tips.rollup generated %d tips in %.0f s, rebuilt roll-ups in %.0f s%n", tips,
          (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
    Http http = TipWorld.http();
    String token = http.login("ministry-supervisor");
    String range = "from=2025-07-01&to=2026-06-30";
    Map<String, double[]> results = new java.util.LinkedHashMap<>();
    for (String group : List.of("total", "category", "status", "child", "day")) {
      String path = "/api/units/BCA/rollup?groupBy=" + group + "&" + range;
      for (int i = 0; i < 20; i++) {
        http.get(path, token);
      }
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long s = System.nanoTime();
        Http.Response r = http.get(path, token);
        ms.add((System.nanoTime() - s) / 1e6);
        assertTrue(r.status() == 200, r.toString());
      }
      Collections.sort(ms);
      results.put(group, new double[] {ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95))});
    }
    // The same queries in process (service + pool, no HTTP, no token check).
    var rollups = TipWorld.demo().services().get(vn.binhyen.core.tips.rollup.RollupService.class);
    var national = TipWorld.demo().services().tenantDirectory().byCode("BCA").toCompletionStage().toCompletableFuture().get();
    Map<String, double[]> direct = new java.util.LinkedHashMap<>();
    for (String group : List.of("total", "category", "status", "child", "day")) {
      var q = new vn.binhyen.core.tips.rollup.RollupQuery(java.time.LocalDate.parse("2025-07-01"),
          java.time.LocalDate.parse("2026-06-30"), group, false);
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < 220; i++) {
        long s = System.nanoTime();
        rollups.rollup(national, q).toCompletionStage().toCompletableFuture().get();
        if (i >= 20) {
          ms.add((System.nanoTime() - s) / 1e6);
        }
      }
      Collections.sort(ms);
      direct.put(group, new double[] {ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95))});
    }
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

  interface Op { void run() throws Exception; }
  interface OpFactory { Op create() throws Exception; }

  record Result(long count, double seconds, double[] latenciesMs) {
    double perSecond() { return count / seconds; }
    double p(int pct) {
      return latenciesMs.length == 0 ? 0 : latenciesMs[Math.min(latenciesMs.length - 1, latenciesMs.length * pct / 100)];
    }
  }

  private static Result run(int seconds, OpFactory factory) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    List<List<Double>> lat = new ArrayList<>();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < CLIENTS; i++) {
      Op op = factory.create();
      List<Double> mine = new ArrayList<>();
      lat.add(mine);
      threads.add(new Thread(() -> {
        while (!stop.get()) {
          long s = System.nanoTime();
          try {
            op.run();
          } catch (Throwable e) {
            errors.add(e);
            return;
          }
          mine.add((System.nanoTime() - s) / 1e6);
        }
      }));
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!errors.isEmpty()) {
      throw new IllegalStateException(errors.get(0));
    }
    double[] all = lat.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(all);
    return new Result(all.length, elapsed, all);
  }

  private static String jdbcUrl(String url) {
    // postgresql://user@host:port/db
    String rest = url.substring("postgresql://".length());
    String user = rest.substring(0, rest.indexOf('@'));
    return "jdbc:postgresql://" + rest.substring(rest.indexOf('@') + 1) + "?user=" + user;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The roll-up check of {@link TipFixtures} on any connection. */
  static final class TipFixturesSql {
    static long diff(Connection c) throws Exception {
      try (var st = c.createStatement(); var rs = st.executeQuery(TipFixtures.ROLLUP_DIFF)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
