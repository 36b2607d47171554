package vn.binhyen.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/** The database enforces tenant isolation a second time, for the application's own role. */
class RowLevelSecurityIT {

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void the_application_role_sees_no_tenant_rows_without_a_scope_and_only_its_subtree_with_one() throws Exception {
    TestPlatform.demo();
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE)) {
      c.setAutoCommit(false);
      Statement st = c.createStatement();
      long all = count(st, "SELECT count(*) FROM app_user");
      assertTrue(all >= 10, "the owner sees every user: " + all);
      st.execute("SET LOCAL ROLE binhyen_app");
      assertEquals(0, count(st, "SELECT count(*) FROM app_user"), "no scope, no rows");
      assertEquals(0, count(st, "SELECT count(*) FROM audit_log"), "no scope, no audit rows");
      st.execute("SELECT set_config('app.scope', 'BCA/66', true)");
      long inDaklak = count(st, "SELECT count(*) FROM app_user");
      assertEquals(inDaklak, count(st, "SELECT count(*) FROM app_user WHERE tenant_path LIKE 'BCA/66%'"));
      assertTrue(inDaklak >= 3);
      assertEquals(0, count(st, "SELECT count(*) FROM app_user WHERE tenant_path LIKE 'BCA/01%'"));
      c.rollback();
    }
  }

  @Test
  void the_audit_log_cannot_be_edited() throws Exception {
    TestPlatform.demo();
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE)) {
      Statement st = c.createStatement();
      var e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
          () -> st.execute("UPDATE audit_log SET actor_name = 'someone else'"));
      assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }
  }
}
