package vn.binhyen.core.tips.rollup;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code tip_conversation_rollup} (tips V12, kept by triggers): one primary-key range per
 * unit and period, shards and days summed. Every read names the partition key (tips V16, V17:
 * {@code tip_counter_province}, as {@link RollupRepository#provinces}), so only the partitions of
 * the units read are scanned.
 */
final class ConversationRepository {

  static final String ONE = """
      SELECT key, sum(n)::bigint FROM tip_conversation_rollup
       WHERE unit_path = $1 AND province = tip_counter_province($1) AND own = $2 AND day BETWEEN $3 AND $4
       GROUP BY key""";
  static final String SUBTREES = """
      SELECT unit_path, key, sum(n)::bigint FROM tip_conversation_rollup
       WHERE unit_path = ANY($1) AND province = ANY($4) AND own = false AND day BETWEEN $2 AND $3
       GROUP BY unit_path, key""";

  /** key → count for one unit: its subtree, or its own conversations. */
  Future<Map<String, Long>> one(SqlClient db, String path, boolean own, LocalDate from, LocalDate to) {
    return db.preparedQuery(ONE).execute(Tuple.of(path, own, from, to)).map(rows -> {
      Map<String, Long> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getLong(1)));
      return out;
    });
  }

  /** path → key → count for these units' subtrees. */
  Future<Map<String, Map<String, Long>>> subtrees(SqlClient db, List<String> paths, LocalDate from, LocalDate to) {
    return db.preparedQuery(SUBTREES).execute(Tuple.of(paths.toArray(String[]::new), from, to,
        RollupRepository.provinces(paths))).map(rows -> {
      Map<String, Map<String, Long>> out = new HashMap<>();
      rows.forEach(r -> out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2)));
      return out;
    });
  }
}
