package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;

/** SQL for the tenant hierarchy. Methods take the client so they work inside or outside a transaction. */
public final class TenantRepository {

  static final String COLUMNS = "id, code, name, level, parent_id, path, depth, valid_from, valid_to";

  private static final String BY_CODE = """
      SELECT %s FROM tenant WHERE code = $1 AND valid_to IS NULL""".formatted(COLUMNS);
  private static final String BY_ID = "SELECT %s FROM tenant WHERE id = $1".formatted(COLUMNS);
  private static final String HISTORICAL_BY_CODE = """
      SELECT %s FROM tenant WHERE code = $1 AND valid_to IS NOT NULL
       ORDER BY valid_to DESC""".formatted(COLUMNS);
  private static final String CHILDREN = """
      SELECT %s FROM tenant WHERE parent_id = $1 AND valid_to IS NULL
       ORDER BY code LIMIT $2 OFFSET $3""".formatted(COLUMNS);
  private static final String COUNT_CHILDREN =
      "SELECT count(*) FROM tenant WHERE parent_id = $1 AND valid_to IS NULL";
  // The prefix condition uses tenant_path_prefix (text_pattern_ops).
  private static final String SUBTREE = """
      SELECT %s FROM tenant
       WHERE (path = $1 OR path LIKE $1 || '/%%') AND valid_to IS NULL
       ORDER BY depth, code LIMIT $2 OFFSET $3""".formatted(COLUMNS);
  private static final String COUNT_SUBTREE = """
      SELECT count(*) FROM tenant
       WHERE (path = $1 OR path LIKE $1 || '/%') AND valid_to IS NULL""";
  private static final String SEARCH = """
      SELECT %s FROM tenant
       WHERE (path = $1 OR path LIKE $1 || '/%%') AND valid_to IS NULL
         AND (name_folded LIKE '%%' || $2 || '%%' OR code = $3)
       ORDER BY depth, length(name), code LIMIT $4""".formatted(COLUMNS);
  private static final String INSERT = """
      INSERT INTO tenant (code, name, name_folded, level, parent_id, path, depth, valid_from)
      VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, DATE '1900-01-01'))
      RETURNING %s""".formatted(COLUMNS);
  private static final String RENAME = """
      UPDATE tenant SET name = $2, name_folded = $3, updated_at = now()
       WHERE id = $1 RETURNING %s""".formatted(COLUMNS);
  private static final String SUCCESSORS = """
      SELECT %s FROM tenant t JOIN tenant_successor s ON s.successor_id = t.id
       WHERE s.tenant_id = $1 ORDER BY t.code""".formatted(
      COLUMNS.replaceAll("(\\w+)", "t.$1"));

  public Future<Optional<Tenant>> findCurrentByCode(SqlClient db, String code) {
    return db.preparedQuery(BY_CODE).execute(Tuple.of(code)).map(TenantRepository::first);
  }

  public Future<Optional<Tenant>> findById(SqlClient db, long id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(TenantRepository::first);
  }

  public Future<List<Tenant>> findHistoricalByCode(SqlClient db, String code) {
    return db.preparedQuery(HISTORICAL_BY_CODE).execute(Tuple.of(code)).map(TenantRepository::all);
  }

  public Future<List<Tenant>> successors(SqlClient db, long id) {
    return db.preparedQuery(SUCCESSORS).execute(Tuple.of(id)).map(TenantRepository::all);
  }

  public Future<Page<Tenant>> children(SqlClient db, long parentId, int limit, int offset) {
    return db.preparedQuery(CHILDREN).execute(Tuple.of(parentId, limit, offset))
        .compose(rows -> db.preparedQuery(COUNT_CHILDREN).execute(Tuple.of(parentId))
            .map(count -> new Page<>(all(rows), count.iterator().next().getLong(0), limit, offset)));
  }

  public Future<Page<Tenant>> subtree(SqlClient db, String path, int limit, int offset) {
    return db.preparedQuery(SUBTREE).execute(Tuple.of(path, limit, offset))
        .compose(rows -> db.preparedQuery(COUNT_SUBTREE).execute(Tuple.of(path))
            .map(count -> new Page<>(all(rows), count.iterator().next().getLong(0), limit, offset)));
  }

  public Future<List<Tenant>> search(SqlClient db, String withinPath, String query, int limit) {
    return db.preparedQuery(SEARCH)
        .execute(Tuple.of(withinPath, Fold.fold(query), query.trim(), limit))
        .map(TenantRepository::all);
  }

  /** Fails with {@link DomainError.Conflict} when a current unit already has the code. */
  public Future<Tenant> insert(SqlClient db, String code, String name, UnitLevel level,
      Tenant parent, java.time.LocalDate validFrom) {
    String path = parent == null ? code : TenantPath.child(parent.path(), code);
    int depth = parent == null ? 0 : parent.depth() + 1;
    return db.preparedQuery(INSERT)
        .execute(Tuple.of(code, name, Fold.fold(name), level.id(),
            parent == null ? null : parent.id(), path, depth, validFrom))
        .map(rows -> first(rows).orElseThrow())
        .recover(e -> Future.failedFuture(duplicate(e, code)));
  }

  public Future<Tenant> rename(SqlClient db, long id, String name) {
    return db.preparedQuery(RENAME).execute(Tuple.of(id, name, Fold.fold(name)))
        .map(rows -> first(rows).orElseThrow(() -> new DomainError.NotFound("unit " + id)));
  }

  static Throwable duplicate(Throwable e, String code) {
    if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      return new DomainError.Conflict("duplicate-unit-code",
          "Mã đơn vị " + code + " đã tồn tại / a current unit already has code " + code);
    }
    return e;
  }

  static Optional<Tenant> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  static List<Tenant> all(RowSet<Row> rows) {
    List<Tenant> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(map(r)));
    return out;
  }

  public static Tenant map(Row r) {
    return new Tenant(r.getLong("id"), r.getString("code"), r.getString("name"),
        UnitLevel.parse(r.getString("level")), r.getLong("parent_id"), r.getString("path"),
        r.getInteger("depth"), r.getLocalDate("valid_from"), r.getLocalDate("valid_to"));
  }
}
