package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.db.EmbeddedDatabase;
import vn.binhyen.core.testing.Http;

/**
 * PostgreSQL stopped and started again (same folder, same port) under load through two nodes:
 * requests fail fast with 503 problem+json while it is down, readiness says so, service resumes
 * by itself, and no acknowledged write is lost.
 */
class DatabaseOutageIT {

  private static final Path DIR = Path.of("target", "outage-pg-" + ProcessHandle.current().pid()).toAbsolutePath();
  private static final Path BIN = Path.of(System.getProperty("java.io.tmpdir"), "binhyen-test-pg-bin");
  private static int port;
  private static EmbeddedDatabase postgres;
  private static Cluster cluster;

  @BeforeAll
  static void startDatabaseAndNodes() {
    port = Cluster.freePort();
    postgres = EmbeddedDatabase.start(DIR.resolve("data"), BIN, true, port);
    cluster = Cluster.start("outage", postgres.url(), postgres.credentials().appPassword(), 2);
  }

  @AfterAll
  static void stopAll() {
    if (cluster != null) {
      cluster.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** The platform's embedded server is durable: a commit is on disk before it is acknowledged. */
  @Test
  void the_durable_embedded_server_flushes_every_commit() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
        postgres.credentials().ownerUser(), postgres.credentials().ownerPassword());
        var st = c.createStatement()) {
      for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        try (var rs = st.executeQuery("SHOW " + setting)) {
          assertTrue(rs.next());
          assertEquals("on", rs.getString(1), setting);
        }
      }
    }
  }

  @Test
  void requests_fail_fast_with_503_while_the_database_is_down_and_resume_within_5_s_of_its_return()
      throws Exception {
    LoadGenerator.Write write = new UnitWrites(cluster.node(0).http());
    List<LoadGenerator.Outcome> outcomes;
    long returnedAt;
    try (LoadGenerator load = new LoadGenerator(cluster.nodes, write, 4).start()) {
      long t0 = System.nanoTime();
      for (ExternalNode n : cluster.nodes) {
        load.awaitAcknowledged(n.name, t0, 10);
      }

      postgres.close();
      for (ExternalNode n : cluster.nodes) {
        CrossNodeIT.awaitTrue(() -> databaseDown(n.http().get("/health/ready", null)),
            n + " never reported the database down");
        Http.Response read = n.http().get("/api/public/units?q=Ha%20Noi", null);
        assertTrue(read.isProblem(503, "unavailable") || read.status() == 200,
            "a read while the database is down is a 503 problem (or served from a cache): " + read);
      }
      long stillDown = System.nanoTime();
      CrossNodeIT.awaitTrue(() -> load.outcomes().stream()
              .filter(o -> o.startNanos() > stillDown).count() >= 20,
          "the load generator got no answers while the database was down");

      postgres = EmbeddedDatabase.start(DIR.resolve("data"), BIN, true, port);
      returnedAt = System.nanoTime();
      for (ExternalNode n : cluster.nodes) {
        load.awaitAcknowledged(n.name, returnedAt, 1);
        CrossNodeIT.awaitTrue(() -> n.http().get("/health/ready", null).status() == 200,
            n + " never became ready again");
      }
      load.close();
      outcomes = load.outcomes();
    }

    for (ExternalNode n : cluster.nodes) {
      long firstAck = outcomes.stream()
          .filter(o -> o.node().equals(n.name) && o.acknowledged() && o.startNanos() >= returnedAt)
          .mapToLong(LoadGenerator.Outcome::endNanos).min().orElseThrow();
      long ms = (firstAck - returnedAt) / 1_000_000;
      assertTrue(ms <= 5000, n + " resumed " + ms + " ms after the database returned");
      System.out.printf("Database outage: %s resumed %d ms after PostgreSQL returned%n", n.name, ms);
    }
    List<LoadGenerator.Outcome> failures = outcomes.stream().filter(o -> !o.acknowledged()).toList();
    assertTrue(failures.stream().allMatch(o -> o.status() == 503 && o.problemJson()),
        "every refused write is a 503 problem: " + NodeLossIT.summary(failures));
    long slowest = failures.stream().mapToLong(LoadGenerator.Outcome::millis).max().orElse(0);
    System.out.printf("Database outage: %d writes, %d refused with 503 (slowest refusal %d ms): %s%n",
        outcomes.size(), failures.size(), slowest, NodeLossIT.summary(outcomes));

    Map<Integer, Integer> stored;
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
        postgres.credentials().ownerUser(), postgres.credentials().ownerPassword())) {
      stored = write.stored(c);
    }
    List<Integer> lost = outcomes.stream().filter(LoadGenerator.Outcome::acknowledged)
        .map(LoadGenerator.Outcome::n).filter(n -> stored.getOrDefault(n, 0) != 1).toList();
    assertEquals(List.of(), lost, "acknowledged writes not stored exactly once");
  }

  private static boolean databaseDown(Http.Response ready) {
    return ready.status() == 503 && "DOWN".equals(ready.json().getJsonObject("checks").getString("database"));
  }
}
