package vn.binhyen.core.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** SQL of the {@code outbox} table (its one owner). */
final class OutboxRepository {

  private static final String INSERT = "INSERT INTO outbox (topic, payload) VALUES ($1, $2)";
  // Claiming is a lease: the row stays, its next attempt moves past the lease, so a node that dies
  // while handling it leaves it to be claimed again; SKIP LOCKED lets every node claim at once.
  private static final String CLAIM = """
      UPDATE outbox SET attempts = attempts + 1,
                        next_attempt_at = now() + make_interval(secs => $2)
       WHERE id IN (SELECT id FROM outbox WHERE next_attempt_at <= now()
                     ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, topic, payload, attempts""";
  private static final String DONE = "DELETE FROM outbox WHERE id = $1";
  private static final String RETRY = """
      UPDATE outbox SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3
       WHERE id = $1""";
  private static final String BACKLOG = """
      SELECT count(*), coalesce(max(attempts), 0), extract(epoch FROM now() - min(created_at))::bigint
        FROM outbox""";

  Future<Void> insert(SqlClient db, String topic, JsonObject payload) {
    return db.preparedQuery(INSERT).execute(Tuple.of(topic, payload)).mapEmpty();
  }

  Future<List<OutboxItem>> claim(SqlClient db, int limit, long leaseSeconds) {
    return db.preparedQuery(CLAIM).execute(Tuple.of(limit, (double) leaseSeconds)).map(rows -> {
      List<OutboxItem> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new OutboxItem(r.getLong(0), r.getString(1), (JsonObject) r.getValue(2), r.getInteger(3)));
      }
      out.sort((a, b) -> Long.compare(a.id(), b.id()));
      return out;
    });
  }

  Future<Void> done(SqlClient db, long id) {
    return db.preparedQuery(DONE).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> retry(SqlClient db, long id, long delaySeconds, String error) {
    return db.preparedQuery(RETRY).execute(Tuple.of(id, (double) delaySeconds, error)).mapEmpty();
  }

  Future<OutboxBacklog> backlog(SqlClient db) {
    return db.query(BACKLOG).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new OutboxBacklog(r.getLong(0), r.getInteger(1), r.getLong(2) == null ? 0 : r.getLong(2));
    });
  }
}
