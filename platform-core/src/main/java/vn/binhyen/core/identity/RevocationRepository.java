package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** SQL for the durable revocation list (table {@code token_revocation}); the id is the revision. */
final class RevocationRepository {

  record Revoked(long id, String subject, long revokedAt, long expiresAtEpochSeconds) {}

  private static final String INSERT = """
      INSERT INTO token_revocation (subject, revoked_at, expires_at)
      VALUES ($1, $2, now() + make_interval(secs => $3))""";
  private static final String SINCE = """
      SELECT id, subject, revoked_at, extract(epoch FROM expires_at)::bigint
        FROM token_revocation
       WHERE id > $1 AND expires_at > now()
       ORDER BY id""";
  private static final String SWEEP = "DELETE FROM token_revocation WHERE expires_at <= now()";

  Future<Void> insert(SqlClient db, String subject, long revokedAt, long ttlSeconds) {
    return db.preparedQuery(INSERT).execute(Tuple.of(subject, revokedAt, (double) ttlSeconds))
        .mapEmpty();
  }

  /** Unexpired revocations with an id above {@code revision}, oldest first. */
  Future<List<Revoked>> since(SqlClient db, long revision) {
    return db.preparedQuery(SINCE).execute(Tuple.of(revision)).map(rows -> {
      List<Revoked> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Revoked(r.getLong(0), r.getString(1), r.getLong(2), r.getLong(3)));
      }
      return out;
    });
  }

  Future<Integer> sweep(SqlClient db) {
    return db.query(SWEEP).execute().map(rows -> rows.rowCount());
  }
}
