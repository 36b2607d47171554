package vn.binhyen.core.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's two logins, generated on first start and kept in a properties file of
 * mode 600 beside its data folder: the owner ({@code postgres}, superuser, runs migrations) and
 * the application's login role ({@code binhyen_app}: owns nothing, not a superuser).
 */
public record DbCredentials(String ownerUser, String ownerPassword, String appUser, String appPassword) {

  private static final Logger log = LoggerFactory.getLogger(DbCredentials.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  public static final String OWNER = "postgres";
  public static final String APP = "binhyen_app";

  public DbCredentials {
    for (String u : new String[] {ownerUser, appUser}) {
      if (u == null || !u.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("a database user name must be a plain lower-case identifier");
      }
    }
    for (String p : new String[] {ownerPassword, appPassword}) {
      if (p == null || p.length() < 16 || !p.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("a database password must be at least 16 characters of [A-Za-z0-9_-]");
      }
    }
  }

  /** The file's credentials, or none when it does not exist. */
  public static java.util.Optional<DbCredentials> read(Path file) {
    if (!Files.exists(file)) {
      return java.util.Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        log.warn("{} was readable by others: set back to mode 600", file);
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot read the database credentials in " + file + ": " + e.getMessage(), e);
    }
    try {
      return java.util.Optional.of(new DbCredentials(p.getProperty("owner.user", OWNER),
          p.getProperty("owner.password"), p.getProperty("app.user", APP), p.getProperty("app.password")));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " holds unusable database credentials (" + e.getMessage()
          + "); delete it and restart to generate new ones", e);
    }
  }

  /** New random passwords (32 bytes each, base64url). */
  public static DbCredentials generate() {
    return new DbCredentials(OWNER, randomPassword(), APP, randomPassword());
  }

  /** Writes the file atomically, created with mode 600 (never readable by others, even briefly). */
  public void write(Path file) {
    Properties p = new Properties();
    p.setProperty("owner.user", ownerUser);
    p.setProperty("owner.password", ownerPassword);
    p.setProperty("app.user", appUser);
    p.setProperty("app.password", appPassword);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".credentials", ".tmp",
          PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "BinhYen embedded PostgreSQL logins (generated). Secret: keep mode 600, back up"
            + " with the data folder. owner = superuser for migrations; app = the application's role");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the database credentials to " + file + ": " + e.getMessage(), e);
    }
  }

  private static String randomPassword() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public String toString() {
    return "DbCredentials[owner=" + ownerUser + ", app=" + appUser + ", passwords hidden]";
  }
}
