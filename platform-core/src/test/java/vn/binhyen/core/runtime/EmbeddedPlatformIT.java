package vn.binhyen.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.Config;
import vn.binhyen.core.db.DbCredentials;
import vn.binhyen.core.db.EmbeddedDatabase;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;

/** A node with no BINHYEN_DB_URL: its own embedded server, with passwords, serving as binhyen_app. */
class EmbeddedPlatformIT {

  @Test
  void a_node_on_its_embedded_server_serves_through_the_application_role_and_refuses_passwordless_logins()
      throws Exception {
    // A short folder: the server's unix socket path must stay under 108 bytes.
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("byn-");
    Config config = TestNode.config("unused_embedded", TestNode.newClusterName(),
        Map.of("BINHYEN_DATA_DIR", dir.toString())).withDbUrl(null);
    try (Platform node = Platform.start(config)) {
      node.services().markAccepting();
      assertEquals(200, new Http(node.httpPort()).get("/health/ready", null).status());

      DbCredentials c = DbCredentials.read(EmbeddedDatabase.credentialsFile(config.embeddedDbDir()))
          .orElseThrow();
      int port = portOf(config);
      assertThrows(SQLException.class,
          () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "").close());
      try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
          c.ownerUser(), c.ownerPassword()); Statement st = owner.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'binhyen_app'")) {
        rs.next();
        assertTrue(rs.getLong(1) > 0, "the node's pool logs in as binhyen_app");
      }
    } finally {
      try (var files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
            .forEach(java.io.File::delete);
      }
    }
  }

  /** The port the node's embedded server listens on (it is the only one on this data folder). */
  private static int portOf(Config config) throws Exception {
    java.util.List<String> pid = java.nio.file.Files.readAllLines(config.embeddedDbDir().resolve("postmaster.pid"));
    return Integer.parseInt(pid.get(3).strip());
  }
}
