package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** An attachment row; {@code replyEventId} names the officer's reply it belongs to (null: the citizen's). */
  record Attachment(long id, long tipId, String sha256, String mediaType, long size, String fileName,
      String remoteUrl, Long replyEventId) {}

  static final String COLUMNS = "id, receipt, tenant_id, tenant_path, key_tenant, category, status,"
      + " source, body, place, occurred, contact_sealed, account_sealed, assignee, reject_reason,"
      + " received_at, sla_due_at, first_response_at, sla_breached, sender_key";

  private static final String CATEGORIES =
      "SELECT id, name_vi, name_en, sla_hours FROM tip_category ORDER BY position";
  // Tips and their first events in one statement, for a whole batch (IntakeBatcher): one array
  // per column, unnested in order. %s is where a single tip skips a conflict (see insertAll).
  private static final String INSERT_TIPS = """
      WITH input AS (
        SELECT * FROM unnest($1::text[], $2::bytea[], $3::bigint[], $4::text[], $5::text[], $6::text[],
                             $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                             $13::bytea[], $14::bytea[], $15::timestamptz[], $16::date[],
                             $17::timestamptz[], $18::bigint[], $19::text[], $20::text[])
          WITH ORDINALITY AS i (receipt, secret_hash, tenant_id, tenant_path, key_tenant, category,
                                source, source_message_id, body, body_folded, place, occurred,
                                contact_sealed, account_sealed, received_at, received_day, sla_due_at,
                                actor_id, actor_name, note, ord)
      ), r AS (
        -- Receipts and platform messages are unique nationally through their claims (tips V15:
        -- the partitioned tip cannot have such an index); a message is claimed with its receipt.
        INSERT INTO tip_receipt (receipt) SELECT receipt FROM input
        %1$s
        RETURNING receipt
      ), m AS (
        INSERT INTO tip_message (source, message_id)
        SELECT i.source, i.source_message_id FROM input i JOIN r ON r.receipt = i.receipt
         WHERE i.source_message_id IS NOT NULL
        %1$s
        RETURNING source, message_id
      ), t AS (
        INSERT INTO tip (receipt, secret_hash, tenant_id, tenant_path, key_tenant, category, source,
                         source_message_id, body, body_folded, place, occurred, contact_sealed,
                         account_sealed, received_at, received_day, sla_due_at)
        SELECT i.receipt, secret_hash, tenant_id, tenant_path, key_tenant, category, i.source,
               source_message_id, body, body_folded, place, occurred, contact_sealed,
               account_sealed, received_at, received_day, sla_due_at
          FROM input i JOIN r ON r.receipt = i.receipt
         WHERE i.source_message_id IS NULL
            OR EXISTS (SELECT 1 FROM m WHERE m.source = i.source AND m.message_id = i.source_message_id)
         ORDER BY ord
        RETURNING id, receipt, status, tenant_path
      ), e AS (
        INSERT INTO tip_event (tip_id, kind, action, from_status, to_status, actor_id, actor_name, unit_path, note,
                               province)
        SELECT t.id, 'transition', 'receive', NULL, t.status, i.actor_id, i.actor_name, t.tenant_path, i.note,
               split_part(t.tenant_path, '/', 2)
          FROM t JOIN input i ON i.receipt = t.receipt)
      SELECT id, receipt, status FROM t""";
  // A batch fails whole on a conflict (IntakeBatcher then writes its tips one by one): checking
  // every unique index before each row (ON CONFLICT) cost about a tenth of the database's time.
  private static final String INSERT_BATCH = INSERT_TIPS.formatted("");
  // One tip: a taken receipt or a platform message received before is skipped (ON CONFLICT DO
  // NOTHING on its claim) and missing from the answer.
  private static final String INSERT_ONE = INSERT_TIPS.formatted("ON CONFLICT DO NOTHING");
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
  // Set-based (tips V18): the overdue tips flagged, their counters adjusted once in key order.
  private static final String SWEEP_SLA = "SELECT tip_sla_sweep($1)";
  // An event lives in its tip's province partition (the tip as it is now: after a forward, its
  // new unit's; the event's unit_path may still name the unit it left).
  private static final String TIP_PROVINCE = "(SELECT split_part(tenant_path, '/', 2) FROM tip WHERE id = $1)";
  private static final String INSERT_EVENT = """
      INSERT INTO tip_event (tip_id, kind, action, from_status, to_status, actor_id, actor_name,
                             unit_path, note, province)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,\s""" + TIP_PROVINCE + ")";
  private static final String INSERT_EVENT_ID = INSERT_EVENT + " RETURNING id";
  // The sender's open tip, if their latest message to it is recent enough (locked: one message
  // joins at a time).
  private static final String OPEN_CONVERSATION = "SELECT " + COLUMNS + """
       FROM tip WHERE sender_key = $1 AND status NOT IN ('resolved', 'rejected')
        AND sender_last_at > now() - make_interval(hours => $2)
      ORDER BY sender_last_at DESC LIMIT 1 FOR UPDATE""";
  // The sender's own tip named by a receipt code typed in the chat (another sender's code opens nothing).
  private static final String SENDER_TIP_BY_RECEIPT = "SELECT " + COLUMNS
      + " FROM tip WHERE sender_key = $1 AND receipt = $2 AND status <> 'rejected' FOR UPDATE";
  private static final String JOIN_MESSAGE = """
      INSERT INTO tip_event (tip_id, kind, action, actor_name, unit_path, note, source_message_id, province)
      VALUES ($1, 'citizen', 'message', $2, $3, $4, $5, split_part($3, '/', 2))
      ON CONFLICT (province, source_message_id) WHERE source_message_id IS NOT NULL DO NOTHING""";
  private static final String SET_SENDER = """
      UPDATE tip SET sender_key = $2, sender_last_at = now(), channel_id = coalesce(channel_id, $3) WHERE id = $1""";
  private static final String MESSAGE_JOINED = "SELECT 1 FROM tip_event WHERE source_message_id = $1";
  static final String EVENTS = """
      SELECT e.id, e.tip_id, e.kind, e.action, e.from_status, e.to_status, e.actor_name, e.unit_path, e.note, e.at,
             d.status, d.platform_message_id, d.reason, d.platform_error
        FROM tip_event e LEFT JOIN tip_reply_delivery d ON d.event_id = e.id
       WHERE e.tip_id = $1 AND e.province = split_part($2, '/', 2) ORDER BY e.id""";
  // Attachments of the tips written by the statement before it in the same transaction, found by
  // receipt and secret hash (a tip skipped for a taken receipt must not lend its files to the
  // tip that holds the receipt), so both statements go out together.
  private static final String INSERT_ATTACHMENTS = """
      INSERT INTO tip_attachment (tip_id, sha256, media_type, size_bytes, file_name, remote_url)
      SELECT t.id, a.sha256, a.media_type, a.size_bytes, a.file_name, a.remote_url
        FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[])
               WITH ORDINALITY AS a (receipt, secret_hash, sha256, media_type, size_bytes, file_name, remote_url, ord)
        JOIN tip t ON t.receipt = a.receipt AND t.secret_hash = a.secret_hash
       ORDER BY a.ord""";
  private static final String INSERT_REPLY_IMAGE = """
      INSERT INTO tip_attachment (tip_id, sha256, media_type, size_bytes, file_name, reply_event_id)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String ATTACHMENTS = """
      SELECT id, tip_id, sha256, media_type, size_bytes, file_name, remote_url, reply_event_id
        FROM tip_attachment WHERE tip_id = $1 ORDER BY id""";

  Future<List<TipCategory>> categories(SqlClient db) {
    return db.query(CATEGORIES).execute().map(rows -> {
      List<TipCategory> out = new ArrayList<>();
      rows.forEach(r -> out.add(new TipCategory(r.getString(0), r.getString(1), r.getString(2), r.getInteger(3))));
      return out;
    });
  }

  /**
   * Inserts tips with their first events (and their attachments), sending every statement at once
   * (no statement waits for another's answer: {@link vn.binhyen.core.db.Db#inScopeAtOnce}): the
   * stored tips by receipt. Several tips fail together on any conflict; a single tip whose receipt
   * is taken or whose platform message was received before is missing from the answer instead.
   * The database answers only each tip's id and status; the rest of the answered {@link Tip} is
   * what was written (decoding twenty columns per tip by name was a tenth of the node's time at
   * full intake).
   */
  Future<Map<String, Tip>> insertAll(SqlClient db, List<TipRow> rows) {
    int n = rows.size();
    Object[][] columns = {new String[n], new Buffer[n], new Long[n], new String[n], new String[n],
        new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
        new String[n], new Buffer[n], new Buffer[n], new OffsetDateTime[n], new LocalDate[n],
        new OffsetDateTime[n], new Long[n], new String[n], new String[n]};
    List<Object[]> values = new ArrayList<>(n);
    for (TipRow r : rows) {
      NewTip t = r.tip();
      values.add(new Object[] {r.receipt(), Buffer.buffer(r.secretHash()), r.tenantId(), r.tenantPath(),
          r.keyTenant(), t.category(), t.source(), t.messageId(), t.text(), Fold.fold(t.text()), t.place(),
          t.occurred(), buffer(r.contact()), buffer(r.account()), r.at(), r.day(), r.due(), r.actorId(),
          r.actorName(), r.note()});
    }
    Future<Map<String, Tip>> tips = db.preparedQuery(n == 1 ? INSERT_ONE : INSERT_BATCH)
        .execute(arrays(columns, values))
        .map(result -> {
          Map<String, TipRow> sent = new HashMap<>(n * 2);
          rows.forEach(r -> sent.put(r.receipt(), r));
          Map<String, Tip> stored = new HashMap<>(n * 2);
          result.forEach(row -> {
            TipRow r = sent.get(row.getString(1));
            stored.put(r.receipt(), written(row.getLong(0), TipStatus.parse(row.getString(2)), r));
          });
          return stored;
        });
    Future<Void> files = insertAttachments(db, rows);
    return files.compose(x -> tips, e -> tips.compose(ignored -> Future.failedFuture(e)));
  }

  /** The tip as {@link #insertAll} wrote it: a new tip has no assignee, answer or sender yet. */
  private static Tip written(long id, TipStatus status, TipRow r) {
    NewTip t = r.tip();
    return new Tip(id, r.receipt(), r.tenantId(), r.tenantPath(), r.keyTenant(), t.category(), status, t.source(),
        t.text(), t.place(), t.occurred(), r.contact(), r.account(), null, null, r.at(), r.due(), null, false, null);
  }

  private Future<Void> insertAttachments(SqlClient db, List<TipRow> rows) {
    List<Object[]> all = new ArrayList<>();
    for (TipRow r : rows) {
      Buffer secretHash = Buffer.buffer(r.secretHash());
      r.files().forEach(f -> all.add(new Object[] {r.receipt(), secretHash, f.sha256(), f.mediaType(), f.size(),
          f.fileName(), null}));
      // Platform attachments not fetched: the content address of nothing, and the URL.
      r.tip().remoteAttachments().forEach(url ->
          all.add(new Object[] {r.receipt(), secretHash, "0".repeat(64), "application/x-remote", 0L, null, url}));
    }
    if (all.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = all.size();
    Object[][] columns = {new String[n], new Buffer[n], new String[n], new String[n], new Long[n], new String[n],
        new String[n]};
    return db.preparedQuery(INSERT_ATTACHMENTS).execute(arrays(columns, all)).mapEmpty();
  }

  /** Rows turned into one array parameter per column (for {@code unnest($1::…[], …)}). */
  private static Tuple arrays(Object[][] columns, List<Object[]> rows) {
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      for (int c = 0; c < columns.length; c++) {
        columns[c][i] = row[c];
      }
    }
    return Tuple.from((Object[]) columns);
  }

  private static Buffer buffer(byte[] bytes) {
    return bytes == null ? null : Buffer.buffer(bytes);
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
    return db.preparedQuery(SWEEP_SLA).execute(Tuple.of(now)).map(rows -> (int) rows.iterator().next().getLong(0).longValue());
  }

  Future<Void> insertEvent(SqlClient db, long tipId, String kind, String action, String from, String to,
      Long actorId, String actorName, String unitPath, String note) {
    Object[] values = {tipId, kind, action, from, to, actorId, actorName, unitPath, note};
    return db.preparedQuery(INSERT_EVENT).execute(Tuple.from(values)).mapEmpty();
  }

  /** Like {@link #insertEvent}; the new event's id. */
  Future<Long> insertEventId(SqlClient db, long tipId, String kind, String action, Long actorId, String actorName,
      String unitPath, String note) {
    Object[] values = {tipId, kind, action, null, null, actorId, actorName, unitPath, note};
    return db.preparedQuery(INSERT_EVENT_ID).execute(Tuple.from(values)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Optional<Tip>> openConversation(SqlClient tx, byte[] senderKey, int hours) {
    return tx.preparedQuery(OPEN_CONVERSATION).execute(Tuple.of(Buffer.buffer(senderKey), hours)).map(TipRepository::first);
  }

  /** The sender's tip with this receipt code (not rejected), locked. */
  Future<Optional<Tip>> senderTipByReceipt(SqlClient tx, byte[] senderKey, String receipt) {
    return tx.preparedQuery(SENDER_TIP_BY_RECEIPT).execute(Tuple.of(Buffer.buffer(senderKey), receipt)).map(TipRepository::first);
  }

  /** A later message of the tip's sender, once per platform message id; says whether it was new. */
  Future<Boolean> joinMessage(SqlClient tx, Tip tip, String actorName, String text, String messageKey) {
    return tx.preparedQuery(JOIN_MESSAGE).execute(Tuple.of(tip.id(), actorName, tip.tenantPath(), text, messageKey))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Links a tip to its sender's keyed hash and channel, and marks their latest message now. */
  Future<Void> setSender(SqlClient tx, long tipId, byte[] senderKey, long channelId) {
    return tx.preparedQuery(SET_SENDER).execute(Tuple.of(tipId, Buffer.buffer(senderKey), channelId)).mapEmpty();
  }

  Future<Boolean> messageJoined(SqlClient db, String messageKey) {
    return db.preparedQuery(MESSAGE_JOINED).execute(Tuple.of(messageKey)).map(rows -> rows.size() > 0);
  }

  /** The events of a tip at {@code tipPath} (its handling unit's path: it names the partition). */
  Future<List<TipEvent>> events(SqlClient db, long tipId, String tipPath) {
    return db.preparedQuery(EVENTS).execute(Tuple.of(tipId, tipPath)).map(rows -> {
      List<TipEvent> out = new ArrayList<>();
      rows.forEach(r -> out.add(new TipEvent(r.getLong(0), r.getLong(1), r.getString(2), r.getString(3),
          r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
          r.getOffsetDateTime(9), r.getString(10) == null ? null
              : new TipEvent.Delivery(r.getString(10), r.getString(11), r.getString(12), r.getString(13)))));
      return out;
    });
  }

  /** The photo of the officer's reply {@code eventId}, stored in the attachment store. */
  Future<Void> insertReplyImage(SqlClient db, long tipId, long eventId, StoredFile f) {
    return db.preparedQuery(INSERT_REPLY_IMAGE)
        .execute(Tuple.from(new Object[] {tipId, f.sha256(), f.mediaType(), f.size(), f.fileName(), eventId})).mapEmpty();
  }

  Future<List<Attachment>> attachments(SqlClient db, long tipId) {
    return db.preparedQuery(ATTACHMENTS).execute(Tuple.of(tipId)).map(rows -> {
      List<Attachment> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Attachment(r.getLong(0), r.getLong(1), r.getString(2), r.getString(3),
          r.getLong(4), r.getString(5), r.getString(6), r.getLong(7))));
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
        r.getOffsetDateTime("first_response_at"), r.getBoolean("sla_breached"), bytes(r, "sender_key"));
  }

  private static byte[] bytes(Row r, String column) {
    var b = r.getBuffer(column);
    return b == null ? null : b.getBytes();
  }
}
