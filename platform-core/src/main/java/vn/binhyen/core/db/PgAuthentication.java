package vn.binhyen.core.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an embedded data folder ask every connection for a password: sets the owner's password
 * in single-user mode (no network, no authentication: only whoever can already write the data
 * folder can do this) and writes a scram-sha-256-only {@code pg_hba.conf}, all before the server
 * listens. A new folder (created by initdb with {@code trust}), a folder from before this change
 * (trust) and a folder whose credentials file was lost all go through this same step, so no
 * start ever listens with {@code trust}.
 */
final class PgAuthentication {

  private static final Logger log = LoggerFactory.getLogger(PgAuthentication.class);

  static final String HBA = """
      # Written by BinhYen (EmbeddedDatabase) at every start; edits are replaced.
      # Every connection, over the unix socket and TCP, needs a password (scram-sha-256).
      # The passwords are in the credentials file beside the data folder (mode 600).
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private PgAuthentication() {}

  /** True when the folder's pg_hba.conf is exactly ours (nothing trusted). */
  static boolean hbaIsCurrent(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve("pg_hba.conf")).equals(HBA);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Sets the owner's password and replaces pg_hba.conf. The server must not be running (single-user
   * mode refuses a folder a running postmaster holds).
   *
   * @param binDirs the folders zonky may have unpacked its binaries in ({@code PG-<digest>/bin/postgres}):
   *     zonky unpacks once per JVM and reuses that copy for every later server, whatever folder
   *     those name, so every folder given to a server in this JVM is a candidate (in order of
   *     preference: this server's, then the others in the order they were first used)
   */
  static void require(Path dataDir, java.util.Collection<Path> binDirs, DbCredentials credentials) {
    Path postgres = postgresBinary(binDirs);
    List<String> command = new ArrayList<>();
    // As zonky does for initdb and postgres: as root, run in a new user namespace (PostgreSQL
    // refuses to run as root; the data folder's files map to the same unprivileged user).
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(postgres.toString(), "--single", "-D", dataDir.toString(), "-F",
        "-c", "exit_on_error=true", "-c", "log_statement=none", "postgres"));
    String sql = "ALTER ROLE " + credentials.ownerUser() + " WITH PASSWORD '"
        + ScramVerifier.of(credentials.ownerPassword()) + "';\n";
    try {
      Path out = Files.createTempFile("binhyen-pg-single", ".log");
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(out.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
          in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("setting the owner's password (single-user mode) took over 120 s");
        }
        if (p.exitValue() != 0) {
          throw new IllegalStateException("setting the owner's password (single-user mode) failed: "
              + Files.readString(out).strip());
        }
      } finally {
        Files.deleteIfExists(out);
      }
      Path tmp = dataDir.resolve("pg_hba.conf.binhyen-tmp");
      Files.writeString(tmp, HBA);
      Files.move(tmp, dataDir.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      log.info("Embedded PostgreSQL in {}: owner password set, pg_hba.conf is scram-sha-256 only", dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot require passwords on the embedded PostgreSQL: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting the owner's password", e);
    }
  }

  /** The first unpacked {@code bin/postgres} under binDirs, in their order (zonky unpacks before initdb). */
  private static Path postgresBinary(java.util.Collection<Path> binDirs) {
    List<Path> found = new ArrayList<>();
    for (Path binDir : binDirs) {
      if (!Files.isDirectory(binDir)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(binDir)) {
        dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
            .filter(d -> Files.exists(d.resolve(".exists")) && Files.isExecutable(d.resolve("bin/postgres")))
            .forEach(found::add);
      } catch (IOException e) {
        log.warn("cannot list {}: {}", binDir, e.getMessage());
      }
    }
    return found.stream().findFirst()
        .map(d -> d.resolve("bin/postgres"))
        .orElseThrow(() -> new IllegalStateException("no unpacked PostgreSQL binaries in " + binDirs));
  }
}
