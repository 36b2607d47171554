package vn.binhyen.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.UserService.NewUser;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;

/** The 2025 list (34 + 3,321) as a text/csv body, in an empty world of its own. */
class Units2025ImportIT {

  static Platform node;
  static Http http;
  static String admin;

  @BeforeAll
  static void start() {
    node = TestNode.start("admin_2025", TestNode.newClusterName(), Map.of());
    DemoCountry.ensureRoot(node.services()).await();
    var bca = node.services().tenantDirectory().byCode("BCA").await();
    if (node.services().users().findByUsernameAsSystem("units-admin").await().isEmpty()) {
      node.services().users().create(null, bca, new NewUser("units-admin", "Quản trị", Role.MINISTRY_ADMIN,
          "units-admin-password")).await();
    }
    http = new Http(node.httpPort());
    admin = http.login("units-admin", "units-admin-password");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void the_2025_country_imports_as_a_text_csv_body() throws Exception {
    byte[] csv;
    try (InputStream in = getClass().getResourceAsStream("/data/units-2025.csv")) {
      csv = in.readAllBytes();
    }
    long t0 = System.nanoTime();
    Http.Response r = http.raw("POST", "/api/admin/units/BCA/import", csv, "text/csv; charset=utf-8", admin, Map.of());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(200, r.status(), r.toString());
    System.out.printf("units-2025.csv through the API: %d created in %d ms%n", r.json().getInteger("created"), ms);
    assertEquals(34 + 3_321, r.json().getInteger("created") + r.json().getInteger("unchanged"));
    assertEquals("BCA/66/24133", http.get("/api/units/24133", admin).json().getString("path"));
  }
}
