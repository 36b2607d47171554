package vn.binhyen.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.text.Normalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/** {@code GET /api/public/units?q=} on the demo country, with one old ward merged into Ba Đình. */
class PublicUnitSearchIT {

  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    TestPlatform.demo();
    http = TestPlatform.http();
    // The 2025 reform merged Phường Quán Thánh (00013) into Phường Ba Đình (00004).
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO tenant (code, name, name_folded, level, path, depth, valid_to)
          SELECT '00013', 'Phường Quán Thánh', 'phuong quan thanh', 'commune', 'BCA/01/001/00013', 3, DATE '2025-06-30'
           WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE code = '00013' AND valid_to IS NOT NULL)""");
      s.execute("""
          INSERT INTO tenant_successor (tenant_id, successor_id, effective)
          SELECT o.id, n.id, DATE '2025-07-01' FROM tenant o, tenant n
           WHERE o.code = '00013' AND o.valid_to IS NOT NULL AND n.code = '00004' AND n.valid_to IS NULL
          ON CONFLICT DO NOTHING""");
    }
  }

  private static Http.Response get(String q) {
    return http.get("/api/public/units?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
  }

  private static JsonObject first(String q) {
    Http.Response r = get(q);
    assertEquals(200, r.status(), q + ": " + r);
    JsonArray items = r.json().getJsonArray("items");
    assertTrue(items.size() > 0, q);
    return items.getJsonObject(0);
  }

  @Test
  void ba_dinh_with_accents_without_them_and_decomposed_finds_the_ward_first() {
    String nfd = Normalizer.normalize("Phường Ba Đình", Normalizer.Form.NFD);
    for (String q : new String[] {"Ba Đình", "ba dinh", nfd, "P. Ba Đình", "phuong ba dinh"}) {
      JsonObject u = first(q);
      assertEquals("00004", u.getString("code"), q);
      assertEquals("Phường Ba Đình", u.getString("name"), q);
      assertEquals("commune", u.getString("level"));
      assertEquals("Cấp xã", u.getJsonObject("levelLabel").getString("vi"));
      assertEquals("Commune level", u.getJsonObject("levelLabel").getString("en"));
      assertEquals("Thành phố Hà Nội", u.getJsonArray("parents").getJsonObject(0).getString("name"));
      assertEquals(null, u.getValue("formerly"), q);
    }
  }

  @Test
  void an_old_merged_name_answers_with_its_successor_and_says_so() {
    JsonObject u = first("Quán Thánh");
    assertEquals("00004", u.getString("code"));
    assertEquals("Phường Quán Thánh", u.getJsonObject("formerly").getString("name"));
    assertEquals("00013", u.getJsonObject("formerly").getString("code"));
  }

  @Test
  void at_most_twenty_answers() {
    assertEquals(20, get("xa").json().getJsonArray("items").size());
    assertTrue(http.get("/api/public/units?q=xa&limit=21", null).isProblem(400, "validation"));
  }

  @Test
  void empty_blank_or_too_long_queries_are_problems() {
    assertTrue(http.get("/api/public/units?q=", null).status() == 400);
    assertTrue(http.get("/api/public/units", null).status() == 400);
    Http.Response tooLong = get("a".repeat(101));
    assertTrue(tooLong.isProblem(400, "validation"), tooLong.toString());
    Http.Response nothing = get("!!! ...");
    assertTrue(nothing.isProblem(400, "bad-unit-query"), nothing.toString());
    assertTrue(nothing.json().getString("detail").startsWith("Hãy nhập tên"), nothing.toString());
    assertTrue(http.get("/api/public/units?q=", null).contentType().startsWith("application/problem+json"));
  }
}
