package vn.binhyen.admin.users;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One-time password set-up links. The token is 256 random bits shown once; only its SHA-256 is
 * stored, so a database dump cannot be used to take over an account.
 */
final class SetupTokens {

  /** A redeemable token's owner. */
  record Owner(long userId, String tenantPath) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String VOID_OLD = """
      UPDATE user_setup_token SET used_at = now() WHERE user_id = $1 AND used_at IS NULL""";
  private static final String INSERT = """
      INSERT INTO user_setup_token (token_hash, user_id, tenant_path, created_by, expires_at)
      VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))""";
  // Consuming is one statement, so two concurrent redemptions cannot both succeed.
  private static final String CONSUME = """
      UPDATE user_setup_token SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id, tenant_path""";

  private final Duration ttl;

  SetupTokens(Duration ttl) {
    this.ttl = ttl;
  }

  Duration ttl() {
    return ttl;
  }

  /** Voids the user's older links and stores a new one; answers the token (never stored). */
  Future<String> issue(SqlClient db, long userId, String tenantPath, Long createdBy) {
    String token = randomToken();
    return db.preparedQuery(VOID_OLD).execute(Tuple.of(userId))
        .compose(x -> db.preparedQuery(INSERT).execute(Tuple.of(sha256(token), userId, tenantPath,
            createdBy, (double) ttl.toSeconds())))
        .map(x -> token);
  }

  Future<Optional<Owner>> consume(SqlClient db, String token) {
    return db.preparedQuery(CONSUME).execute(Tuple.of(sha256(token))).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Owner(r.getLong("user_id"), r.getString("tenant_path")));
    });
  }

  static String link(String token) {
    return "/admin/setup#" + token;
  }

  private static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
