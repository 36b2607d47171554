package vn.binhyen.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky) for machines with no database configured: its data lives in the
 * given folder and survives restarts. Tests use a throwaway one with fsync off.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL over {@code dataDir}, reusing its contents when present.
   *
   * @param binDir where the binaries are unpacked (reused between starts: warm start)
   * @param durable false for tests: fsync off
   */
  public static EmbeddedDatabase start(Path dataDir, Path binDir, boolean durable) {
    return start(dataDir, binDir, durable, 0);
  }

  /**
   * As {@link #start(Path, Path, boolean)} on a fixed port (0: any free port): a server stopped
   * and started again over the same folder and port looks like a database restart to clients.
   */
  public static EmbeddedDatabase start(Path dataDir, Path binDir, boolean durable, int port) {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(binDir);
      Path socketDir = binDir.resolve("sockets");
      Files.createDirectories(socketDir);
      boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(binDir.toFile())
          .setServerConfig("unix_socket_directories", socketDir.toString())
          .setServerConfig("max_connections", "200")
          .setServerConfig("shared_buffers", "256MB");
      if (port > 0) {
        builder.setPort(port);
      }
      // Explicit both ways: zonky's builder starts PostgreSQL with fsync and synchronous_commit
      // off unless told otherwise, which would lose acknowledged writes (and risk corruption) on
      // a power cut.
      String onOff = durable ? "on" : "off";
      builder.setServerConfig("fsync", onOff)
          .setServerConfig("synchronous_commit", onOff)
          .setServerConfig("full_page_writes", onOff);
      EmbeddedPostgres pg = builder.start();
      log.info("Embedded PostgreSQL on port {} ({} data in {})", pg.getPort(),
          existing ? "existing" : "new", dataDir);
      return new EmbeddedDatabase(pg);
    } catch (IOException | RuntimeException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("root") || String.valueOf(e.getCause()).contains("root")) {
        throw new IllegalStateException("The embedded PostgreSQL could not start as root here ("
            + msg + "). Run BinhYen as a normal user, or point BINHYEN_DB_URL at a PostgreSQL server.", e);
      }
      throw new IllegalStateException("The embedded PostgreSQL could not start: " + msg
          + " (or set BINHYEN_DB_URL to use a PostgreSQL server)", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** A URL the application and tools can use: the superuser of the embedded server. */
  public String url() {
    return "postgresql://postgres@localhost:" + port() + "/postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
    }
  }
}
