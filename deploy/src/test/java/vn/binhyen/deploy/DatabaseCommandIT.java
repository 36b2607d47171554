package vn.binhyen.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.binhyen.core.db.EmbeddedDatabase;

/** {@code DatabaseCommand --check}: what cluster.sh asks where pg_isready is not installed. */
class DatabaseCommandIT {

  private static int check(Path dir, int port) {
    return new CommandLine(new DatabaseCommand())
        .execute("--check", "--port", String.valueOf(port), "--data-dir", dir.toString());
  }

  @Test
  void check_logs_in_with_the_generated_password_and_fails_once_the_server_is_gone() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "db-check-");
    assertEquals(1, check(dir, 1), "never started: no credentials file");
    int port;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"),
        Path.of(System.getProperty("java.io.tmpdir"), "binhyen-test-pg-bin"), false)) {
      port = db.port();
      assertEquals(0, check(dir, port), "a running server accepts the owner's login");
    }
    assertEquals(1, check(dir, port), "a stopped server does not");
  }
}
