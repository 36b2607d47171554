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
      byte[] accountSealed, Long channelId, byte[] accessTokenSealed, OffsetDateTime citizenLastAt) {}

  private static final String INSERT = """
      INSERT INTO tip_reply_delivery (event_id, tip_id, status) VALUES ($1, $2, 'queued')""";
  // Locks the delivery: a second delivery of the same outbox row (or a copy of it) waits here and
  // then finds the reply no longer queued.
  private static final String CLAIM = """
      SELECT d.event_id, e.note, t.id, t.receipt, t.key_tenant, t.source, t.account_sealed, t.channel_id,
             s.access_token_sealed, coalesce(t.sender_last_at, t.received_at)
        FROM tip_reply_delivery d
        JOIN tip_event e ON e.id = d.event_id
        JOIN tip t ON t.id = d.tip_id
        LEFT JOIN channel_webhook_secret s ON s.channel_id = t.channel_id
       WHERE d.event_id = $1 AND d.status = 'queued'
         FOR UPDATE OF d""";
  private static final String MARK = """
      UPDATE tip_reply_delivery SET status = $2, platform_message_id = $3, reason = $4, platform_error = $5,
             updated_at = now()
       WHERE event_id = $1""";
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
          r.getString(5), bytes(r.getBuffer(6)), r.getLong(7), bytes(r.getBuffer(8)), r.getOffsetDateTime(9)));
    });
  }

  Future<Void> mark(SqlClient tx, long eventId, String status, String messageId, String reason, String platformError) {
    Object[] values = {eventId, status, messageId, reason, platformError};
    return tx.preparedQuery(MARK).execute(Tuple.from(values)).mapEmpty();
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
