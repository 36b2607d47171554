package vn.binhyen.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * On the embedded server the platform's pool logs in as binhyen_app itself: after every migration
 * that role owns nothing, and injected SQL on its connection cannot leave row-level security.
 */
class ApplicationLoginIT {

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void the_running_platform_connects_as_the_application_role_not_the_owner() throws Exception {
    TestPlatform.demo();
    try (Connection owner = TestDatabase.connect(TestPlatform.DATABASE);
        Statement st = owner.createStatement()) {
      long app = count(st, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
          + TestPlatform.DATABASE + "' AND usename = 'binhyen_app'");
      assertTrue(app > 0, "the platform's pool holds connections as binhyen_app");
      // The owner's only sessions on it are this one (migrations and seeding are done).
      assertEquals(1, count(st, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
          + TestPlatform.DATABASE + "' AND usename = current_user"));
    }
  }

  @Test
  void the_application_role_owns_nothing_and_cannot_reset_to_the_owner() throws Exception {
    TestPlatform.demo();
    Connection app = TestDatabase.connectAsApp(TestPlatform.DATABASE)
        .orElseThrow(() -> new AssertionError("the embedded test server knows the app password"));
    try (app; Statement st = app.createStatement()) {
      assertEquals(0, count(st, "SELECT count(*) FROM pg_class WHERE relowner = 'binhyen_app'::regrole"),
          "tables, views, sequences, indexes");
      assertEquals(0, count(st, "SELECT count(*) FROM pg_proc WHERE proowner = 'binhyen_app'::regrole"));
      assertEquals(0, count(st, "SELECT count(*) FROM pg_namespace WHERE nspowner = 'binhyen_app'::regrole"));
      assertEquals(0, count(st, "SELECT count(*) FROM pg_database WHERE datdba = 'binhyen_app'::regrole"));
      st.execute("RESET ROLE");
      assertEquals(0, count(st, "SELECT count(*) FROM app_user"), "still no scope, still no rows");
      SQLException e = assertThrows(SQLException.class, () -> st.execute("SET ROLE postgres"));
      assertEquals("42501", e.getSQLState());
      SQLException drop = assertThrows(SQLException.class, () -> st.execute("ALTER TABLE app_user DISABLE ROW LEVEL SECURITY"));
      assertEquals("42501", drop.getSQLState(), drop.getMessage());
    }
  }
}
