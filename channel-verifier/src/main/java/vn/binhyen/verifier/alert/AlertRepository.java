package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.error.DomainError;

/** SQL for {@code alert} (channel-verifier migration V4). */
final class AlertRepository {

  private static final String COLUMNS = """
      id, tenant_id, tenant_path, tenant_code, tenant_name, title, body, title_en, body_en, severity, category,
      scope_subtree, scope_codes, scope_paths, scope_names, replaces, kid, token, log_index, issued_at, expires_at,
      issued_by, cancelled_at, cancel_reason, replaced_by, cancel_token, cancel_log_index,
      (SELECT coalesce(json_agg(json_build_object('sha256', i.sha256, 'sha1', i.sha1, 'type', i.media_type,
              'size', i.size) ORDER BY u.n), '[]'::json)
         FROM unnest(alert.images) WITH ORDINALITY AS u (id, n) JOIN alert_image i ON i.sha256 = u.id) AS image_list
      """;
  private static final String INSERT = """
      INSERT INTO alert (id, tenant_id, tenant_path, tenant_code, tenant_name, title, body, title_en, body_en,
        severity, category, scope_subtree, scope_codes, scope_paths, scope_names, replaces, kid, token, log_index,
        issued_at, expires_at, issued_by, images)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)""";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM alert WHERE id = $1";
  private static final String BY_ID_LOCKED = BY_ID + " FOR UPDATE";
  private static final String CANCEL = """
      UPDATE alert SET cancelled_at = now(), cancel_reason = $2, replaced_by = $3, cancel_token = $4,
             cancel_log_index = $5
       WHERE id = $1 AND cancelled_at IS NULL""";
  // A unit's alerts for its staff: those it issued and those meant for it from above (a unit in
  // scope is the unit itself or one of its ancestors), newest first. alert_issuer / alert_scope.
  private static final String FOR_STAFF = "SELECT " + COLUMNS + """
       FROM alert
      WHERE tenant_path = $1
         OR scope_paths && $2::text[]
      ORDER BY issued_at DESC, id
      LIMIT $3""";
  // Current alerts meant for a unit (its own and its ancestors'): unexpired, not cancelled.
  private static final String CURRENT_FOR = "SELECT " + COLUMNS + """
       FROM alert
      WHERE scope_paths && $1::text[] AND cancelled_at IS NULL AND expires_at > now()
      ORDER BY issued_at DESC, id
      LIMIT $2""";

  /** @throws DomainError.Conflict {@code alert-not-active} when another update already replaced {@code a.replaces()} */
  Future<Void> insert(SqlClient tx, Alert a) {
    return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {a.id(), a.tenantId(), a.tenantPath(),
        a.tenantCode(), a.tenantName(), a.title(), a.body(), a.titleEn(), a.bodyEn(), a.severity().id(), a.category(),
        a.subtree(), a.scopeCodes().toArray(String[]::new), a.scopePaths().toArray(String[]::new),
        a.scopeNames().toArray(String[]::new), a.replaces(), a.kid(), a.token(), a.logIndex(), time(a.issuedAt()),
        time(a.expiresAt()), a.issuedBy(), a.images().stream().map(AlertImage::sha256).toArray(String[]::new)}))
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            && a.replaces() != null
            ? new DomainError.Conflict("alert-not-active", "Cảnh báo " + a.replaces()
                + " đã được cập nhật bằng bản khác / alert " + a.replaces() + " was already replaced by another update")
            : e));
  }

  Future<Optional<Alert>> byId(SqlClient db, String id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(AlertRepository::first);
  }

  /** The alert, locked until the transaction ends (one cancellation or update at a time). */
  Future<Optional<Alert>> lock(SqlClient tx, String id) {
    return tx.preparedQuery(BY_ID_LOCKED).execute(Tuple.of(id)).map(AlertRepository::first);
  }

  /** Whether it cancelled (false: it was cancelled already). */
  Future<Boolean> cancel(SqlClient tx, String id, String reason, String replacedBy, String cancelToken,
      long cancelLogIndex) {
    return tx.preparedQuery(CANCEL).execute(Tuple.of(id, reason, replacedBy, cancelToken, cancelLogIndex))
        .map(r -> r.rowCount() == 1);
  }

  /** {@code ancestry}: the unit's path and every path above it. */
  Future<List<Alert>> forStaff(SqlClient db, String unitPath, List<String> ancestry, int limit) {
    return db.preparedQuery(FOR_STAFF).execute(Tuple.of(unitPath, ancestry.toArray(String[]::new), limit))
        .map(AlertRepository::all);
  }

  Future<List<Alert>> currentFor(SqlClient db, List<String> ancestry, int limit) {
    return db.preparedQuery(CURRENT_FOR).execute(Tuple.of(ancestry.toArray(String[]::new), limit))
        .map(AlertRepository::all);
  }

  private static Optional<Alert> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  private static List<Alert> all(RowSet<Row> rows) {
    List<Alert> out = new ArrayList<>();
    rows.forEach(r -> out.add(map(r)));
    return out;
  }

  private static Alert map(Row r) {
    return new Alert(r.getString("id"), r.getLong("tenant_id"), r.getString("tenant_path"), r.getString("tenant_code"),
        r.getString("tenant_name"), r.getString("title"), r.getString("body"), r.getString("title_en"),
        r.getString("body_en"), Severity.parse(r.getString("severity")), r.getString("category"),
        r.getBoolean("scope_subtree"), Arrays.asList(r.getArrayOfStrings("scope_codes")),
        Arrays.asList(r.getArrayOfStrings("scope_paths")), Arrays.asList(r.getArrayOfStrings("scope_names")),
        r.getString("replaces"), r.getString("kid"), r.getString("token"), r.getLong("log_index"),
        instant(r.getOffsetDateTime("issued_at")), instant(r.getOffsetDateTime("expires_at")),
        r.getString("issued_by"), instant(r.getOffsetDateTime("cancelled_at")), r.getString("cancel_reason"),
        r.getString("replaced_by"), r.getString("cancel_token"), r.getLong("cancel_log_index"), images(r));
  }

  private static List<AlertImage> images(Row r) {
    Object value = r.getValue("image_list");
    io.vertx.core.json.JsonArray list = value instanceof io.vertx.core.json.JsonArray a ? a
        : new io.vertx.core.json.JsonArray(String.valueOf(value));
    List<AlertImage> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      io.vertx.core.json.JsonObject o = list.getJsonObject(i);
      out.add(new AlertImage(o.getString("sha256"), o.getString("sha1"), o.getString("type"), o.getLong("size")));
    }
    return out;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime time(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
