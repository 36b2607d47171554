package vn.binhyen.verifier.translog;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the log's leaves and signed tree heads. Leaves are only ever inserted. */
final class LogRepository {

  /** One leaf as stored. */
  record Leaf(long index, byte[] input, byte[] hash, OffsetDateTime createdAt) {}

  /** One signed tree head as stored. */
  record Head(long size, byte[] rootHash, String checkpoint, OffsetDateTime signedAt) {}

  // One appender at a time, until its transaction ends: indexes are gap-free and a later index
  // never becomes visible before an earlier one.
  private static final String LOCK = "SELECT pg_advisory_xact_lock(7346112233)";
  private static final String APPEND = """
      INSERT INTO translog_leaf (idx, leaf_input, leaf_hash)
      SELECT coalesce(max(idx) + 1, 0), $1, $2 FROM translog_leaf
      RETURNING idx""";
  private static final String HASHES_FROM = "SELECT idx, leaf_hash FROM translog_leaf WHERE idx >= $1 ORDER BY idx LIMIT 100000";
  private static final String LEAVES = """
      SELECT idx, leaf_input, leaf_hash, created_at FROM translog_leaf
       WHERE idx >= $1 AND idx < $2 ORDER BY idx""";
  private static final String BY_HASH = "SELECT idx FROM translog_leaf WHERE leaf_hash = $1 ORDER BY idx LIMIT 1";
  private static final String LATEST_HEAD = "SELECT size, root_hash, checkpoint, signed_at FROM translog_head ORDER BY size DESC LIMIT 1";
  private static final String HEADS_AFTER = """
      SELECT size, root_hash, checkpoint, signed_at FROM translog_head WHERE size > $1 ORDER BY size LIMIT 1000""";
  private static final String INSERT_HEAD = """
      INSERT INTO translog_head (size, root_hash, checkpoint) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING""";

  /** Appends a leaf; must run inside a transaction (the lock is held until it ends). */
  Future<Long> append(SqlClient tx, byte[] input, byte[] hash) {
    return tx.query(LOCK).execute()
        .compose(x -> tx.preparedQuery(APPEND).execute(Tuple.of(Buffer.buffer(input), Buffer.buffer(hash))))
        .map(rows -> rows.iterator().next().getLong("idx"));
  }

  /** Leaf hashes from {@code start} on, in order. */
  Future<List<byte[]>> hashesFrom(SqlClient db, long start) {
    return db.preparedQuery(HASHES_FROM).execute(Tuple.of(start)).map(rows -> {
      List<byte[]> out = new ArrayList<>(rows.size());
      long expected = start;
      for (Row r : rows) {
        if (r.getLong("idx") != expected++) {
          throw new IllegalStateException("transparency log has a gap at " + (expected - 1));
        }
        out.add(r.getBuffer("leaf_hash").getBytes());
      }
      return out;
    });
  }

  Future<List<Leaf>> leaves(SqlClient db, long start, long end) {
    return db.preparedQuery(LEAVES).execute(Tuple.of(start, end)).map(rows -> {
      List<Leaf> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(new Leaf(r.getLong("idx"), r.getBuffer("leaf_input").getBytes(),
          r.getBuffer("leaf_hash").getBytes(), r.getOffsetDateTime("created_at"))));
      return out;
    });
  }

  Future<Optional<Long>> indexOf(SqlClient db, byte[] leafHash) {
    return db.preparedQuery(BY_HASH).execute(Tuple.of(Buffer.buffer(leafHash)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("idx")));
  }

  Future<Optional<Head>> latestHead(SqlClient db) {
    return db.query(LATEST_HEAD).execute().map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(head(rows.iterator().next())));
  }

  Future<List<Head>> headsAfter(SqlClient db, long size) {
    return db.preparedQuery(HEADS_AFTER).execute(Tuple.of(size)).map(rows -> {
      List<Head> out = new ArrayList<>();
      rows.forEach(r -> out.add(head(r)));
      return out;
    });
  }

  Future<Void> insertHead(SqlClient db, long size, byte[] rootHash, String checkpoint) {
    return db.preparedQuery(INSERT_HEAD).execute(Tuple.of(size, Buffer.buffer(rootHash), checkpoint)).mapEmpty();
  }

  private static Head head(Row r) {
    return new Head(r.getLong("size"), r.getBuffer("root_hash").getBytes(), r.getString("checkpoint"),
        r.getOffsetDateTime("signed_at"));
  }
}
