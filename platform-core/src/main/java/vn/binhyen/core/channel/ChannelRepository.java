package vn.binhyen.core.channel;

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
import vn.binhyen.core.text.Fold;

/**
 * SQL for channels. Row-level security: published channels are readable anywhere, pending ones
 * and every write only inside the owner's tenant scope.
 */
public final class ChannelRepository {

  static final String COLUMNS = "id, tenant_id, tenant_path, platform, normalized_id, url, display_name,"
      + " status, serves, admins, archived, status_reason, verified_at, created_at";

  private static final String INSERT = """
      INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name,
                           name_folded, status, serves, admins, verified_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $8 = 'verified' THEN now() END)
      RETURNING\s""" + COLUMNS;
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM channel WHERE id = $1";
  private static final String BY_NORMALIZED = "SELECT " + COLUMNS + " FROM channel WHERE normalized_id = $1";
  private static final String BY_TENANT = """
      SELECT %s FROM channel WHERE tenant_id = $1 AND (NOT archived OR $2)
       ORDER BY platform, display_name""".formatted(COLUMNS);
  private static final String IN_SUBTREE_WITH_STATUS = """
      SELECT %s FROM channel
       WHERE (tenant_path = $1 OR tenant_path LIKE $1 || '/%%') AND status = $2 AND NOT archived
       ORDER BY tenant_path, display_name LIMIT $3 OFFSET $4""".formatted(COLUMNS);
  private static final String ALL_WITH_STATUS = """
      SELECT %s FROM channel WHERE status = $1 AND NOT archived ORDER BY id""".formatted(COLUMNS);
  private static final String SET_STATUS = """
      UPDATE channel SET status = $2, status_reason = $3, updated_at = now(),
             verified_at = CASE WHEN $2 = 'verified' THEN coalesce(verified_at, now()) ELSE verified_at END
       WHERE id = $1 RETURNING\s""" + COLUMNS;
  private static final String UPDATE = """
      UPDATE channel SET display_name = $2, name_folded = $3, serves = $4, admins = $5,
             archived = $6, updated_at = now()
       WHERE id = $1 RETURNING\s""" + COLUMNS;
  private static final String MOVE = """
      UPDATE channel SET tenant_id = $2, tenant_path = $3, updated_at = now()
       WHERE tenant_id = $1 RETURNING\s""" + COLUMNS;

  /** Fails with Conflict when the identifier already belongs to a channel. */
  public Future<Channel> insert(SqlClient db, long tenantId, String tenantPath, ChannelRef ref,
      String url, String displayName, ChannelStatus status, String serves, String admins) {
    return db.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {tenantId, tenantPath, ref.platform().id(), ref.normalizedId(),
            url, displayName, Fold.fold(displayName), status.id(), serves, admins}))
        .map(rows -> first(rows).orElseThrow())
        .recover(e -> {
          if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return Future.failedFuture(new DomainError.Conflict("channel-exists",
                "Trang/nhóm này đã được đăng ký / this page or group is already registered: "
                    + ref.normalizedId()));
          }
          return Future.failedFuture(e);
        });
  }

  public Future<Optional<Channel>> findById(SqlClient db, long id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(ChannelRepository::first);
  }

  public Future<Optional<Channel>> findByNormalizedId(SqlClient db, String normalizedId) {
    return db.preparedQuery(BY_NORMALIZED).execute(Tuple.of(normalizedId)).map(ChannelRepository::first);
  }

  public Future<List<Channel>> listByTenant(SqlClient db, long tenantId, boolean includeArchived) {
    return db.preparedQuery(BY_TENANT).execute(Tuple.of(tenantId, includeArchived)).map(ChannelRepository::all);
  }

  public Future<List<Channel>> listInSubtree(SqlClient db, String path, ChannelStatus status, int limit, int offset) {
    return db.preparedQuery(IN_SUBTREE_WITH_STATUS).execute(Tuple.of(path, status.id(), limit, offset))
        .map(ChannelRepository::all);
  }

  /** Every non-archived channel with this status the caller may see (published ones: all). */
  public Future<List<Channel>> listAll(SqlClient db, ChannelStatus status) {
    return db.preparedQuery(ALL_WITH_STATUS).execute(Tuple.of(status.id())).map(ChannelRepository::all);
  }

  public Future<Optional<Channel>> setStatus(SqlClient db, long id, ChannelStatus status, String reason) {
    return db.preparedQuery(SET_STATUS).execute(Tuple.of(id, status.id(), reason)).map(ChannelRepository::first);
  }

  public Future<Optional<Channel>> update(SqlClient db, long id, String displayName, String serves,
      String admins, boolean archived) {
    return db.preparedQuery(UPDATE)
        .execute(Tuple.of(id, displayName, Fold.fold(displayName), serves, admins, archived))
        .map(ChannelRepository::first);
  }

  /** Reorganisation: every channel of one unit now belongs to another. Needs a scope covering both. */
  public Future<List<Channel>> moveAll(SqlClient db, long fromTenantId, long toTenantId, String toPath) {
    return db.preparedQuery(MOVE).execute(Tuple.of(fromTenantId, toTenantId, toPath)).map(ChannelRepository::all);
  }

  static Optional<Channel> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  static List<Channel> all(RowSet<Row> rows) {
    List<Channel> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(map(r)));
    return out;
  }

  public static Channel map(Row r) {
    return new Channel(r.getLong("id"), r.getLong("tenant_id"), r.getString("tenant_path"),
        Platform.byId(r.getString("platform")).orElseThrow(), r.getString("normalized_id"),
        r.getString("url"), r.getString("display_name"), ChannelStatus.parse(r.getString("status")),
        r.getString("serves"), r.getString("admins"), r.getBoolean("archived"),
        r.getString("status_reason"), r.getOffsetDateTime("verified_at"), r.getOffsetDateTime("created_at"));
  }
}
