package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TipRollups;
import vn.binhyen.verifier.translog.Checkpoint;
import vn.binhyen.verifier.translog.Rfc9162;

/**
 * Three BinhYen nodes on PostgreSQL 15 under Patroni (synchronous replication, HAProxy routing to
 * the leader), under citizen tip load through every node: the leader's PostgreSQL killed with
 * SIGKILL, then a planned switchover. Intake comes back on the promoted replica within 30 s,
 * clients see only 2xx or 503 problem+json, every acknowledged tip is stored exactly once (in the
 * database and through the follow-up API), the roll-ups equal a GROUP BY, the old leader rejoins as
 * a replica by itself (pg_rewind), and the transparency log's signed heads before and after are
 * consistent (checked with the RFC 9162 verifier written from the RFC in channel-verifier's tests).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaFailoverIT {

  private static HaDatabase db;
  private static Cluster cluster;
  private static JsonObject firstHead;

  @BeforeAll
  static void start() throws Exception {
    db = HaDatabase.start("failover");
    cluster = Cluster.start("ha_failover", db.ownerUrl(), db.appPassword(), 3);
    firstHead = head(cluster.node(0).http());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  @Order(1)
  void a_killed_leader_is_replaced_within_30_s_without_losing_an_acknowledged_tip() throws Exception {
    String old = db.leader().orElseThrow();
    TipWrites write = new TipWrites("Tin báo HA mất máy chủ số ");
    List<LoadGenerator.Outcome> outcomes;
    long killedAt;
    String promoted;
    try (LoadGenerator load = new LoadGenerator(cluster.nodes, write, 6).start()) {
      long t0 = System.nanoTime();
      for (ExternalNode n : cluster.nodes) {
        load.awaitAcknowledged(n.name, t0, 20);
      }
      db.killPostgres(old);
      killedAt = System.nanoTime();
      HaDatabase.awaitTrue(60, "a replica promoted", () -> db.leader().filter(l -> !l.equals(old)).isPresent());
      promoted = db.leader().orElseThrow();
      for (ExternalNode n : cluster.nodes) {
        load.awaitAcknowledged(n.name, killedAt, 20);
      }
      // Patroni restarts the old leader's PostgreSQL as a replica (pg_rewind): no manual step.
      HaDatabase.awaitTrue(120, old + " rejoins as a replica", () -> rejoined(old));
      load.awaitAcknowledged(cluster.node(0).name, System.nanoTime(), 10);
      load.close();
      outcomes = load.outcomes();
    }
    long firstAck = outcomes.stream().filter(o -> o.acknowledged() && o.startNanos() > killedAt)
        .mapToLong(LoadGenerator.Outcome::endNanos).min().orElseThrow();
    long failoverMs = (firstAck - killedAt) / 1_000_000;
    long refused = outcomes.stream().filter(o -> o.startNanos() > killedAt && !o.acknowledged()).count();
    System.out.printf("HA failover: %s killed, %s promoted; first tip acknowledged %d ms after the kill;"
        + " %d tips answered 503 during it; %s%n", old, promoted, failoverMs, refused, NodeLossIT.summary(outcomes));
    assertTrue(failoverMs <= 30_000, "intake back within 30 s: " + failoverMs + " ms");
    checkOutcomes(write, outcomes);
  }

  @Test
  @Order(2)
  void a_switchover_under_load_loses_no_acknowledged_tip_and_answers_no_500() throws Exception {
    HaDatabase.awaitTrue(120, "a synchronous standby", () -> db.cluster().getJsonArray("members").stream()
        .map(JsonObject.class::cast).anyMatch(m -> "sync_standby".equals(m.getString("role"))));
    String old = db.leader().orElseThrow();
    TipWrites write = new TipWrites("Tin báo HA chuyển máy chủ số ");
    List<LoadGenerator.Outcome> outcomes;
    try (LoadGenerator load = new LoadGenerator(cluster.nodes, write, 6).start()) {
      long t0 = System.nanoTime();
      for (ExternalNode n : cluster.nodes) {
        load.awaitAcknowledged(n.name, t0, 20);
      }
      Script.Result switched = db.switchover(old);
      assertEquals(0, switched.code(), switched.out());
      long switchedAt = System.nanoTime();
      HaDatabase.awaitTrue(60, "a new leader", () -> db.leader().filter(l -> !l.equals(old)).isPresent());
      for (ExternalNode n : cluster.nodes) {
        load.awaitAcknowledged(n.name, switchedAt, 20);
      }
      HaDatabase.awaitTrue(120, old + " rejoins as a replica", () -> rejoined(old));
      load.close();
      outcomes = load.outcomes();
    }
    List<LoadGenerator.Outcome> refusals = outcomes.stream().filter(o -> !o.acknowledged()).toList();
    long window = refusals.isEmpty() ? 0 : (refusals.stream().mapToLong(LoadGenerator.Outcome::endNanos).max().orElseThrow()
        - refusals.stream().mapToLong(LoadGenerator.Outcome::startNanos).min().orElseThrow()) / 1_000_000;
    System.out.printf("HA switchover from %s to %s: %d tips answered 503 within %d ms; %s%n", old,
        db.leader().orElse("?"), refusals.size(), window, NodeLossIT.summary(outcomes));
    assertEquals(0, outcomes.stream().filter(o -> o.status() == 500).count(), "no 500 during a switchover");
    checkOutcomes(write, outcomes);
  }

  /** Runs last: heads signed before the failovers and after a new issuance are consistent. */
  @Test
  @Order(3)
  void the_transparency_logs_signed_heads_before_and_after_the_failovers_are_consistent() {
    Http http = cluster.node(1).http();

    issueAttestation(http);
    long first = firstHead.getLong("treeSize");
    // The approval's attestation is issued by the outbox relay: it resumed after the failovers.
    HaDatabase.awaitTrue(60, "the log grows past " + first, () -> head(http).getLong("treeSize") > first);
    JsonObject after = head(http);
    long second = after.getLong("treeSize");
    JsonArray path = http.get("/api/public/log/proof/consistency?first=" + first + "&second=" + second, null)
        .json().getJsonArray("proof");
    List<byte[]> proof = new ArrayList<>();
    path.forEach(h -> proof.add(Base64.getDecoder().decode((String) h)));
    assertTrue(Rfc9162.verifyConsistency(first, second, root(firstHead), root(after), proof),
        "the head before the failovers is a prefix of the head after them");
    // Every node serves the same signed head.
    for (ExternalNode n : cluster.nodes) {
      assertEquals(second, head(n.http()).getLong("treeSize"), n.name);
    }
  }

  /**
   * A base backup, tip A, the moment noted, tip B; restored into a fresh directory to that moment
   * (base backup + the WAL archive): A is there, B is not, and so is the rest of the demo country.
   */
  @Test
  @Order(4)
  void a_point_in_time_restore_brings_the_database_back_as_of_a_chosen_moment() throws Exception {
    Script.Result backup = db.script(300, "backup");
    assertEquals(0, backup.code(), backup.out());
    String base = backup.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    TipWrites write = new TipWrites("Tin báo HA khôi phục số ");
    Http http = cluster.node(0).http();
    assertEquals(201, write.send(http, 1).status(), "tip A");
    String moment;
    try (Connection c = db.superuser(); var st = c.createStatement()) {
      moment = first(st, "SELECT clock_timestamp()::text");
      assertEquals(201, write.send(http, 2).status(), "tip B");
      String segment = first(st, "SELECT pg_walfile_name(pg_current_wal_lsn())");
      st.execute("SELECT pg_switch_wal()");
      HaDatabase.awaitTrue(60, "WAL segment " + segment + " archived", () -> {
        try {
          String last = first(st, "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver");
          return last.compareTo(segment) >= 0;
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
    int port = Cluster.freePort();
    java.nio.file.Path target = db.state.resolve("restored-" + port);
    long t0 = System.nanoTime();
    Script.Result restored = db.script(360, "restore", base, moment, target.toString(), Integer.toString(port));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, restored.code(), restored.out());
    vn.binhyen.core.db.DbUrl owner = vn.binhyen.core.db.DbUrl.parse(db.ownerUrl());
    try (Connection c = HaDatabase.connect(new vn.binhyen.core.db.DbUrl("127.0.0.1", port, owner.database(),
        owner.user(), owner.password()))) {
      assertEquals(Map.of(1, 1), write.stored(c), "A restored, B (after the moment) not");
      try (var st = c.createStatement()) {
        assertTrue(Long.parseLong(first(st, "SELECT count(*) FROM tenant")) > 3_000, "the demo country's units");
      }
    }
    System.out.printf("HA point-in-time restore: base backup + WAL replay to %s took %d ms (%s)%n", moment, ms, base);
  }

  private static String first(java.sql.Statement st, String sql) throws java.sql.SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** 2xx or 503 problem+json with Retry-After only; every acknowledged tip stored exactly once. */
  private static void checkOutcomes(TipWrites write, List<LoadGenerator.Outcome> outcomes) throws Exception {
    List<LoadGenerator.Outcome> bad = outcomes.stream()
        .filter(o -> !o.acknowledged() && !(o.status() == 503 && o.problemJson() && o.retryAfter())).toList();
    assertEquals(List.of(), bad, "clients saw only 2xx or 503 problem+json with Retry-After");
    Map<Integer, Integer> stored;
    long rollupDiff;
    try (Connection c = db.owner()) {
      stored = write.stored(c);
      try (var st = c.createStatement(); ResultSet rs = st.executeQuery(TipRollups.DIFF)) {
        rs.next();
        rollupDiff = rs.getLong(1);
      }
    }
    List<Integer> acknowledged = outcomes.stream().filter(LoadGenerator.Outcome::acknowledged)
        .map(LoadGenerator.Outcome::n).toList();
    assertEquals(List.of(), acknowledged.stream().filter(n -> stored.getOrDefault(n, 0) != 1).toList(),
        "acknowledged tips not stored exactly once");
    assertTrue(stored.values().stream().allMatch(count -> count == 1), "no tip is stored twice");
    assertEquals(0, rollupDiff, "roll-ups equal a GROUP BY");
    // The follow-up API on the new primary: the 20 tips acknowledged last (the follow-up API allows
    // 60 reads a minute from one address, and two tests use it).
    List<Integer> sample = acknowledged.stream().sorted(Comparator.reverseOrder()).limit(20).toList();
    for (int i = 0; i < sample.size(); i++) {
      JsonObject receipt = write.receipts.get(sample.get(i));
      Http http = cluster.node(i % cluster.nodes.size()).http();
      Http.Response followed = http.raw("GET", "/api/public/tips/" + receipt.getString("receipt"), new byte[0],
          null, null, Map.of("X-Tip-Secret", receipt.getString("secret")));
      assertEquals(200, followed.status(), followed.toString());
      assertTrue(followed.json().getString("text").endsWith("số " + sample.get(i)), followed.toString());
    }
  }

  private static boolean rejoined(String member) {
    try {
      String role = db.roleOf(member);
      return (role.startsWith("replica/") || role.startsWith("sync_standby/"))
          && (role.endsWith("/streaming") || role.endsWith("/running"));
    } catch (IllegalStateException noAnswer) {
      return false;
    }
  }

  private static JsonObject head(Http http) {
    JsonObject head = http.get("/api/public/log/head", null).json();
    // The signature on the checkpoint is the log key's (checked against the published verifier key).
    assertEquals(head.getLong("treeSize"),
        Checkpoint.verify(head.getString("checkpoint"), head.getString("verifierKey")).size());
    return head;
  }

  private static byte[] root(JsonObject head) {
    return Base64.getDecoder().decode(head.getString("rootHash"));
  }

  /** A unit's page registered, submitted and approved through the API: one log entry more. */
  private static void issueAttestation(Http http) {
    String handle = "ha.test." + System.nanoTime();
    String officer = http.login("badinh-officer");
    Http.Response created = http.post("/api/admin/units/00004/channels", new JsonObject()
        .put("platform", "facebook_page").put("link", "https://www.facebook.com/" + handle)
        .put("name", "Công an phường Ba Đình - trang thử HA"), officer);
    assertEquals(201, created.status(), created.toString());
    long id = created.json().getLong("id");
    assertEquals(200, http.post("/api/admin/channels/" + id + "/verification-request", null, officer).status());
    Http.Response approved = http.post("/api/admin/channels/" + id + "/approve", null, http.login("hanoi-admin"));
    assertEquals(200, approved.status(), approved.toString());
  }
}
