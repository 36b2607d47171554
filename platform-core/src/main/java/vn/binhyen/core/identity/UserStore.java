package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import vn.binhyen.core.tenant.UnitMove;

/**
 * The writes of {@code app_user} that user administration and reorganisations make (platform-core
 * owns the table; other modules write it only through this class or {@link UserRepository}).
 * Methods take the caller's client (a scope covering every unit involved); callers revoke tokens
 * themselves where a change needs it.
 */
public final class UserStore {

  // $1 old prefix, $2 new prefix; the prefix condition uses the tenant_path text_pattern_ops index.
  private static final String REPATH = """
      UPDATE app_user SET tenant_path = $2 || substr(tenant_path, length($1) + 1)
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%' RETURNING id""";
  private static final String MOVE = """
      UPDATE app_user SET tenant_id = $2, tenant_path = $3 WHERE tenant_id = $1 RETURNING id""";
  // One statement for all units at once: m maps an old unit to its new unit and path.
  private static final String MOVE_ALL = """
      UPDATE app_user u SET tenant_id = m.new_id, tenant_path = m.new_path
        FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS m(old_id, new_id, new_path)
       WHERE u.tenant_id = m.old_id""";
  private static final String CLEAR_PASSWORD =
      "UPDATE app_user SET password_hash = NULL, password_set_at = NULL WHERE id = $1";

  /** Users at {@code oldPrefix} and below now live under {@code newPrefix}. Answers how many. */
  public Future<Integer> repath(SqlClient tx, String oldPrefix, String newPrefix) {
    return tx.preparedQuery(REPATH).execute(Tuple.of(oldPrefix, newPrefix)).map(r -> r.rowCount());
  }

  /** Every user of unit {@code fromId} now belongs to {@code toId} at {@code toPath}. Answers how many. */
  public Future<Integer> moveAll(SqlClient tx, long fromId, long toId, String toPath) {
    return tx.preparedQuery(MOVE).execute(Tuple.of(fromId, toId, toPath)).map(r -> r.rowCount());
  }

  /** {@link #moveAll(SqlClient, long, long, String)} for many units in one statement. Answers how many users. */
  public Future<Integer> moveAll(SqlClient tx, List<UnitMove> moves) {
    return tx.preparedQuery(MOVE_ALL).execute(UnitMove.arrays(moves)).map(r -> r.rowCount());
  }

  /** The user must set a new password (through a set-up link). */
  public Future<Void> clearPassword(SqlClient tx, long userId) {
    return tx.preparedQuery(CLEAR_PASSWORD).execute(Tuple.of(userId)).mapEmpty();
  }
}
