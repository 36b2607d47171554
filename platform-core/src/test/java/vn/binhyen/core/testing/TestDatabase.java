package vn.binhyen.core.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import vn.binhyen.core.db.DbUrl;
import vn.binhyen.core.db.EmbeddedDatabase;

/**
 * One throwaway embedded PostgreSQL per test JVM (fsync off), or the server named by
 * {@code BINHYEN_TEST_DB_URL}. Each test world gets its own database on it.
 */
public final class TestDatabase {

  private static String serverUrl;
  private static final Set<String> created = new HashSet<>();

  private TestDatabase() {}

  /** The URL of a database of this name, created empty on first use. */
  public static synchronized String url(String database) {
    if (serverUrl == null) {
      String external = System.getenv("BINHYEN_TEST_DB_URL");
      if (external != null && !external.isBlank()) {
        serverUrl = external;
      } else {
        Path dir = Path.of("target", "test-pg-" + ProcessHandle.current().pid()).toAbsolutePath();
        EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"),
            Path.of(System.getProperty("java.io.tmpdir"), "binhyen-test-pg-bin"), false);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        serverUrl = db.url();
      }
    }
    DbUrl server = DbUrl.parse(serverUrl);
    if (created.add(database)) {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        c.createStatement().execute("CREATE DATABASE " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create test database " + database + ": " + e.getMessage(), e);
      }
    }
    return "postgresql://" + server.user() + (server.password().isEmpty() ? "" : ":" + server.password())
        + "@" + server.host() + ":" + server.port() + "/" + database;
  }

  /** A JDBC connection as the owner (for checks the application itself cannot make). */
  public static Connection connect(String database) throws SQLException {
    DbUrl u = DbUrl.parse(url(database));
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }
}
