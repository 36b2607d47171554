package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.importing.UnitCsvReader;
import vn.binhyen.admin.importing.UnitImportService;
import vn.binhyen.admin.importing.UnitLevel;
import vn.binhyen.admin.importing.UnitRow;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestNode;

/**
 * The real 2025 reform replayed at national size, in a world of its own: the pre-2025 country
 * with one generated officer per district and commune and one generated Zalo group (with figures)
 * per commune, and generated citizens' tips for a sample of old communes (every split one among
 * them), reorganised by the real mapping as one transaction.
 */
class ReformReplayIT {

  static Platform node;
  static Services s;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(DATABASE, TestNode.newClusterName(), Map.of());
    s = node.services();
    DemoCountry.ensureRoot(s).await();
    s.get(UnitImportService.class).importCsv(null, s.tenantDirectory().byCode("BCA").await(),
        bytes("units-pre2025.csv"), false).await();
    s.db().inScope("BCA", tx -> tx.query("""
            INSERT INTO app_user (username, display_name, tenant_id, tenant_path, role)
            SELECT 'gen-' || code, 'Cán bộ ' || name, id, path, 'OFFICER' FROM tenant
             WHERE valid_to IS NULL AND level IN ('district', 'commune')
            ON CONFLICT (username) DO NOTHING""").execute()
        .compose(x -> tx.query("""
            INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
            SELECT id, path, 'zalo_group', 'zalo.me/g/gen' || code, 'https://zalo.me/g/gen' || code,
                   'Nhóm ' || name, name_folded, CASE WHEN code::int % 3 = 0 THEN 'verified' ELSE 'pending' END
              FROM tenant WHERE valid_to IS NULL AND level = 'commune'
            ON CONFLICT (normalized_id) DO NOTHING""").execute())
        .compose(x -> tx.query("""
            INSERT INTO channel_figure (channel_id, tenant_path, followers, posts, questions_answered)
            SELECT id, tenant_path, 100, 10, 1 FROM channel ON CONFLICT DO NOTHING""").execute())).await();
    insertTips();
  }

  static final String DATABASE = "admin_reform";

  /**
   * Tips for every 37th old commune and every split one: 3 to 13 each, over nine categories, six
   * statuses, 20 days and some SLA breaches. Inserted as the owner but through plain INSERTs into
   * {@code tip}, so the roll-up trigger counts each one. key_tenant keeps the old commune's code.
   */
  static void insertTips() throws Exception {
    List<String> splitCodes;
    try (InputStream mapping = ReformReplayIT.class.getResourceAsStream("/data/reform-2025-mapping.csv")) {
      splitCodes = new ReformPlanner().plan(rows("units-pre2025.csv"), rows("units-2025.csv"),
          ReformMappingReader.read(mapping).rows()).splits().stream().map(ReformPlan.CommuneSplit::oldCode).toList();
    }
    try (Connection c = TestDatabase.connect(DATABASE); PreparedStatement st = c.prepareStatement("""
        INSERT INTO tip (receipt, secret_hash, tenant_id, tenant_path, key_tenant, category, status, source,
                         body, body_folded, received_day, sla_due_at, sla_breached)
        SELECT 'GEN-' || t.code || '-' || g, '\\x00'::bytea, t.id, t.path, t.code,
               (ARRAY['security_order','crime','drugs','fraud','traffic','fire','officer_conduct',
                      'admin_question','other'])[1 + (g + t.code::int) % 9],
               (ARRAY['received','triaged','assigned','in_progress','resolved','rejected'])[1 + (g * 5 + t.code::int) % 6],
               'web', 'Tin báo ' || g, 'tin bao ' || g, DATE '2025-06-01' + (g * 7 + t.code::int) % 20,
               now(), (g + t.code::int) % 7 = 0
          FROM tenant t, generate_series(1, 3 + t.code::int % 11) g
         WHERE t.valid_to IS NULL AND t.level = 'commune' AND (t.code::int % 37 = 0 OR t.code = ANY (?))""")) {
      st.setArray(1, c.createArrayOf("text", splitCodes.toArray()));
      st.executeUpdate();
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static byte[] bytes(String name) throws Exception {
    try (InputStream in = ReformReplayIT.class.getResourceAsStream("/data/" + name)) {
      return in.readAllBytes();
    }
  }

  static List<UnitRow> rows(String name) throws Exception {
    try (InputStream in = ReformReplayIT.class.getResourceAsStream("/data/" + name)) {
      return UnitCsvReader.read(in).rows();
    }
  }

  static long count(String sql) {
    return s.db().inScope("BCA", tx -> tx.query(sql).execute()).await().iterator().next().getLong(0);
  }

  @Test
  void replaying_the_2025_reform_closes_merges_and_moves_everything_to_its_successor() throws Exception {
    List<UnitRow> old = rows("units-pre2025.csv");
    ReformPlan plan;
    try (InputStream mapping = getClass().getResourceAsStream("/data/reform-2025-mapping.csv")) {
      plan = new ReformPlanner().plan(old, rows("units-2025.csv"), ReformMappingReader.read(mapping).rows());
    }
    long channels = count("SELECT count(*) FROM channel");
    long tips = count("SELECT count(*) FROM tip");
    assertTrue(tips > 2_000, "tips generated: " + tips);
    assertTrue(count("SELECT count(DISTINCT key_tenant) FROM tip") > 300);
    assertEquals(0, count(ROLLUP_DIFF), "roll-ups equal a GROUP BY before the reform");
    long followers = count("SELECT sum(followers) FROM channel_figure");
    assertEquals(10_035, channels);

    long t0 = System.nanoTime();
    ReformApplier.Applied dry = new ReformApplier(s).apply(plan, true).await();
    long dryMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(dry.dryRun());
    assertEquals(10_795, count("SELECT count(*) FROM tenant WHERE valid_to IS NULL"));
    assertTrue(dry.plan().getJsonObject("counts").getInteger("inconsistencies") > 0);

    long t1 = System.nanoTime();
    ReformApplier.Applied done = new ReformApplier(s).apply(plan, false).await();
    long applyMs = (System.nanoTime() - t1) / 1_000_000;
    System.out.printf("2025 reform replay: dry run %d ms, apply %d ms; %s%n", dryMs, applyMs, done.toJson().copy()
        .put("plan", "…").encode());

    assertEquals(34, count("SELECT count(*) FROM tenant WHERE valid_to IS NULL AND level = 'province'"));
    assertEquals(0, count("SELECT count(*) FROM tenant WHERE valid_to IS NULL AND level = 'district'"));
    assertEquals(3_321, count("SELECT count(*) FROM tenant WHERE valid_to IS NULL AND level = 'commune'"));
    // Every closed unit the mapping knows a successor for resolves to it.
    assertEquals(done.unitsWithoutSuccessor(), count("""
        SELECT count(*) FROM tenant t WHERE t.valid_to = DATE '2025-07-01'
           AND NOT EXISTS (SELECT 1 FROM tenant_successor x WHERE x.tenant_id = t.id)"""));
    var resolved = s.tenants().resolve("00001").await();
    assertEquals(List.of("00097"), resolved.successors().stream().map(t -> t.code()).toList());
    // Every split: a closed unit resolves to all its successors; one that continues resolves to itself.
    for (ReformPlan.CommuneSplit split : plan.splits()) {
      var r = s.tenants().resolve(split.oldCode()).await();
      boolean continues = plan.continuing().stream().anyMatch(c -> c.code().equals(split.oldCode()));
      if (continues) {
        assertTrue(r.current().isPresent(), split.oldCode());
      } else {
        assertTrue(r.successors().stream().map(t -> t.code()).toList().containsAll(split.successors()), split.oldCode());
      }
    }

    // Channels per current unit equal a GROUP BY of where each old commune went.
    Map<String, Long> expected = new HashMap<>();
    for (UnitRow u : old) {
      if (u.level() != UnitLevel.COMMUNE) {
        continue;
      }
      List<String> next = plan.successorsOf(u.code());
      boolean continuing = plan.continuing().stream().anyMatch(c -> c.code().equals(u.code()));
      String owner = continuing ? u.code() : next.isEmpty() ? null : next.get(0);
      if (owner != null) {
        expected.merge(owner, 1L, Long::sum);
      }
    }
    Map<String, Long> actual = new HashMap<>();
    s.db().inScope("BCA", tx -> tx.query("""
        SELECT t.code, count(*) FROM channel c JOIN tenant t ON t.id = c.tenant_id
         WHERE t.valid_to IS NULL GROUP BY t.code""").execute()).await()
        .forEach((Row r) -> actual.put(r.getString(0), r.getLong(1)));
    assertEquals(expected, actual);
    assertEquals(channels, count("SELECT count(*) FROM channel"));
    assertEquals(followers, count("SELECT sum(followers) FROM channel_figure"));
    assertEquals(0, count("""
        SELECT count(*) FROM channel_figure f JOIN channel c ON c.id = f.channel_id WHERE f.tenant_path <> c.tenant_path"""));
    assertEquals(0, count("""
        SELECT count(*) FROM app_user u JOIN tenant t ON t.id = u.tenant_id
         WHERE t.valid_to IS NULL AND u.tenant_path <> t.path"""));
    assertTrue(done.reviewItems() > 0);

    // Tips: none lost, none left at a closed unit, each at its path, each with its old commune's successor.
    assertEquals(tips, count("SELECT count(*) FROM tip"));
    assertEquals(0, count("""
        SELECT count(*) FROM tip p JOIN tenant t ON t.id = p.tenant_id
         WHERE t.valid_to IS NOT NULL OR p.tenant_path <> t.path"""));
    Map<String, List<String>> where = new HashMap<>();
    s.db().inScope("BCA", tx -> tx.query("""
        SELECT p.key_tenant, t.code FROM tip p JOIN tenant t ON t.id = p.tenant_id GROUP BY 1, 2""").execute()).await()
        .forEach((Row r) -> where.computeIfAbsent(r.getString(0), k -> new java.util.ArrayList<>()).add(r.getString(1)));
    int wholly = 0;
    int split = 0;
    for (var e : where.entrySet()) {
      String oldCode = e.getKey();
      assertEquals(1, e.getValue().size(), "all tips of " + oldCode + " went to one unit: " + e.getValue());
      String now = e.getValue().get(0);
      List<String> next = plan.successorsOf(oldCode);
      if (plan.continuing().stream().anyMatch(c -> c.code().equals(oldCode))) {
        assertEquals(oldCode, now, "a continuing commune keeps its tips");
      } else if (next.size() == 1) {
        assertEquals(next.get(0), now, "tips of " + oldCode + " follow its successor");
        wholly++;
      } else {
        assertTrue(next.contains(now), "tips of split " + oldCode + " are at one of " + next + ", not " + now);
        split++;
      }
    }
    assertTrue(wholly > 200 && split > 0, "wholly moved " + wholly + ", split " + split);
    System.out.printf("2025 reform replay tips: %d tips of %d old communes (%d wholly moved, %d split)%n",
        tips, where.size(), wholly, split);
    // Every roll-up row (own and subtree, by day and category/status/breach, shards folded)
    // equals a GROUP BY over the moved tips; nothing is counted under a closed unit any more.
    assertEquals(0, count(ROLLUP_DIFF), "roll-ups equal a GROUP BY after the reform");
    assertEquals(tips, count("SELECT sum(n) FROM tip_rollup WHERE unit_path = 'BCA' AND dim = 't' AND NOT own"));
    assertEquals(0, count("""
        SELECT count(*) FROM (SELECT r.unit_path FROM tip_rollup r GROUP BY r.unit_path, r.dim, r.own, r.day, r.key
                               HAVING sum(r.n) <> 0) x
         WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.path = x.unit_path AND t.valid_to IS NULL)"""));
  }

  static final String ROLLUP_DIFF = vn.binhyen.core.testing.TipRollups.DIFF;
}
