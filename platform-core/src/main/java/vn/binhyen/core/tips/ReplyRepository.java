package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for the delivery of officers' replies through the platforms ({@code tip_reply_delivery},
 * tips V8): visible exactly when the reply's tip is.
 */
final class ReplyRepository {

  /** A queued reply with what sending it needs, locked for its transaction. */
  record Pending(long eventId, String text, long tipId, String receipt, String keyTenant, String source,
      byte[] accountSealed, Long channelId, byte[] accessTokenSealed, OffsetDateTime citizenLastAt,
      Image image, String textMessageId) {}

  /** The photo of a reply, in the attachment store. */
  record Image(String sha256, String mediaType) {}

  private static final String INSERT = """
      INSERT INTO tip_reply_delivery (event_id, tip_id, status) VALUES ($1, $2, 'queued')""";
  // Locks the delivery: a second delivery of the same outbox row (or a copy of it) waits here and
  // then finds the reply no longer queued. The citizen's last message is their latest on this page,
  // whichever of their tips it opened or joined (tip_sender backs it): that is what the platform's
  // window counts from.
  private static final String CLAIM = """
      SELECT d.event_id, e.note, t.id, t.receipt, t.key_tenant, t.source, t.account_sealed, t.channel_id,
             s.access_token_sealed,
             greatest(coalesce(t.sender_last_at, t.received_at),
                      (SELECT max(o.sender_last_at) FROM tip o WHERE o.sender_key = t.sender_key)),
             a.sha256, a.media_type, d.text_message_id
        FROM tip_reply_delivery d
        JOIN tip_event e ON e.id = d.event_id
        JOIN tip t ON t.id = d.tip_id
        LEFT JOIN channel_webhook_secret s ON s.channel_id = t.channel_id
        LEFT JOIN tip_attachment a ON a.reply_event_id = d.event_id
       WHERE d.event_id = $1 AND d.status = 'queued'
         FOR UPDATE OF d""";
  private static final String TEXT_SENT = """
      UPDATE tip_reply_delivery SET text_message_id = $2, updated_at = now() WHERE event_id = $1""";
  private static final String MARK = """
      UPDATE tip_reply_delivery SET status = $2, platform_message_id = $3, reason = $4, platform_error = $5,
             updated_at = now(), sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
       WHERE event_id = $1""";
  // A receipt moves a reply forward only: sent to delivered or read, delivered to read.
  private static final String RECEIPT_BY_ID = """
      UPDATE tip_reply_delivery SET status = $2, updated_at = now()
       WHERE (platform_message_id = ANY($1) OR text_message_id = ANY($1)) AND (status = 'sent' OR ($2 = 'read' AND status = 'delivered'))""";
  // Messenger's watermark: every message to this sender sent before it was delivered (or read).
  private static final String RECEIPT_BY_WATERMARK = """
      UPDATE tip_reply_delivery d SET status = $3, updated_at = now()
        FROM tip t
       WHERE t.id = d.tip_id AND t.sender_key = $1 AND d.sent_at <= $2
         AND (d.status = 'sent' OR ($3 = 'read' AND d.status = 'delivered'))""";
  // The sender wrote again: every reply held for them (any of their tips on this page) goes out again.
  private static final String REQUEUE_HELD = """
      UPDATE tip_reply_delivery d SET status = 'queued', reason = NULL, platform_error = NULL, updated_at = now()
        FROM tip t
       WHERE t.id = d.tip_id AND t.sender_key = $1 AND d.status = 'held'
      RETURNING d.event_id""";

  Future<Void> insertQueued(SqlClient db, long eventId, long tipId) {
    return db.preparedQuery(INSERT).execute(Tuple.of(eventId, tipId)).mapEmpty();
  }

  Future<Optional<Pending>> claim(SqlClient tx, long eventId) {
    return tx.preparedQuery(CLAIM).execute(Tuple.of(eventId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Pending(r.getLong(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
          r.getString(5), bytes(r.getBuffer(6)), r.getLong(7), bytes(r.getBuffer(8)), r.getOffsetDateTime(9),
          r.getString(10) == null ? null : new Image(r.getString(10), r.getString(11)), r.getString(12)));
    });
  }

  Future<Void> mark(SqlClient tx, long eventId, String status, String messageId, String reason, String platformError) {
    Object[] values = {eventId, status, messageId, reason, platformError};
    return tx.preparedQuery(MARK).execute(Tuple.from(values)).mapEmpty();
  }

  /** The text of a reply with a photo went out (Messenger: its own message); the photo is still to send. */
  Future<Void> textSent(SqlClient tx, long eventId, String messageId) {
    return tx.preparedQuery(TEXT_SENT).execute(Tuple.of(eventId, messageId)).mapEmpty();
  }

  /** A platform said these messages were {@code status} (delivered or read). */
  Future<Void> receiptByIds(SqlClient tx, List<String> platformMessageIds, String status) {
    return tx.preparedQuery(RECEIPT_BY_ID).execute(Tuple.of(platformMessageIds.toArray(String[]::new), status)).mapEmpty();
  }

  /** Every reply to this sender sent at or before {@code watermark} was {@code status}. */
  Future<Void> receiptByWatermark(SqlClient tx, byte[] senderKey, OffsetDateTime watermark, String status) {
    return tx.preparedQuery(RECEIPT_BY_WATERMARK).execute(Tuple.of(Buffer.buffer(senderKey), watermark, status)).mapEmpty();
  }

  /** Queues the sender's held replies again; their event ids (the outbox rows to add). */
  Future<List<Long>> requeueHeld(SqlClient tx, byte[] senderKey) {
    return tx.preparedQuery(REQUEUE_HELD).execute(Tuple.of(Buffer.buffer(senderKey))).map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getLong(0)));
      return ids;
    });
  }

  private static byte[] bytes(Buffer b) {
    return b == null ? null : b.getBytes();
  }
}
