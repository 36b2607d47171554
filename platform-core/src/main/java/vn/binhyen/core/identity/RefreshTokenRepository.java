package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SQL for refresh tokens, stored as hashes; a family is one log-in. */
final class RefreshTokenRepository {

  record StoredToken(UUID familyId, long userId, OffsetDateTime expiresAt, OffsetDateTime usedAt,
      OffsetDateTime revokedAt) {}

  private static final String INSERT = """
      INSERT INTO refresh_token (token_hash, family_id, user_id, expires_at)
      VALUES ($1, $2, $3, now() + make_interval(secs => $4))""";
  // Locks the row so two concurrent refreshes with one token cannot both succeed.
  private static final String FIND = """
      SELECT family_id, user_id, expires_at, used_at, revoked_at FROM refresh_token
       WHERE token_hash = $1 FOR UPDATE""";
  private static final String MARK_USED = "UPDATE refresh_token SET used_at = now() WHERE token_hash = $1";
  private static final String REVOKE_FAMILY = """
      UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL""";
  private static final String REVOKE_USER = """
      UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL""";

  Future<Void> insert(SqlClient db, byte[] hash, UUID family, long userId, long ttlSeconds) {
    return db.preparedQuery(INSERT)
        .execute(Tuple.of(Buffer.buffer(hash), family, userId, (double) ttlSeconds))
        .mapEmpty();
  }

  Future<Optional<StoredToken>> findForUpdate(SqlClient db, byte[] hash) {
    return db.preparedQuery(FIND).execute(Tuple.of(Buffer.buffer(hash))).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new StoredToken(r.getUUID(0), r.getLong(1), r.getOffsetDateTime(2),
          r.getOffsetDateTime(3), r.getOffsetDateTime(4)));
    });
  }

  Future<Void> markUsed(SqlClient db, byte[] hash) {
    return db.preparedQuery(MARK_USED).execute(Tuple.of(Buffer.buffer(hash))).mapEmpty();
  }

  Future<Void> revokeFamily(SqlClient db, UUID family) {
    return db.preparedQuery(REVOKE_FAMILY).execute(Tuple.of(family)).mapEmpty();
  }

  Future<Void> revokeUser(SqlClient db, long userId) {
    return db.preparedQuery(REVOKE_USER).execute(Tuple.of(userId)).mapEmpty();
  }
}
