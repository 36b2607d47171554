package vn.binhyen.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/** Subtree queries on both tree shapes: province → ward (2025) and province → district → ward (before). */
class TenantTreeIT {

  private static Platform pre2025;
  private static List<TenantBulkLoader.Row> oldRows;
  private static List<TenantBulkLoader.Row> newRows;

  @BeforeAll
  static void worlds() throws Exception {
    TestPlatform.demo();
    try (InputStream in = TenantTreeIT.class.getResourceAsStream("/data/units-2025.csv")) {
      newRows = TenantBulkLoader.readTrusted(in);
    }
    try (InputStream in = TenantTreeIT.class.getResourceAsStream("/data/units-pre2025.csv")) {
      oldRows = TenantBulkLoader.readTrusted(in);
    }
    pre2025 = TestNode.start("tree_pre2025", TestNode.newClusterName(), Map.of());
    DemoCountry.ensureRoot(pre2025.services()).await();
    new TenantBulkLoader(pre2025.services().db(), pre2025.services().tenantDirectory())
        .load("BCA", oldRows).await();
  }

  @AfterAll
  static void stop() {
    pre2025.close();
  }

  private static long count(List<TenantBulkLoader.Row> rows, String parent) {
    return rows.stream().filter(r -> parent.equals(r.parentCode())).count();
  }

  @Test
  void subtree_of_a_2025_province_is_the_province_and_its_communes() {
    TenantService tenants = TestPlatform.demo().services().tenants();
    Page<Tenant> page = tenants.subtree("01", 500, 0).await();
    assertEquals(1 + count(newRows, "01"), page.total());
    assertTrue(page.items().stream().skip(1).allMatch(t -> t.level() == UnitLevel.COMMUNE && t.depth() == 2));
    assertEquals("BCA/01/00004", tenants.get("00004").await().path());
  }

  @Test
  void subtree_of_a_pre2025_province_goes_through_its_districts() {
    TenantService tenants = pre2025.services().tenants();
    long districts = count(oldRows, "01");
    long communes = oldRows.stream().filter(r -> r.level() == UnitLevel.COMMUNE)
        .filter(r -> oldRows.stream().anyMatch(d -> d.code().equals(r.parentCode()) && "01".equals(d.parentCode())))
        .count();
    Page<Tenant> page = tenants.subtree("01", 1, 0).await();
    assertEquals(1 + districts + communes, page.total());
    Tenant ward = tenants.get("00004").await();
    assertEquals(3, ward.depth());
    assertTrue(ward.path().startsWith("BCA/01/001/"), ward.path());
    assertEquals(count(oldRows, "001"), tenants.children("001", 500, 0).await().total());
  }

  @Test
  void the_whole_country_is_the_subtree_of_the_ministry() {
    assertEquals(1 + newRows.size(), TestPlatform.demo().services().tenants().subtree("BCA", 1, 0).await().total());
    assertEquals(1 + oldRows.size(), pre2025.services().tenants().subtree("BCA", 1, 0).await().total());
  }

  @Test
  void loading_the_same_list_again_changes_nothing() {
    var again = new TenantBulkLoader(pre2025.services().db(), pre2025.services().tenantDirectory())
        .load("BCA", oldRows).await();
    assertEquals(0, again.created());
    assertEquals(oldRows.size(), again.unchanged());
  }

  @Test
  void search_finds_units_with_or_without_accents_and_in_decomposed_form() {
    TenantService tenants = TestPlatform.demo().services().tenants();
    String nfd = java.text.Normalizer.normalize("Buôn Ma Thuột", java.text.Normalizer.Form.NFD);
    for (String q : List.of("Buôn Ma Thuột", "buon ma thuot", nfd)) {
      assertTrue(tenants.search("BCA", q, 10).await().stream().anyMatch(t -> t.code().equals("24133")), q);
    }
  }
}
