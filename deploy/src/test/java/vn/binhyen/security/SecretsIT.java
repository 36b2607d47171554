package vn.binhyen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * No secret in logs or error bodies, and keys at rest only sealed. The logs are the whole test
 * run's so far (target/test-logs/test-run.log, written by deploy's logback-test.xml), after this
 * class has itself signed in, failed to sign in, refreshed and filed a report with a contact.
 */
class SecretsIT {

  /** A PEM private key block with its base64 body (not code that builds one). */
  static final java.util.regex.Pattern PEM_KEY =
      java.util.regex.Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----\\s*[A-Za-z0-9+/=]{40}");
  static final Path LOG = Path.of("target", "test-logs", "test-run.log");
  static final String WRONG_PASSWORD = "Sai-mat-khau-bi-mat-4711";
  static final String CONTACT_PHONE = "0987 654 321";
  static final String CONTACT_MAIL = "nguoi.bao.tin@example.vn";

  @Test
  void logs_and_error_bodies_hold_no_password_token_key_or_contact() throws Exception {
    Http http = TestPlatform.http();
    List<String> secrets = new ArrayList<>(List.of(TestPlatform.PASSWORD, WRONG_PASSWORD, CONTACT_PHONE, CONTACT_MAIL));
    for (String user : TenantIsolationMatrixIT.USERS) {
      JsonObject s = http.post("/api/auth/login", new JsonObject().put("username", user)
          .put("password", TestPlatform.PASSWORD), null).json();
      secrets.add(s.getString("accessToken").split("\\.")[2]);
      secrets.add(s.getString("refreshToken"));
      JsonObject r = http.post("/api/auth/refresh", new JsonObject().put("refreshToken", s.getString("refreshToken")),
          null).json();
      secrets.add(r.getString("refreshToken"));
    }
    Http.Response wrong = http.post("/api/auth/login", new JsonObject().put("username", "hanoi-admin")
        .put("password", WRONG_PASSWORD), null);
    Http.Response tooLong = http.post("/api/auth/login", new JsonObject().put("username", "hanoi-admin")
        .put("password", WRONG_PASSWORD.repeat(20)), null);
    Http.Response extra = http.post("/api/auth/login", new JsonObject().put("username", "hanoi-admin")
        .put("password", WRONG_PASSWORD).put("otp", WRONG_PASSWORD), null);
    Http.Response report = http.post("/api/public/reports", new JsonObject().put("name", "Trang thu hồi tiền lừa đảo")
        .put("areaCode", "00070").put("note", "Liên hệ tôi: " + CONTACT_PHONE + ", " + CONTACT_MAIL), null);
    for (Http.Response r : List.of(wrong, tooLong, extra)) {
      assertTrue(r.status() >= 400 && r.status() < 500, r.toString());
      assertFalse(r.body().contains(WRONG_PASSWORD), "an error body echoes the password: " + r.body());
    }
    assertFalse(report.body().contains(CONTACT_PHONE) || report.body().contains(CONTACT_MAIL), report.body());
    var platform = TestPlatform.demo();
    platform.config().masterKey().ifPresent(secrets::add);
    // The database's passwords: the owner's (in BINHYEN_DB_URL) and binhyen_app's.
    platform.config().dbUrl().map(u -> vn.binhyen.core.db.DbUrl.parse(u).password())
        .filter(pw -> !pw.isEmpty()).ifPresent(secrets::add);
    platform.config().dbAppPassword().ifPresent(secrets::add);
    String pem = platform.services().jwtKeys().privatePem();
    secrets.add(pem.split("\n")[1].substring(0, 40));

    assertTrue(Files.exists(LOG), "no test log at " + LOG.toAbsolutePath() + " (deploy's logback-test.xml)");
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertTrue(log.length() > 1000, "the test log is nearly empty: " + log.length());
    for (String s : secrets) {
      assertFalse(log.contains(s), "the test log holds a secret: " + s.substring(0, Math.min(12, s.length())) + "…");
    }
    System.out.println("[security] test log scanned: " + log.length() + " chars, " + secrets.size() + " secrets looked for");
  }

  @Test
  void the_jwt_key_and_every_signing_key_are_stored_only_sealed() throws Exception {
    TestPlatform.demo();
    TestPlatform.http().get("/api/public/log/head", null);
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT name, sealed FROM platform_secret")) {
        int n = 0;
        while (rs.next()) {
          n++;
          String text = new String(rs.getBytes(2), StandardCharsets.ISO_8859_1);
          assertFalse(text.contains("PRIVATE KEY") || text.contains("\"private\""), rs.getString(1) + " is in clear");
        }
        assertTrue(n >= 1, "the JWT key is in platform_secret");
      }
      if (!exists(st, "signing_key")) {
        return;
      }
      int keys = 0;
      try (ResultSet rs = st.executeQuery("SELECT kid, public_key, sealed_private FROM signing_key")) {
        while (rs.next()) {
          keys++;
          byte[] pub = rs.getBytes(2);
          byte[] sealed = rs.getBytes(3);
          assertTrue(sealed.length >= 32 + 12 + 16, rs.getString(1) + ": too short to be sealed");
          // If any 32-byte window of the stored bytes were the private seed, it would yield the public key.
          for (int i = 0; i + 32 <= sealed.length; i++) {
            byte[] derived = new Ed25519PrivateKeyParameters(Arrays.copyOfRange(sealed, i, i + 32), 0)
                .generatePublicKey().getEncoded();
            assertFalse(Arrays.equals(pub, derived), rs.getString(1) + ": the private key is stored in clear");
          }
        }
      }
      assertTrue(keys >= 1, "signing keys exist once the verifier started");
    }
  }

  private static boolean exists(Statement st, String table) throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT to_regclass('public." + table + "') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  @Test
  void no_private_key_or_secret_file_is_committed() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> found = new ArrayList<>();
    try (var files = committable(root)) {
      files.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
              && !p.toString().contains("/node_modules/"))
          .forEach(p -> {
            String name = p.getFileName().toString();
            if (name.endsWith(".pem") || name.endsWith(".key") || name.endsWith(".p12") || name.endsWith(".jks")
                || name.equals("master.key")) {
              found.add(p.toString());
              return;
            }
            if (name.matches(".*\\.(java|yaml|yml|xml|properties|json|md|sh|conf|env|txt|js|html)") ) {
              try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (PEM_KEY.matcher(text).find()) {
                  found.add(p.toString());
                }
              } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // not text
              }
            }
          });
    }
    assertEquals(List.of(), found, "private keys in the repository");
  }

  /**
   * The files a commit could contain: tracked or not ignored (git ls-files), so a developer's
   * ignored run folders (a local cluster's data with its master key) do not count; every file
   * when this is not a git checkout.
   */
  private static java.util.stream.Stream<Path> committable(Path root) throws Exception {
    try {
      Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
          .directory(root.toFile()).redirectErrorStream(false).start();
      byte[] out = git.getInputStream().readAllBytes();
      if (git.waitFor() == 0) {
        return java.util.Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0"))
            .filter(name -> !name.isEmpty()).map(root::resolve);
      }
    } catch (java.io.IOException noGit) {
      // not a checkout, or no git: look at everything
    }
    return Files.walk(root);
  }
}
