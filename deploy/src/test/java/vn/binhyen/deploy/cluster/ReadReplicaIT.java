package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.db.DbUrl;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Stale-tolerant reads on Patroni's replicas (BINHYEN_DB_READ_URL at HAProxy's replica port): the
 * roll-up dashboard reads a replica while it is within its bound; with replay paused on every
 * replica the node notices within the bound, says so in readiness and reads the primary, so the
 * dashboard is never staler than the bound; with replay resumed it goes back to the replicas.
 */
class ReadReplicaIT {

  private static final int MAX_LAG_SECONDS = 3;
  private static HaDatabase db;
  private static Platform node;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = HaDatabase.start("reads");
    DbUrl owner = DbUrl.parse(db.ownerUrl());
    String readUrl = "postgresql://127.0.0.1:" + (db.base + 11) + "/" + owner.database();
    node = TestNode.start("ha_reads", TestNode.newClusterName(), Map.of(
        "BINHYEN_DB_URL", db.ownerUrl(), "BINHYEN_DB_APP_PASSWORD", db.appPassword(),
        "BINHYEN_DB_READ_URL", readUrl, "BINHYEN_DB_READ_MAX_LAG_SECONDS", Integer.toString(MAX_LAG_SECONDS),
        "BINHYEN_TIPS_SUBMIT_PER_MINUTE", "1000000"));
    DemoCountry.seed(node.services(), node.modules(), Optional.of(TestPlatform.PASSWORD));
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static JsonObject readReplica() {
    return http.get("/health/ready", null).json().getJsonObject("checks").getJsonObject("readReplica");
  }

  private static long total(String token) {
    return http.get("/api/units/01/rollup", token).json().getLong("total");
  }

  private static void tip() {
    Http.Response r = http.post("/api/public/tips", new JsonObject().put("unit", "00004").put("category", "other")
        .put("text", "Tin báo đọc từ bản sao"), null);
    assertEquals(201, r.status(), r.toString());
  }

  /** Superuser connections straight to each member that is a replica now (not through HAProxy). */
  private static List<Connection> replicas() throws Exception {
    String password = Files.readAllLines(db.state.resolve("secrets.properties")).stream()
        .filter(l -> l.startsWith("superuser=")).map(l -> l.substring("superuser=".length())).findFirst().orElseThrow();
    DbUrl owner = DbUrl.parse(db.ownerUrl());
    List<Connection> out = new ArrayList<>();
    for (int member = 1; member <= 3; member++) {
      Connection c = HaDatabase.connect(new DbUrl("127.0.0.1", db.base + 20 + member, owner.database(), "postgres", password));
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (rs.getBoolean(1)) {
          out.add(c);
        } else {
          c.close();
        }
      }
    }
    return out;
  }

  /**
   * Pauses or resumes WAL replay on the replicas. Patroni resumes a paused replay by itself, so it
   * is put in maintenance mode first (patronictl pause), as an operator would.
   */
  private static void replay(List<Connection> replicas, boolean on) throws Exception {
    if (!on) {
      patronictl("pause");
    }
    for (Connection c : replicas) {
      try (Statement st = c.createStatement()) {
        st.execute(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
      }
    }
    if (on) {
      patronictl("resume");
    }
  }

  private static void patronictl(String command) throws Exception {
    Script.Result r = Script.run(List.of("patronictl", "-c", db.state.resolve("pg1").resolve("patroni.yml").toString(),
        command, "--wait"), Map.of(), 60);
    assertEquals(0, r.code(), "patronictl " + command + ": " + r.out());
  }

  /** The primary's and each replica's WAL positions and pause state, for a failure's message. */
  private static String positions(List<Connection> replicas) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection owner = db.owner(); Statement st = owner.createStatement();
         ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      rs.next();
      out.append("primary ").append(rs.getString(1));
    }
    for (Connection c : replicas) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT pg_last_wal_replay_lsn()::text, pg_last_wal_receive_lsn()::text, pg_get_wal_replay_pause_state(), inet_server_port()")) {
        rs.next();
        out.append("; replica :").append(rs.getInt(4)).append(" replayed ").append(rs.getString(1))
            .append(" received ").append(rs.getString(2)).append(" ").append(rs.getString(3));
      }
    }
    return out.toString();
  }

  @Test
  void reads_go_to_a_replica_within_the_bound_and_to_the_primary_when_it_lags() throws Exception {
    HaDatabase.awaitTrue(30, "the replica in use: " + readReplica(), () -> readReplica().getBoolean("inUse"));
    JsonObject inUse = readReplica();
    assertTrue(inUse.getBoolean("configured"));
    assertTrue(inUse.getLong("stalenessMs") <= MAX_LAG_SECONDS * 1000L, inUse.toString());
    String supervisor = http.login("hanoi-supervisor");
    tip();
    long before = total(supervisor);

    List<Connection> replicas = replicas();
    assertEquals(2, replicas.size(), "two replicas behind HAProxy's replica port");
    try {
      replay(replicas, false);
      tip();
      // Within the bound (and one probe), the node stops reading the paused replicas ...
      try {
        HaDatabase.awaitTrue(MAX_LAG_SECONDS + 5, "the lagging replica taken out of use",
            () -> !readReplica().getBoolean("inUse"));
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + ": " + readReplica() + "; " + positions(replicas), e);
      }
      JsonObject lagging = readReplica();
      assertTrue(lagging.getString("problem").contains("behind the primary"), lagging.toString());
      assertTrue(lagging.getLong("stalenessMs") > MAX_LAG_SECONDS * 1000L, lagging.toString());
      assertEquals(200, http.get("/health/ready", null).status(), "a lagging replica does not make the node unready");
      // ... and the dashboard, read from the primary, has the tip the replicas have not replayed.
      assertEquals(before + 1, total(supervisor));
    } finally {
      replay(replicas, true);
      for (Connection c : replicas) {
        c.close();
      }
    }
    HaDatabase.awaitTrue(30, "the replica back in use: " + readReplica(), () -> readReplica().getBoolean("inUse"));
    assertEquals(before + 1, total(supervisor), "the replica, caught up, has it too");
    assertFalse(readReplica().containsKey("problem"), readReplica().toString());
  }
}
