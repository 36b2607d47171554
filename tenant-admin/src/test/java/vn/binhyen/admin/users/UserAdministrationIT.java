package vn.binhyen.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.testing.Http;

class UserAdministrationIT {

  static Http http;
  static String hanoi;
  static String daklak;

  @BeforeAll
  static void signIn() {
    http = AdminFixtures.http();
    hanoi = http.login("hanoi-admin");
    daklak = http.login("daklak-admin");
  }

  @Test
  void province_admin_onboards_ward_and_its_admin_sets_password_once() {
    String code = AdminFixtures.wardCode();
    JsonObject body = AdminFixtures.onboardWard(http, hanoi, "01", code, "ward-admin-" + code, "UNIT_ADMIN");
    assertEquals("BCA/01/" + code, body.getJsonObject("unit").getString("path"));
    JsonObject first = body.getJsonObject("firstUser");
    assertTrue(first.getString("setupLink").startsWith("/admin/setup#"));
    assertFalse(first.getJsonObject("user").getBoolean("passwordSet"));
    String token = AdminFixtures.activate(http, first);
    assertEquals(200, http.get("/api/auth/me", token).status());

    String used = first.getString("setupLink").substring(first.getString("setupLink").indexOf('#') + 1);
    Http.Response again = http.post("/api/admin/setup-password", new JsonObject().put("token", used)
        .put("password", "another-password-2"), null);
    assertTrue(again.isProblem(400, "setup-link-invalid"), again.toString());

    // The new ward admin manages its own ward: it creates an officer there.
    Http.Response officer = http.post("/api/admin/units/" + code + "/users",
        AdminFixtures.newUser("ward-officer-" + code, "OFFICER"), token);
    assertEquals(201, officer.status(), officer.toString());
  }

  @Test
  void admin_of_another_province_cannot_onboard_and_nothing_is_created() {
    String code = AdminFixtures.wardCode();
    Http.Response r = http.post("/api/admin/units/01/onboard", new JsonObject().put("code", code)
        .put("name", "Phường Lạ").put("level", "commune")
        .put("firstUser", AdminFixtures.newUser("intruder-" + code, "UNIT_ADMIN")), daklak);
    assertTrue(r.isProblem(403, "forbidden"), r.toString());
    assertEquals(404, http.get("/api/public/units/" + code, null).status());
  }

  @Test
  void onboarding_with_a_taken_username_writes_no_unit() {
    String code = AdminFixtures.wardCode();
    Http.Response r = http.post("/api/admin/units/01/onboard", new JsonObject().put("code", code)
        .put("name", "Phường Trùng").put("level", "commune")
        .put("firstUser", AdminFixtures.newUser("hanoi-admin", "UNIT_ADMIN")), hanoi);
    assertTrue(r.isProblem(409, "username-taken"), r.toString());
    assertEquals(404, http.get("/api/public/units/" + code, null).status());
  }

  @Test
  void officer_cannot_create_users_and_unit_admin_cannot_grant_ministry_admin() {
    String officer = http.login("badinh-officer");
    assertTrue(http.post("/api/admin/units/00004/users", AdminFixtures.newUser("x-officer-made", "OFFICER"), officer)
        .isProblem(403, "forbidden"));
    Http.Response r = http.post("/api/admin/units/01/users", AdminFixtures.newUser("fake-minister", "MINISTRY_ADMIN"), hanoi);
    assertTrue(r.isProblem(403, "forbidden"), r.toString());
  }

  @Test
  void disabling_a_user_revokes_their_token_at_once() {
    String code = AdminFixtures.wardCode();
    JsonObject first = AdminFixtures.onboardWard(http, hanoi, "01", code, "to-disable-" + code, "OFFICER")
        .getJsonObject("firstUser");
    String token = AdminFixtures.activate(http, first);
    long id = first.getJsonObject("user").getLong("id");

    assertTrue(http.post("/api/admin/users/" + id + "/disable", null, daklak).isProblem(404, "not-found"));
    Http.Response r = http.post("/api/admin/users/" + id + "/disable", null, hanoi);
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.json().getBoolean("disabled"));
    assertEquals(401, http.get("/api/auth/me", token).status());
  }

  @Test
  void reset_password_gives_a_new_link_and_the_old_password_stops_working() {
    String code = AdminFixtures.wardCode();
    JsonObject first = AdminFixtures.onboardWard(http, hanoi, "01", code, "to-reset-" + code, "OFFICER")
        .getJsonObject("firstUser");
    AdminFixtures.activate(http, first);
    long id = first.getJsonObject("user").getLong("id");
    Http.Response r = http.post("/api/admin/users/" + id + "/reset-password", null, hanoi);
    assertEquals(200, r.status(), r.toString());
    assertEquals(401, http.post("/api/auth/login", new JsonObject().put("username", "to-reset-" + code)
        .put("password", AdminFixtures.NEW_PASSWORD), null).status());
    AdminFixtures.activate(http, r.json());
  }

  @Test
  void role_change_is_audited_and_refused_outside_the_subtree() {
    String code = AdminFixtures.wardCode();
    JsonObject first = AdminFixtures.onboardWard(http, hanoi, "01", code, "role-" + code, "OFFICER")
        .getJsonObject("firstUser");
    long id = first.getJsonObject("user").getLong("id");
    assertTrue(http.raw("PUT", "/api/admin/users/" + id + "/role", "{\"role\":\"SUPERVISOR\"}", "application/json", daklak)
        .isProblem(404, "not-found"));
    Http.Response r = http.raw("PUT", "/api/admin/users/" + id + "/role", "{\"role\":\"SUPERVISOR\"}", "application/json", hanoi);
    assertEquals("SUPERVISOR", r.json().getString("role"), r.toString());

    Http.Response log = http.get("/api/admin/units/01/audit?action=user.change-role&limit=20", hanoi);
    assertTrue(log.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(e -> e.getString("target").equals("user:role-" + code)
            && e.getJsonObject("before").getString("role").equals("OFFICER")
            && e.getJsonObject("after").getString("role").equals("SUPERVISOR")), log.toString());
    // Each entry names its unit in words, for the console's "Đơn vị" column.
    JsonObject entry = log.json().getJsonArray("items").getJsonObject(0);
    String unitCode = entry.getString("tenantPath").substring(entry.getString("tenantPath").lastIndexOf('/') + 1);
    assertEquals(http.get("/api/units/" + unitCode, hanoi).json().getString("name"), entry.getString("unitName"), log.toString());
    assertTrue(http.get("/api/admin/units/01/audit", daklak).isProblem(403, "forbidden"));
  }
}
