package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.testing.Http;

/** Imports in the demo world: a province admin imports below their province only. */
class ImportScopeIT {

  final Http http = AdminFixtures.http();

  @Test
  void province_admin_imports_wards_below_their_province_and_the_import_is_audited() {
    String hanoi = http.login("hanoi-admin");
    String code = AdminFixtures.wardCode();
    String csv = "code,name,level,parent_code\n" + code + ",Phường Nhập " + code + ",commune,01\n";
    Http.Response r = http.raw("POST", "/api/admin/units/01/import", csv, "text/csv", hanoi);
    assertEquals(1, r.json().getInteger("created"), r.toString());
    assertEquals("BCA/01/" + code, http.get("/api/units/" + code, hanoi).json().getString("path"));
    assertTrue(http.get("/api/admin/units/01/audit?action=units.import", hanoi).json().getJsonArray("items").size() >= 1);
  }

  @Test
  void importing_outside_ones_subtree_is_refused_and_writes_nothing() {
    String daklak = http.login("daklak-admin");
    String code = AdminFixtures.wardCode();
    String csv = "code,name,level,parent_code\n" + code + ",Phường Lạ,commune,01\n";
    assertTrue(http.raw("POST", "/api/admin/units/01/import", csv, "text/csv", daklak).isProblem(403, "forbidden"));
    Http.Response r = http.raw("POST", "/api/admin/units/66/import", csv, "text/csv", daklak);
    assertTrue(r.isProblem(400, "import-refused"), r.toString());
    JsonObject line = r.json().getJsonArray("errors").getJsonObject(0);
    assertEquals(2, line.getInteger("line"));
    assertEquals("UNKNOWN_PARENT", line.getString("kind"));
    String existing = "code,name,level,parent_code\n00004,Phường Ba Đình,commune,66\n";
    Http.Response taken = http.raw("POST", "/api/admin/units/66/import", existing, "text/csv", daklak);
    assertTrue(taken.isProblem(400, "import-refused"), taken.toString());
    assertEquals(404, http.get("/api/public/units/" + code, null).status());
  }
}
