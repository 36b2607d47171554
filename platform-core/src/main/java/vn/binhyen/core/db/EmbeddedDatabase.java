package vn.binhyen.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky) for machines with no database configured: its data lives in the
 * given folder and survives restarts. Tests use a throwaway one with fsync off.
 *
 * <p>Every connection needs a password (scram-sha-256, {@link PgAuthentication}); the owner's and
 * the application role's are generated on first start into {@link #credentialsFile} (mode 600).
 * The application role {@code binhyen_app} gets LOGIN and its password here, at every start, over
 * the owner's connection: never in a migration (a secret).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** Every binaries folder a server of this JVM was given, in first-use order (see PgAuthentication). */
  private static final java.util.Set<Path> BIN_DIRS = new java.util.LinkedHashSet<>();

  private final EmbeddedPostgres postgres;
  private final DbCredentials credentials;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, DbCredentials credentials, Path dataDir) {
    this.postgres = postgres;
    this.credentials = credentials;
    this.dataDir = dataDir;
  }

  /**
   * Where zonky's binaries may be: zonky unpacks once per JVM (into the first server's folder) and
   * reuses that copy for later servers, so this one's folder first, then earlier ones, then
   * zonky's default working folder.
   */
  private static List<Path> binDirs(Path binDir) {
    synchronized (BIN_DIRS) {
      BIN_DIRS.add(binDir);
      List<Path> out = new java.util.ArrayList<>(List.of(binDir));
      BIN_DIRS.stream().filter(d -> !d.equals(binDir)).forEach(out::add);
      out.add(Path.of(System.getProperty("ot.epg.working-dir",
          Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString())));
      return List.copyOf(out);
    }
  }

  /** Where the logins of the server over {@code dataDir} are kept: beside it, mode 600. */
  public static Path credentialsFile(Path dataDir) {
    return dataDir.toAbsolutePath().normalize().resolveSibling("postgres-credentials.properties");
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
      List<Path> binDirs = binDirs(binDir.toAbsolutePath().normalize());
      Path socketDir = binDir.resolve("sockets");
      // PostgreSQL refuses a unix socket path over 107 bytes and then never starts (zonky only
      // reports a timeout): say so.
      if (socketDir.toAbsolutePath().resolve(".s.PGSQL.65535").toString().getBytes().length > 107) {
        throw new IllegalStateException("the folder " + binDir.toAbsolutePath() + " is too deep for"
            + " PostgreSQL's unix socket (path over 107 bytes): use a shorter BINHYEN_DATA_DIR");
      }
      Files.createDirectories(socketDir);
      boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
      Path credentialsFile = credentialsFile(dataDir);
      Optional<DbCredentials> stored = DbCredentials.read(credentialsFile);
      DbCredentials credentials = stored.orElseGet(DbCredentials::generate);
      if (stored.isEmpty()) {
        // Written before the password is set, so a crash in between only repeats this step.
        credentials.write(credentialsFile);
        log.info("Generated the embedded PostgreSQL's logins in {}", credentialsFile);
      }
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(binDir.toFile())
          .setServerConfig("unix_socket_directories", socketDir.toString())
          .setServerConfig("max_connections", "200")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("password_encryption", "scram-sha-256")
          // zonky checks readiness by logging in as postgres over TCP: with the password.
          .setConnectConfig("password", credentials.ownerPassword())
          // After initdb (new folders) and before the server listens (every folder).
          .setDataDirectoryCustomizer(dir -> {
            if (stored.isEmpty() || !PgAuthentication.hbaIsCurrent(dir.toPath())) {
              PgAuthentication.require(dir.toPath(), binDirs, credentials);
            }
          });
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
      EmbeddedPostgres pg;
      try {
        pg = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage() + (String.valueOf(e.getCause()).contains("password")
            ? " (the owner's password in " + credentialsFile + " is not the server's: restore that"
              + " file from the backup of this data folder, or delete it to set new passwords)" : ""), e);
      }
      try {
        prepareApplicationRole(pg.getPort(), credentials);
      } catch (SQLException | RuntimeException e) {
        pg.close();
        throw new IllegalStateException("preparing the application role failed: " + e.getMessage(), e);
      }
      log.info("Embedded PostgreSQL on port {} ({} data in {}, passwords required)", pg.getPort(),
          existing ? "existing" : "new", dataDir);
      return new EmbeddedDatabase(pg, credentials, dataDir);
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

  /**
   * Creates {@code binhyen_app} if no migration has yet (as V1 does: NOLOGIN, NOSUPERUSER,
   * NOBYPASSRLS) and gives it LOGIN with its password; refuses a role that could become another
   * (a member of any role could SET ROLE to it, so injected SQL could leave row-level security).
   */
  private static void prepareApplicationRole(int port, DbCredentials c) throws SQLException {
    String role = c.appUser();
    try (Connection conn = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
        c.ownerUser(), c.ownerPassword()); Statement st = conn.createStatement()) {
      st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN"
          + " CREATE ROLE " + role + " NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$");
      st.execute("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
          + " NOBYPASSRLS PASSWORD '" + ScramVerifier.of(c.appPassword()) + "'");
      try (ResultSet rs = st.executeQuery("SELECT string_agg(g.rolname, ', ') FROM pg_auth_members m"
          + " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
          + " WHERE u.rolname = '" + role + "'")) {
        rs.next();
        if (rs.getString(1) != null) {
          throw new IllegalStateException("the application role " + role + " is a member of "
              + rs.getString(1) + ": revoke that (it could SET ROLE out of row-level security)");
        }
      }
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The owner's (superuser) URL, with its password: for migrations and tools, never for requests. */
  public String url() {
    return "postgresql://" + credentials.ownerUser() + ":" + credentials.ownerPassword()
        + "@localhost:" + port() + "/postgres";
  }

  /** Both logins (owner and application role). */
  public DbCredentials credentials() {
    return credentials;
  }

  /** The running server's process id (first line of postmaster.pid), if it can be read. */
  public java.util.OptionalLong postmasterPid() {
    try {
      String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
      return java.util.OptionalLong.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /** The PostgreSQL data folder. */
  public Path dataDir() {
    return dataDir;
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
