package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;
import vn.binhyen.core.tips.attachments.StoredFile;

/**
 * SQL for tips, their events and attachments. Row-level security: a tip (and with it its events
 * and attachments) is visible only inside a scope covering its handling unit. Roll-ups follow
 * every INSERT/UPDATE by trigger (V2__rollup.sql).
 */
final class TipRepository {

  /** A tip found by receipt or platform message before any scope is known. */
  record Located(long id, String tenantPath, byte[] secretHash) {}

  /** An attachment row. */
  record Attachment(long id, long tipId, String sha256, String mediaType, long size, String fileName,
      String remoteUrl) {}

  static final String COLUMNS = "id, receipt, tenant_id, tenant_path, key_tenant, category, status,"
      + " source, body, place, occurred, contact_sealed, account_sealed, assignee, reject_reason,"
      + " received_at, sla_due_at, first_response_at, sla_breached";

  private static final String CATEGORIES =
      "SELECT id, name_vi, name_en, sla_hours FROM tip_category ORDER BY position";
  // The tip and its first event in one statement (one round trip on the hottest path).
  private static final String INSERT = """
      WITH t AS (
        INSERT INTO tip (receipt, secret_hash, tenant_id, tenant_path, key_tenant, category, source,
                         source_message_id, body, body_folded, place, occurred, contact_sealed,
                         account_sealed, received_at, received_day, sla_due_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
        RETURNING\s""" + COLUMNS + """
      ), e AS (
        INSERT INTO tip_event (tip_id, kind, action, from_status, to_status, actor_id, actor_name, unit_path, note)
        SELECT id, 'transition', 'receive', NULL, status, $18, $19, tenant_path, $20 FROM t)
      SELECT * FROM t""";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM tip WHERE id = $1";
  private static final String BY_ID_FOR_UPDATE = BY_ID + " FOR UPDATE";
  private static final String LOCATE = "SELECT id, tenant_path, secret_hash FROM tip_locate($1)";
  private static final String BY_MESSAGE = "SELECT id, tenant_path FROM tip_by_message($1, $2)";
  private static final String UPDATE_STATE = """
      UPDATE tip SET status = $2, assignee = $3, reject_reason = $4, tenant_id = $5, tenant_path = $6,
             first_response_at = coalesce(first_response_at, $7),
             sla_breached = sla_breached OR ($7 IS NOT NULL AND first_response_at IS NULL AND $7 > sla_due_at),
             updated_at = now()
       WHERE id = $1 RETURNING\s""" + COLUMNS;
  private static final String MARK_RESPONDED = """
      UPDATE tip SET first_response_at = $2,
             sla_breached = sla_breached OR $2 > sla_due_at, updated_at = now()
       WHERE id = $1 AND first_response_at IS NULL""";
  private static final String SWEEP_SLA = """
      UPDATE tip SET sla_breached = true, updated_at = now()
       WHERE first_response_at IS NULL AND NOT sla_breached AND sla_due_at < $1""";
  private static final String INSERT_EVENT = """
      INSERT INTO tip_event (tip_id, kind, action, from_status, to_status, actor_id, actor_name,
                             unit_path, note)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
  private static final String EVENTS = """
      SELECT id, tip_id, kind, action, from_status, to_status, actor_name, unit_path, note, at
        FROM tip_event WHERE tip_id = $1 ORDER BY id""";
  private static final String INSERT_ATTACHMENT = """
      INSERT INTO tip_attachment (tip_id, sha256, media_type, size_bytes, file_name, remote_url)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String ATTACHMENTS = """
      SELECT id, tip_id, sha256, media_type, size_bytes, file_name, remote_url
        FROM tip_attachment WHERE tip_id = $1 ORDER BY id""";

  Future<List<TipCategory>> categories(SqlClient db) {
    return db.query(CATEGORIES).execute().map(rows -> {
      List<TipCategory> out = new ArrayList<>();
      rows.forEach(r -> out.add(new TipCategory(r.getString(0), r.getString(1), r.getString(2), r.getInteger(3))));
      return out;
    });
  }

  /** Fails with Conflict {@code tip-duplicate} when the platform message was already received. */
  /** Inserts a tip with its first event ("receive" by {@code actorName}, with {@code note}). */
  Future<Tip> insert(SqlClient db, String receipt, byte[] secretHash, long tenantId, String tenantPath,
      String keyTenant, NewTip t, byte[] contact, byte[] account, OffsetDateTime at, LocalDate day,
      OffsetDateTime due, Long actorId, String actorName, String note) {
    Object[] values = {receipt, secretHash, tenantId, tenantPath, keyTenant, t.category(), t.source(),
        t.messageId(), t.text(), Fold.fold(t.text()), t.place(), t.occurred(), contact, account, at, day, due,
        actorId, actorName, note};
    return db.preparedQuery(INSERT).execute(Tuple.from(values))
        .map(rows -> map(rows.iterator().next()))
        .recover(e -> {
          if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            String what = pg.getConstraint() != null && pg.getConstraint().contains("receipt") ? "tip-receipt-taken" : "tip-duplicate";
            return Future.failedFuture(new DomainError.Conflict(what, "Tin nhắn này đã được tiếp nhận / message already received"));
          }
          if (e instanceof PgException pg && "23503".equals(pg.getSqlState())) {
            return Future.failedFuture(new DomainError.Invalid("tip-category", "Không có lĩnh vực này / unknown category"));
          }
          return Future.failedFuture(e);
        });
  }

  Future<Optional<Tip>> findById(SqlClient db, long id, boolean forUpdate) {
    return db.preparedQuery(forUpdate ? BY_ID_FOR_UPDATE : BY_ID).execute(Tuple.of(id)).map(TipRepository::first);
  }

  Future<Optional<Located>> locate(SqlClient db, String receipt) {
    return db.preparedQuery(LOCATE).execute(Tuple.of(receipt)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Located(r.getLong(0), r.getString(1), r.getBuffer(2).getBytes()));
    });
  }

  Future<Optional<Located>> byMessage(SqlClient db, String source, String messageId) {
    return db.preparedQuery(BY_MESSAGE).execute(Tuple.of(source, messageId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(new Located(it.next().getLong(0), null, null)) : Optional.empty();
    });
  }

  Future<Tip> updateState(SqlClient db, long id, TipStatus status, String assignee, String rejectReason,
      long tenantId, String tenantPath, OffsetDateTime respondedAt) {
    Object[] values = {id, status.id(), assignee, rejectReason, tenantId, tenantPath, respondedAt};
    return db.preparedQuery(UPDATE_STATE).execute(Tuple.from(values)).map(rows -> map(rows.iterator().next()));
  }

  Future<Void> markResponded(SqlClient db, long id, OffsetDateTime at) {
    return db.preparedQuery(MARK_RESPONDED).execute(Tuple.of(id, at)).mapEmpty();
  }

  /** Flags unanswered tips past their deadline; returns how many. */
  Future<Integer> sweepSla(SqlClient db, OffsetDateTime now) {
    return db.preparedQuery(SWEEP_SLA).execute(Tuple.of(now)).map(RowSet::rowCount);
  }

  Future<Void> insertEvent(SqlClient db, long tipId, String kind, String action, String from, String to,
      Long actorId, String actorName, String unitPath, String note) {
    Object[] values = {tipId, kind, action, from, to, actorId, actorName, unitPath, note};
    return db.preparedQuery(INSERT_EVENT).execute(Tuple.from(values)).mapEmpty();
  }

  Future<List<TipEvent>> events(SqlClient db, long tipId) {
    return db.preparedQuery(EVENTS).execute(Tuple.of(tipId)).map(rows -> {
      List<TipEvent> out = new ArrayList<>();
      rows.forEach(r -> out.add(new TipEvent(r.getLong(0), r.getLong(1), r.getString(2), r.getString(3),
          r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
          r.getOffsetDateTime(9))));
      return out;
    });
  }

  Future<Void> insertAttachment(SqlClient db, long tipId, StoredFile f, String remoteUrl) {
    Object[] values = {tipId, f.sha256(), f.mediaType(), f.size(), f.fileName(), remoteUrl};
    return db.preparedQuery(INSERT_ATTACHMENT).execute(Tuple.from(values)).mapEmpty();
  }

  Future<List<Attachment>> attachments(SqlClient db, long tipId) {
    return db.preparedQuery(ATTACHMENTS).execute(Tuple.of(tipId)).map(rows -> {
      List<Attachment> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Attachment(r.getLong(0), r.getLong(1), r.getString(2), r.getString(3),
          r.getLong(4), r.getString(5), r.getString(6))));
      return out;
    });
  }

  static Optional<Tip> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  static Tip map(Row r) {
    return new Tip(r.getLong("id"), r.getString("receipt"), r.getLong("tenant_id"), r.getString("tenant_path"),
        r.getString("key_tenant"), r.getString("category"), TipStatus.parse(r.getString("status")),
        r.getString("source"), r.getString("body"), r.getString("place"), r.getString("occurred"),
        bytes(r, "contact_sealed"), bytes(r, "account_sealed"), r.getString("assignee"),
        r.getString("reject_reason"), r.getOffsetDateTime("received_at"), r.getOffsetDateTime("sla_due_at"),
        r.getOffsetDateTime("first_response_at"), r.getBoolean("sla_breached"));
  }

  private static byte[] bytes(Row r, String column) {
    var b = r.getBuffer(column);
    return b == null ? null : b.getBytes();
  }
}
