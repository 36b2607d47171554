package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The two statements every tenant-owned table needs in a reorganisation, for tables whose rows
 * carry only the denormalised {@code tenant_path}: follow a unit that moved (its path prefix
 * changes) and follow a unit that merged into another (its path becomes the survivor's).
 * {@link ReorgParticipant}s use these instead of writing the same SQL per table.
 */
public final class TenantRows {

  // $1 old prefix, $2 new prefix; the prefix condition uses the table's tenant_path index.
  private static final String REPATH = """
      UPDATE %s SET tenant_path = $2 || substr(tenant_path, length($1) + 1)
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%%'""";
  private static final String MOVE = "UPDATE %s SET tenant_path = $2 WHERE tenant_path = $1";

  private TenantRows() {}

  /** Rows of the unit at {@code oldPath} and below now live under {@code newPath}. */
  public static Future<Void> repath(SqlClient tx, String table, String oldPath, String newPath) {
    return tx.preparedQuery(REPATH.formatted(checked(table))).execute(Tuple.of(oldPath, newPath)).mapEmpty();
  }

  /** Rows of the unit at {@code fromPath} (not its subtree) now belong to the unit at {@code toPath}. */
  public static Future<Void> move(SqlClient tx, String table, String fromPath, String toPath) {
    return tx.preparedQuery(MOVE.formatted(checked(table))).execute(Tuple.of(fromPath, toPath)).mapEmpty();
  }

  /** Table names are code constants, never input; refuse anything else rather than build SQL from it. */
  private static String checked(String table) {
    if (!table.matches("[a-z_]{1,63}")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    return table;
  }
}
