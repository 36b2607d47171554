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

  // Many units at once: $1 old paths, $2 new paths (unnested in pairs).
  private static final String MOVE_ALL = """
      UPDATE %s t SET tenant_path = m.to_path FROM unnest($1::text[], $2::text[]) AS m (from_path, to_path)
       WHERE t.tenant_path = m.from_path""";
  // Re-parented units should not nest (a row under two old prefixes takes either rewrite).
  private static final String REPATH_ALL = """
      UPDATE %s t SET tenant_path = m.new_path || substr(t.tenant_path, length(m.old_path) + 1)
        FROM unnest($1::text[], $2::text[]) AS m (old_path, new_path)
       WHERE t.tenant_path = m.old_path OR t.tenant_path LIKE m.old_path || '/%%'""";

  private TenantRows() {}

  /** {@link #move} for many units in one statement: each merged unit's rows to its survivor's path. */
  public static Future<Void> moveAll(SqlClient tx, String table, UnitMoves m) {
    if (m.merges().isEmpty()) {
      return Future.succeededFuture();
    }
    String[] from = m.merges().stream().map(p -> p[0].path()).toArray(String[]::new);
    String[] to = m.merges().stream().map(p -> p[1].path()).toArray(String[]::new);
    return tx.preparedQuery(MOVE_ALL.formatted(checked(table))).execute(Tuple.from(new Object[] {from, to})).mapEmpty();
  }

  /** {@link #repath} for every re-parented unit of {@code m} in one statement. */
  public static Future<Void> repathAll(SqlClient tx, String table, UnitMoves m) {
    if (m.repaths().isEmpty()) {
      return Future.succeededFuture();
    }
    String[] old = m.repaths().keySet().toArray(String[]::new);
    String[] now = java.util.Arrays.stream(old).map(m.repaths()::get).toArray(String[]::new);
    return tx.preparedQuery(REPATH_ALL.formatted(checked(table))).execute(Tuple.from(new Object[] {old, now})).mapEmpty();
  }

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
