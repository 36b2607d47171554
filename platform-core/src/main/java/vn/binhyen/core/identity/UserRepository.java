package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.error.DomainError;

/**
 * SQL for users. Reads and writes of {@code app_user} happen inside a tenant scope (row-level
 * security); log-in uses the definer functions that read across tenants.
 */
public final class UserRepository {

  private static final String COLUMNS =
      "id, username, display_name, tenant_id, tenant_path, role, password_hash, disabled";
  private static final String FIND_FOR_LOGIN = "SELECT " + COLUMNS + " FROM auth_find_user($1)";
  private static final String FIND_BY_ID_FOR_AUTH = "SELECT " + COLUMNS + " FROM auth_find_user_by_id($1)";
  private static final String INSERT = """
      INSERT INTO app_user (username, display_name, tenant_id, tenant_path, role, password_hash, password_set_at)
      VALUES (lower($1), $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE now() END)
      RETURNING\s""" + COLUMNS;
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM app_user WHERE id = $1";
  private static final String IN_SUBTREE = """
      SELECT %s FROM app_user WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%%'
       ORDER BY tenant_path, username LIMIT $2 OFFSET $3""".formatted(COLUMNS);
  /** The active officers of exactly one unit (not its subtree), by name: who a tip can be assigned to. */
  private static final String OFFICERS = """
      SELECT %s FROM app_user WHERE tenant_path = $1 AND role = 'OFFICER' AND NOT disabled
       ORDER BY display_name, username""".formatted(COLUMNS);
  private static final String SET_PASSWORD = """
      UPDATE app_user SET password_hash = $2, password_set_at = now() WHERE id = $1 RETURNING\s""" + COLUMNS;
  private static final String SET_DISABLED = "UPDATE app_user SET disabled = $2 WHERE id = $1 RETURNING " + COLUMNS;
  private static final String SET_ROLE = "UPDATE app_user SET role = $2 WHERE id = $1 RETURNING " + COLUMNS;

  public Future<Optional<UserAccount>> findForLogin(SqlClient db, String username) {
    return db.preparedQuery(FIND_FOR_LOGIN).execute(Tuple.of(username)).map(UserRepository::first);
  }

  public Future<Optional<UserAccount>> findByIdForAuth(SqlClient db, long id) {
    return db.preparedQuery(FIND_BY_ID_FOR_AUTH).execute(Tuple.of(id)).map(UserRepository::first);
  }

  /** Needs a tenant scope covering {@code tenantPath}. Fails with Conflict when the username is taken. */
  public Future<UserAccount> insert(SqlClient db, String username, String displayName, long tenantId,
      String tenantPath, Role role, String passwordHash) {
    return db.preparedQuery(INSERT)
        .execute(Tuple.of(username, displayName, tenantId, tenantPath, role.name(), passwordHash))
        .map(rows -> first(rows).orElseThrow())
        .recover(e -> {
          if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return Future.failedFuture(new DomainError.Conflict("username-taken",
                "Tên đăng nhập " + username + " đã được dùng / username already taken"));
          }
          return Future.failedFuture(e);
        });
  }

  /** Inside a scope: empty when the user does not exist or is outside the scope. */
  public Future<Optional<UserAccount>> findById(SqlClient db, long id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(UserRepository::first);
  }

  public Future<List<UserAccount>> listSubtree(SqlClient db, String path, int limit, int offset) {
    return db.preparedQuery(IN_SUBTREE).execute(Tuple.of(path, limit, offset)).map(UserRepository::all);
  }

  public Future<List<UserAccount>> officersOf(SqlClient db, String path) {
    return db.preparedQuery(OFFICERS).execute(Tuple.of(path)).map(UserRepository::all);
  }

  public Future<Optional<UserAccount>> setPassword(SqlClient db, long id, String hash) {
    return db.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, hash)).map(UserRepository::first);
  }

  public Future<Optional<UserAccount>> setDisabled(SqlClient db, long id, boolean disabled) {
    return db.preparedQuery(SET_DISABLED).execute(Tuple.of(id, disabled)).map(UserRepository::first);
  }

  public Future<Optional<UserAccount>> setRole(SqlClient db, long id, Role role) {
    return db.preparedQuery(SET_ROLE).execute(Tuple.of(id, role.name())).map(UserRepository::first);
  }

  static Optional<UserAccount> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  static List<UserAccount> all(RowSet<Row> rows) {
    List<UserAccount> out = new ArrayList<>();
    rows.forEach(r -> out.add(map(r)));
    return out;
  }

  static UserAccount map(Row r) {
    return new UserAccount(r.getLong("id"), r.getString("username"), r.getString("display_name"),
        r.getLong("tenant_id"), r.getString("tenant_path"), Role.valueOf(r.getString("role")),
        r.getString("password_hash"), r.getBoolean("disabled"));
  }
}
