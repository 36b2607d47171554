package vn.binhyen.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** Every role, trying a unit outside its scope through the API, is refused with problem+json. */
class ScopeIT {

  private final Http http = TestPlatform.http();

  @ParameterizedTest(name = "{0} reading {1} is refused")
  @CsvSource({
      "badinh-officer, 00070",        // sibling ward
      "badinh-officer, 01",           // its province
      "hoankiem-officer, 00004",
      "buonmathuot-officer, 00004",   // a ward of another province
      "badinh-admin, 00070",
      "badinh-admin, 01",             // parent, where the role does not reach up
      "hanoi-admin, 66",              // other province
      "hanoi-admin, BCA",
      "hanoi-supervisor, 24133",
      "daklak-admin, 00004",
      "daklak-supervisor, 01",
  })
  void reading_a_unit_outside_scope_is_forbidden(String user, String unit) {
    Http.Response r = http.get("/api/units/" + unit, http.login(user));
    assertTrue(r.isProblem(403, "forbidden"), user + " → " + unit + ": " + r);
    assertFalse(r.body().contains("\"name\""), "no foreign unit data in the body");
  }

  @ParameterizedTest(name = "{0} reading {1} is allowed")
  @CsvSource({
      "badinh-officer, 00004", "hanoi-admin, 00004", "hanoi-supervisor, 00070", "daklak-supervisor, 24133",
      "ministry-admin, 24133", "ministry-supervisor, 66"
  })
  void reading_inside_scope_is_allowed(String user, String unit) {
    Http.Response r = http.get("/api/units/" + unit, http.login(user));
    assertEquals(200, r.status(), r.body());
    assertEquals(unit, r.json().getString("code"));
  }

  @ParameterizedTest(name = "{0} renaming {1} is refused")
  @CsvSource({
      "ministry-supervisor, 01", "hanoi-supervisor, 00004", "badinh-officer, 00004", "hanoi-admin, 24133",
      "daklak-admin, 01"
  })
  void managing_without_the_right_role_or_scope_is_forbidden(String user, String unit) {
    Http.Response r = http.patch("/api/units/" + unit, new JsonObject().put("name", "Tên mới"), http.login(user));
    assertTrue(r.isProblem(403, "forbidden"), r.toString());
  }

  @Test
  void an_admin_creates_and_renames_a_unit_in_its_subtree() {
    String token = http.login("hanoi-admin");
    Http.Response created = http.post("/api/units/01/children",
        new JsonObject().put("code", "99901").put("name", "Phường Thử Nghiệm").put("level", "commune"), token);
    assertEquals(201, created.status(), created.body());
    assertEquals("BCA/01/99901", created.json().getString("path"));
    Http.Response renamed = http.patch("/api/units/99901", new JsonObject().put("name", "Phường Thử Nghiệm Mới"), token);
    assertEquals("Phường Thử Nghiệm Mới", renamed.json().getString("name"));
    Http.Response dup = http.post("/api/units/01/children",
        new JsonObject().put("code", "99901").put("name", "Trùng mã").put("level", "commune"), token);
    assertTrue(dup.isProblem(409, "duplicate-unit-code"), dup.toString());
    Http.Response provinceUnderProvince = http.post("/api/units/01/children",
        new JsonObject().put("code", "98").put("name", "Tỉnh Sai").put("level", "province"), token);
    assertTrue(provinceUnderProvince.isProblem(400, "level-order"), provinceUnderProvince.toString());
  }

  @Test
  void without_a_token_a_unit_is_refused_with_401() {
    Http.Response r = http.get("/api/units/01", null);
    assertTrue(r.isProblem(401, "unauthenticated"), r.toString());
    assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
  }

  @Test
  void an_old_or_unknown_code_resolves_publicly() {
    Http.Response known = http.get("/api/public/units/00004", null);
    assertEquals("Phường Ba Đình", known.json().getJsonObject("current").getString("name"));
    assertTrue(http.get("/api/public/units/77777", null).isProblem(404, "not-found"));
    List<Object> items = http.get("/api/public/units?q=ba%20dinh", null).json().getJsonArray("items").getList();
    assertFalse(items.isEmpty());
  }
}
