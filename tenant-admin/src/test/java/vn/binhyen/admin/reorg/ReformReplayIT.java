package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.InputStream;
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
import vn.binhyen.core.testing.TestNode;

/**
 * The real 2025 reform replayed at national size, in a world of its own: the pre-2025 country
 * with one generated officer per district and commune and one generated Zalo group (with figures)
 * per commune, reorganised by the real mapping as one transaction.
 */
class ReformReplayIT {

  static Platform node;
  static Services s;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start("admin_reform", TestNode.newClusterName(), Map.of());
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
  }
}
