package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.UserService.NewUser;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;

/** The national lists through the API, in a world of their own (the demo world holds the 2025 tree). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitImportIT {

  static Platform node;
  static Http http;
  static String admin;

  @BeforeAll
  static void start() {
    node = TestNode.start("admin_pre2025", TestNode.newClusterName(), Map.of());
    DemoCountry.ensureRoot(node.services()).await();
    var bca = node.services().tenantDirectory().byCode("BCA").await();
    if (node.services().users().findByUsernameAsSystem("pre-admin").await().isEmpty()) {
      node.services().users().create(null, bca, new NewUser("pre-admin", "Quản trị", Role.MINISTRY_ADMIN,
          "pre-admin-password")).await();
    }
    http = new Http(node.httpPort());
    admin = http.login("pre-admin", "pre-admin-password");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static byte[] resource(String name) throws Exception {
    try (InputStream in = UnitImportIT.class.getResourceAsStream("/data/" + name)) {
      return in.readAllBytes();
    }
  }

  static Http.Response multipart(String path, byte[] file) {
    String boundary = "----binhyen" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"units.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return http.raw("POST", path, body, "multipart/form-data; boundary=" + boundary, admin, Map.of());
  }

  @Test
  @Order(1)
  void invalid_lines_are_reported_one_by_one_and_nothing_is_written() {
    String csv = "code,name,level,parent_code\n"
        + "91,Tỉnh Thử,province,\n"
        + "91001,Xã A,commune,91\n"
        + "91001,Xã B,commune,91\n"        // duplicate
        + "91002,Xã C,commune,99\n"        // unknown parent
        + "912,Huyện X,district,91003\n"   // wrong level order
        + "91003,Xã D,commune,912\n";
    Http.Response r = http.raw("POST", "/api/admin/units/BCA/import", csv, "text/csv", admin);
    assertTrue(r.isProblem(400, "import-refused"), r.toString());
    var lines = r.json().getJsonArray("errors").stream().map(JsonObject.class::cast).map(e -> e.getInteger("line")).toList();
    assertTrue(lines.containsAll(java.util.List.of(4, 5, 6)), lines.toString());
    assertEquals(404, http.get("/api/public/units/91", null).status());
  }

  @Test
  @Order(2)
  void the_pre_2025_country_imports_through_the_api_and_again_changes_nothing() throws Exception {
    byte[] csv = resource("units-pre2025.csv");
    long t0 = System.nanoTime();
    Http.Response r = multipart("/api/admin/units/BCA/import", csv);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(200, r.status(), r.toString());
    System.out.printf("units-pre2025.csv through the API: %d created in %d ms%n", r.json().getInteger("created"), ms);
    assertEquals(63 + 696 + 10_035, r.json().getInteger("created") + r.json().getInteger("unchanged"));
    assertEquals("BCA/01/001/00001", http.get("/api/units/00001", admin).json().getString("path"));

    Http.Response again = multipart("/api/admin/units/BCA/import", csv);
    assertEquals(0, again.json().getInteger("created"), again.toString());
    assertEquals(0, again.json().getInteger("renamed"));
  }

  @Test
  @Order(3)
  void a_dry_run_reports_a_rename_without_applying_it() {
    String csv = "code,name,level,parent_code\n01,Thủ đô Hà Nội,province,\n";
    Http.Response r = http.raw("POST", "/api/admin/units/BCA/import?dryRun=true", csv, "text/csv", admin);
    assertEquals(1, r.json().getInteger("renamed"), r.toString());
    assertEquals("Thành phố Hà Nội", http.get("/api/units/01", admin).json().getString("name"));
    assertTrue(http.raw("POST", "/api/admin/units/BCA/import", csv, "application/json", admin)
        .isProblem(400, "unsupported-media-type"));
    assertEquals(401, http.raw("POST", "/api/admin/units/BCA/import", csv, "text/csv", null).status());
  }
}
