package vn.binhyen.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded server on real folders: every login needs its password, the application role
 * cannot become the owner, and a folder from before (trust for everyone) is upgraded in place.
 */
class EmbeddedDatabaseAuthIT {

  private static final Path BIN = Path.of(System.getProperty("java.io.tmpdir"), "binhyen-test-pg-bin");

  private static Path freshDir(String name) throws Exception {
    Path base = Files.createDirectories(Path.of("target", "auth-it").toAbsolutePath());
    return Files.createTempDirectory(base, name + "-");
  }

  private static Connection connect(int port, String user, String password) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
  }

  private static String one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  @Test
  void a_new_folder_refuses_postgres_without_or_with_a_wrong_password() throws Exception {
    Path dir = freshDir("new");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), BIN, false)) {
      int port = db.port();
      SQLException none = assertThrows(SQLException.class, () -> connect(port, "postgres", null).close());
      assertEquals("08004", none.getSQLState(), "no password: " + none.getMessage());
      SQLException wrong = assertThrows(SQLException.class,
          () -> connect(port, "postgres", "not-the-password-at-all").close());
      assertEquals("28P01", wrong.getSQLState(), "wrong password: " + wrong.getMessage());
      assertThrows(SQLException.class, () -> connect(port, "binhyen_app", "not-the-password-at-all").close());

      Path file = EmbeddedDatabase.credentialsFile(dir.resolve("data"));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      DbCredentials c = DbCredentials.read(file).orElseThrow();
      assertNotEquals(c.ownerPassword(), c.appPassword());
      try (Connection owner = connect(port, c.ownerUser(), c.ownerPassword());
          Statement st = owner.createStatement()) {
        // The server's own reading of pg_hba.conf: every rule, socket and TCP, wants scram.
        List<String> rules = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT type, auth_method FROM pg_hba_file_rules")) {
          while (rs.next()) {
            rules.add(rs.getString(1) + " " + rs.getString(2));
          }
        }
        assertTrue(rules.contains("local scram-sha-256"), rules.toString());
        assertTrue(rules.contains("host scram-sha-256"), rules.toString());
        assertTrue(rules.stream().allMatch(r -> r.endsWith(" scram-sha-256")), rules.toString());
        assertEquals("true", one(st, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"));
      }
      refusedOverTheSocket(port);
    }
  }

  /** psql over the unix socket (when Debian's client is installed) without a password. */
  private static void refusedOverTheSocket(int port) throws Exception {
    Path psql = Path.of("/usr/bin/psql");
    if (!Files.isExecutable(psql)) {
      return;
    }
    Path socket = BIN.resolve("sockets");
    ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-h", socket.toString(), "-p",
        String.valueOf(port), "-U", "postgres", "-w", "-c", "SELECT 1", "postgres").redirectErrorStream(true);
    pb.environment().remove("PGPASSWORD");
    Process p = pb.start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes());
    assertNotEquals(0, p.exitValue(), "psql over the socket with no password must fail: " + out);
    assertTrue(out.contains("password"), out);
  }

  @Test
  void the_application_role_cannot_become_the_owner() throws Exception {
    Path dir = freshDir("app");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), BIN, false)) {
      DbCredentials c = db.credentials();
      try (Connection app = connect(db.port(), c.appUser(), c.appPassword());
          Statement st = app.createStatement()) {
        st.execute("RESET ROLE");
        assertEquals("binhyen_app", one(st, "SELECT current_user"));
        assertEquals("binhyen_app", one(st, "SELECT session_user"));
        SQLException setRole = assertThrows(SQLException.class, () -> st.execute("SET ROLE postgres"));
        assertEquals("42501", setRole.getSQLState(), setRole.getMessage());
        SQLException setSession = assertThrows(SQLException.class,
            () -> st.execute("SET SESSION AUTHORIZATION postgres"));
        assertEquals("42501", setSession.getSQLState(), setSession.getMessage());
        assertEquals("false", one(st, "SELECT (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)::text"
            + " FROM pg_roles WHERE rolname = 'binhyen_app'"));
        assertEquals("0", one(st, "SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member"
            + " WHERE u.rolname = 'binhyen_app'"));
      }
    }
  }

  @Test
  void a_trust_folder_from_before_is_upgraded_and_keeps_its_data() throws Exception {
    Path dir = freshDir("trust");
    Path data = dir.resolve("data");
    // Exactly what EmbeddedDatabase did before passwords: zonky's initdb -A trust, no password.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data)
        .setCleanDataDirectory(false).setOverrideWorkingDirectory(BIN.toFile())
        .setServerConfig("unix_socket_directories", BIN.resolve("sockets").toString()).start();
        Connection c = connect(old.getPort(), "postgres", null);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE kept (v text)");
      st.execute("INSERT INTO kept VALUES ('from the trust days')");
    }
    assertTrue(Files.readString(data.resolve("pg_hba.conf")).lines()
        .anyMatch(l -> !l.startsWith("#") && l.contains("trust")), "the folder starts out trusting");

    DbCredentials first;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, BIN, false)) {
      first = db.credentials();
      int port = db.port();
      assertThrows(SQLException.class, () -> connect(port, "postgres", null).close());
      try (Connection c = connect(port, first.ownerUser(), first.ownerPassword());
          Statement st = c.createStatement()) {
        assertEquals("from the trust days", one(st, "SELECT v FROM kept"));
      }
    }
    assertFalse(Files.readString(data.resolve("pg_hba.conf")).lines()
        .anyMatch(l -> !l.startsWith("#") && l.contains("trust")), "no trust line is left");

    // The credentials file lost (say, not in the backup): new passwords, the old ones refused.
    Files.delete(EmbeddedDatabase.credentialsFile(data));
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, BIN, false)) {
      DbCredentials second = db.credentials();
      assertNotEquals(first.ownerPassword(), second.ownerPassword());
      assertThrows(SQLException.class, () -> connect(db.port(), first.ownerUser(), first.ownerPassword()).close());
      assertThrows(SQLException.class, () -> connect(db.port(), first.appUser(), first.appPassword()).close());
      try (Connection c = connect(db.port(), second.ownerUser(), second.ownerPassword());
          Statement st = c.createStatement()) {
        assertEquals("from the trust days", one(st, "SELECT v FROM kept"));
      }
    }
  }
}
