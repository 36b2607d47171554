package vn.binhyen.core.tips.rollup;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the roll-up counters (tip_rollup by day and, for subtree figures, tip_rollup_month by
 * month; both maintained by trigger). Every part of a query is one range scan of a primary key
 * (unit, dimension, own, day or month); shards are summed. Every query names the partition key
 * (tips V15, V17: {@code tip_counter_province} of the units read: the province of a unit below a
 * province, the national partition for the ministry and the provinces), so only those partitions
 * are scanned: the nation's drill-down reads one, a province's two.
 */
final class RollupRepository {

  /** A child unit of the one being rolled up. */
  record Child(String code, String name, String path) {}

  private static final String BY_DIM = """
      SELECT key, dim, sum(n)::bigint FROM tip_rollup
       WHERE unit_path = $1 AND province = tip_counter_province($1) AND dim = ANY($2) AND own = $3 AND day BETWEEN $4 AND $5
       GROUP BY key, dim""";
  // Subtree counters of a period: whole months from the month grain, the days at both ends.
  // $3..$8: head days, months, tail days (MonthSplit).
  static final String BY_DIM_SUBTREE = """
      SELECT key, dim, sum(n)::bigint FROM (
        SELECT key, dim, n FROM tip_rollup
         WHERE unit_path = $1 AND province = tip_counter_province($1) AND dim = ANY($2) AND own = false AND day BETWEEN $3 AND $4
        UNION ALL
        SELECT key, dim, n FROM tip_rollup_month
         WHERE unit_path = $1 AND province = tip_counter_province($1) AND dim = ANY($2) AND month BETWEEN $5 AND $6
        UNION ALL
        SELECT key, dim, n FROM tip_rollup
         WHERE unit_path = $1 AND province = tip_counter_province($1) AND dim = ANY($2) AND own = false AND day BETWEEN $7 AND $8) x
       GROUP BY key, dim""";
  private static final String BY_DAY = """
      SELECT day::text, dim, sum(n)::bigint FROM tip_rollup
       WHERE unit_path = $1 AND province = tip_counter_province($1) AND dim = ANY($2) AND own = $3 AND day BETWEEN $4 AND $5
       GROUP BY day, dim ORDER BY day""";
  static final String BY_UNITS = """
      SELECT unit_path, dim, sum(n)::bigint FROM (
        SELECT unit_path, dim, n FROM tip_rollup
         WHERE unit_path = ANY($1) AND province = ANY($9) AND dim = ANY($2) AND own = false AND day BETWEEN $3 AND $4
        UNION ALL
        SELECT unit_path, dim, n FROM tip_rollup_month
         WHERE unit_path = ANY($1) AND province = ANY($9) AND dim = ANY($2) AND month BETWEEN $5 AND $6
        UNION ALL
        SELECT unit_path, dim, n FROM tip_rollup
         WHERE unit_path = ANY($1) AND province = ANY($9) AND dim = ANY($2) AND own = false AND day BETWEEN $7 AND $8) x
       GROUP BY unit_path, dim""";
  // The tenant directory has no row-level security (unit names are public).
  private static final String CHILDREN = """
      SELECT code, name, path FROM tenant WHERE parent_id = $1 AND valid_to IS NULL ORDER BY code""";

  /** key → {dim → count} for one unit; dims are 't', 'c', 's', 'b'. */
  Future<Map<String, Map<String, Long>>> byKey(SqlClient db, String path, List<String> dims, boolean own,
      LocalDate from, LocalDate to) {
    if (!own) {
      MonthSplit p = MonthSplit.of(from, to);
      return db.preparedQuery(BY_DIM_SUBTREE).execute(Tuple.from(new Object[] {path, dims.toArray(String[]::new),
              p.headFrom(), p.headTo(), p.firstMonth(), p.lastMonth(), p.tailFrom(), p.tailTo()}))
          .map(RollupRepository::collect);
    }
    return db.preparedQuery(BY_DIM).execute(Tuple.of(path, dims.toArray(String[]::new), own, from, to))
        .map(RollupRepository::collect);
  }

  Future<Map<String, Map<String, Long>>> byDay(SqlClient db, String path, boolean own, LocalDate from, LocalDate to) {
    return db.preparedQuery(BY_DAY).execute(Tuple.of(path, new String[] {"t", "b"}, own, from, to))
        .map(RollupRepository::collect);
  }

  Future<Map<String, Map<String, Long>>> byUnits(SqlClient db, List<String> paths, LocalDate from, LocalDate to) {
    MonthSplit p = MonthSplit.of(from, to);
    return db.preparedQuery(BY_UNITS)
        .execute(Tuple.from(new Object[] {paths.toArray(String[]::new), new String[] {"t", "b"},
            p.headFrom(), p.headTo(), p.firstMonth(), p.lastMonth(), p.tailFrom(), p.tailTo(),
            provinces(paths)}))
        .map(RollupRepository::collect);
  }

  /**
   * The partition keys of units' counters, as SQL's {@code tip_counter_province} (tips V17) computes
   * them: the second segment of a path below a province, '' for the ministry and the provinces.
   */
  static String[] provinces(List<String> paths) {
    return paths.stream().map(p -> {
      String[] parts = p.split("/", 3);
      return parts.length > 2 ? parts[1] : "";
    }).distinct().toArray(String[]::new);
  }

  Future<List<Child>> children(SqlClient db, long unitId) {
    return db.preparedQuery(CHILDREN).execute(Tuple.of(unitId)).map(rows -> {
      List<Child> out = new java.util.ArrayList<>();
      rows.forEach(r -> out.add(new Child(r.getString(0), r.getString(1), r.getString(2))));
      return out;
    });
  }

  private static Map<String, Map<String, Long>> collect(Iterable<Row> rows) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getValue(1).toString(), r.getLong(2));
    }
    return out;
  }
}
