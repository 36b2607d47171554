package vn.binhyen.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.text.Fold;

/**
 * The name search on a realistic directory: the 3,355 units of 2025 plus, as closed units with
 * their successors, every old unit of the 2025 reform's mapping (~10,000 more, ~13,500 rows).
 */
class UnitSearchIT {

  private static final String DB = "unitsearch";
  private static Platform node;
  private static TenantService tenants;

  @BeforeAll
  static void world() throws Exception {
    node = TestNode.start(DB, TestNode.newClusterName(), Map.of());
    DemoCountry.ensureRoot(node.services()).await();
    try (InputStream in = UnitSearchIT.class.getResourceAsStream("/data/units-2025.csv")) {
      new TenantBulkLoader(node.services().db(), node.services().tenantDirectory())
          .load("BCA", TenantBulkLoader.readTrusted(in)).await();
    }
    try (Connection c = TestDatabase.connect(DB)) {
      loadReformHistory(c);
      try (Statement s = c.createStatement()) {
        // A unit closed twice: "Xã Thử Nghiệm Cũ" went into Phường Quán Thánh, which went into Ba Đình.
        s.execute("""
            INSERT INTO tenant (code, name, name_folded, level, path, depth, valid_to)
            VALUES ('99901', 'Xã Thử Nghiệm Cũ', 'xa thu nghiem cu', 'commune', 'BCA/old/99901', 2, DATE '2010-01-01')""");
        s.execute("""
            INSERT INTO tenant_successor (tenant_id, successor_id, effective)
            SELECT o.id, q.id, DATE '2010-01-01' FROM tenant o, tenant q
             WHERE o.code = '99901' AND q.code = '00013' AND q.valid_to IS NOT NULL""");
        s.execute("ANALYZE tenant");
        s.execute("ANALYZE tenant_successor");
      }
    }
    tenants = node.services().tenants();
  }

  /** Every old unit of reform-2025-mapping.csv as a closed row, with its successors. */
  private static void loadReformHistory(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE reform (old_code text, old_name text, old_folded text, level text, new_code text)");
    }
    try (InputStream in = UnitSearchIT.class.getResourceAsStream("/data/reform-2025-mapping.csv");
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
         PreparedStatement ps = c.prepareStatement("INSERT INTO reform VALUES (?, ?, ?, ?, ?)")) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        ps.setString(1, f[0]);
        ps.setString(2, f[1]);
        ps.setString(3, Fold.fold(f[1]));
        ps.setString(4, f[2]);
        ps.setString(5, f[3]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO tenant (code, name, name_folded, level, path, depth, valid_to)
          SELECT DISTINCT old_code, old_name, old_folded, level, 'BCA/old/' || old_code,
                 CASE level WHEN 'province' THEN 1 ELSE 2 END, DATE '2025-06-30'
            FROM reform""");
      s.execute("""
          INSERT INTO tenant_successor (tenant_id, successor_id, effective)
          SELECT DISTINCT o.id, n.id, DATE '2025-07-01'
            FROM reform m
            JOIN tenant o ON o.code = m.old_code AND o.name = m.old_name AND o.valid_to IS NOT NULL
            JOIN tenant n ON n.code = m.new_code AND n.valid_to IS NULL""");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static List<UnitMatch> search(String q) {
    return tenants.searchByName(q, 20).await();
  }

  @Test
  void the_directory_is_realistic() throws Exception {
    try (Connection c = TestDatabase.connect(DB); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT count(*), count(valid_to) FROM tenant")) {
      r.next();
      assertTrue(r.getInt(1) > 13_000, "rows: " + r.getInt(1));
      assertTrue(r.getInt(2) > 9_000, "closed rows: " + r.getInt(2));
    }
  }

  @Test
  void every_way_of_writing_ba_dinh_finds_phuong_ba_dinh_first() {
    String nfd = Normalizer.normalize("Phường Ba Đình", Normalizer.Form.NFD);
    for (String q : List.of("ba dinh", "Ba Đình", "BA ĐÌNH", "phuong ba dinh", "P. Ba Đình", nfd,
        "Công an phường Ba Đình", "ba din", "00004")) {
      List<UnitMatch> found = search(q);
      assertFalse(found.isEmpty(), q);
      UnitMatch first = found.get(0);
      assertEquals("00004", first.unit().code(), q + " → " + found);
      assertEquals("Phường Ba Đình", first.unit().name());
      assertTrue(first.formerly().isEmpty(), q);
      assertEquals(List.of(new UnitMatch.Ref("01", "Thành phố Hà Nội")), first.parents());
    }
    // Three current units are called Ba Đình / Ba Dinh: all three come before anything else.
    assertEquals(List.of("00004", "16171", "21499"),
        search("ba dinh").stream().limit(3).map(m -> m.unit().code()).toList());
    // The type word typed decides between them: a phường only, or the two xã.
    assertEquals(List.of("00004"), search("P. Ba Đình").stream().filter(m -> m.formerly().isEmpty())
        .map(m -> m.unit().code()).toList());
    assertEquals(List.of("16171", "21499"), search("xã Ba Đình").stream().filter(m -> m.formerly().isEmpty())
        .map(m -> m.unit().code()).toList());
    // A type word that matches no name ("TP" is not a word of "Thành phố Hà Nội") is dropped.
    assertEquals("01", search("TP Hà Nội").get(0).unit().code());
  }

  @Test
  void an_old_name_leads_to_its_successor_with_a_note() {
    List<UnitMatch> found = search("Quán Thánh");
    assertEquals("00004", found.get(0).unit().code(), found.toString());
    assertEquals(new UnitMatch.Ref("00013", "Phường Quán Thánh"), found.get(0).formerly().orElseThrow());
    // Without accents "quan thanh" is also Xã Quan Thành (Nghệ An), a current unit: it comes first.
    List<String> plain = search("quan thanh").stream().map(m -> m.unit().code()).toList();
    assertEquals("17569", plain.get(0));
    assertTrue(plain.contains("00004"), plain.toString());
    // Closed twice: followed to the current unit.
    UnitMatch twice = search("thu nghiem cu").get(0);
    assertEquals("00004", twice.unit().code());
    assertEquals("Xã Thử Nghiệm Cũ", twice.formerly().orElseThrow().name());
    // "quan" is read as the words typed, not as "Quận": no unit without a word starting "quan".
    assertTrue(plain.size() < 20, plain.toString());
    assertTrue(search("quan thanh").stream().allMatch(m -> Fold.fold(m.formerly().map(UnitMatch.Ref::name)
        .orElse(m.unit().name())).matches("(.* )?quan.*")), plain.toString());
    // Old names never come back as units themselves.
    assertTrue(search("quan thanh").stream().allMatch(m -> m.unit().current()));
  }

  @Test
  void a_unit_found_by_its_own_name_and_an_old_one_comes_once_without_the_note() {
    // Phường Ba Đình absorbed Phường Trúc Bạch, whose old code was also 00004.
    List<UnitMatch> found = search("Ba Đình");
    assertEquals(1, found.stream().filter(m -> m.unit().code().equals("00004")).count());
  }

  @Test
  void a_split_old_unit_lists_every_successor() throws Exception {
    String oldName;
    int successors;
    try (Connection c = TestDatabase.connect(DB); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("""
             SELECT o.name, count(*) FROM tenant o JOIN tenant_successor x ON x.tenant_id = o.id
              WHERE o.level = 'commune' AND o.valid_to IS NOT NULL AND o.code <> '99901'
                AND (SELECT count(*) FROM tenant same WHERE same.name_folded = o.name_folded) = 1
              GROUP BY o.id, o.name HAVING count(*) >= 2 ORDER BY o.code LIMIT 1""")) {
      r.next();
      oldName = r.getString(1);
      successors = r.getInt(2);
    }
    long noted = search(oldName).stream()
        .filter(m -> m.formerly().map(f -> f.name().equals(oldName)).orElse(false)).count();
    assertEquals(successors, noted, oldName);
  }

  @Test
  void at_most_twenty_answers_and_same_names_first() {
    List<UnitMatch> many = search("x");
    assertEquals(20, many.size());
    List<UnitMatch> hanoi = search("Hà Nội");
    assertEquals("01", hanoi.get(0).unit().code(), hanoi.toString());
    assertTrue(hanoi.get(0).parents().isEmpty());
  }

  @Test
  void the_name_condition_uses_the_word_index() throws Exception {
    String plan = plan("ba:* & dinh:*");
    System.out.println("EXPLAIN name search (ba dinh):\n" + plan);
    assertTrue(plan.contains("tenant_name_words"), plan);
    assertFalse(plan.contains("Seq Scan on tenant t "), plan);
  }

  /** Figures for docs/benchmarks.md (printed, not asserted: a unit test has no timed assertion). */
  @Test
  void figures_for_the_benchmarks_page() {
    List<String> queries = List.of("ba dinh", "Phường Ba Đình", "P. Ba Đình", "quan thanh", "Quán Thánh",
        "ha noi", "buon ma thuot", "x", "phuong", "dak lak", "hoan kiem", "tan", "an", "thanh pho ho chi minh",
        "ea kao", "con dao", "vinh", "hoa phu", "thuy khue", "00004");
    for (String q : queries) {
      search(q);
    }
    long[] micros = new long[queries.size() * 10];
    java.util.Map<String, Long> slowest = new java.util.LinkedHashMap<>();
    int n = 0;
    for (int round = 0; round < 10; round++) {
      for (String q : queries) {
        long t0 = System.nanoTime();
        assertFalse(search(q).isEmpty(), q);
        long us = (System.nanoTime() - t0) / 1000;
        micros[n++] = us;
        slowest.merge(q, us, Math::min);
      }
    }
    System.out.println("Unit name search, best of 10 per query (ms): " + slowest.entrySet().stream()
        .map(e -> e.getKey() + "=" + String.format("%.1f", e.getValue() / 1000.0)).toList());
    java.util.Arrays.sort(micros);
    System.out.printf("Unit name search, %d searches over %d queries: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
        micros.length, queries.size(), micros[micros.length / 2] / 1000.0,
        micros[(int) (micros.length * 0.95)] / 1000.0, micros[micros.length - 1] / 1000.0);
  }

  /** The plan of the candidate step (the part that reads the big table). */
  private static String plan(String tsquery) throws Exception {
    try (Connection c = TestDatabase.connect(DB);
         PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) "
             + TenantRepository.SEARCH_BY_NAME.replace("$1", "'" + tsquery + "'").replace("$2", "'ba dinh'")
                 .replace("$3", "'ba dinh'").replace("$4", "'ba:* & dinh:*'")
                 .replace("$5", "'" + UnitQuery.NAME_TYPE_PREFIX + "'").replace("$6", "'BA DINH'")
                 .replace("$7", "''").replace("$8", "20"))) {
      StringBuilder out = new StringBuilder();
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.append(r.getString(1)).append('\n');
        }
      }
      return out.toString();
    }
  }
}
