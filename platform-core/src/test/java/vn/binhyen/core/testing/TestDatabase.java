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
  private static String appPassword;
  private static final Set<String> created = new HashSet<>();

  private TestDatabase() {}

  /** The URL of a database of this name, created empty on first use. */
  public static synchronized String url(String database) {
    ensureServer();
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

  private static void ensureServer() {
    if (serverUrl != null) {
      return;
    }
    String external = System.getenv("BINHYEN_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      serverUrl = external;
      appPassword = System.getenv("BINHYEN_TEST_DB_APP_PASSWORD");
    } else {
      Path dir = Path.of("target", "test-pg-" + ProcessHandle.current().pid()).toAbsolutePath();
      EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"),
          Path.of(System.getProperty("java.io.tmpdir"), "binhyen-test-pg-bin"), false);
      Runtime.getRuntime().addShutdownHook(new Thread(db::close));
      serverUrl = db.url();
      appPassword = db.credentials().appPassword();
    }
  }

  /**
   * The environment that makes a node log in as {@code binhyen_app} itself (its password on the
   * embedded test server, or BINHYEN_TEST_DB_APP_PASSWORD for an external one); empty: SET ROLE.
   */
  public static synchronized java.util.Map<String, String> appLoginEnv() {
    ensureServer();
    return appPassword == null || appPassword.isBlank() ? java.util.Map.of()
        : java.util.Map.of("BINHYEN_DB_APP_PASSWORD", appPassword);
  }

  /** A JDBC connection as the application role (empty when its password is not known). */
  public static java.util.Optional<Connection> connectAsApp(String database) throws SQLException {
    DbUrl u = DbUrl.parse(url(database));
    if (appPassword == null || appPassword.isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(DriverManager.getConnection(u.jdbcUrl(), "binhyen_app", appPassword));
  }

  /** A JDBC connection as the owner (for checks the application itself cannot make). */
  public static Connection connect(String database) throws SQLException {
    DbUrl u = DbUrl.parse(url(database));
    return DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
  }
}
