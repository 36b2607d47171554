package vn.binhyen.core.testing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import java.util.TreeSet;

/** The tables a statement's plan reads, from PostgreSQL's own EXPLAIN of the statement as the code sends it. */
public final class Explain {

  private Explain() {}

  /**
   * Every relation named in the plan of {@code sql} with these bind values (PostgreSQL plans it
   * with the values known, as it does the first executions of a prepared statement, so partitions
   * it can rule out are left out of the plan).
   */
  public static Future<Set<String>> relations(SqlClient db, String sql, Tuple values) {
    return plan(db, "EXPLAIN (FORMAT JSON) ", sql, values, false);
  }

  private static Future<Set<String>> plan(SqlClient db, String explain, String sql, Tuple values, boolean ranOnly) {
    return db.preparedQuery(explain + sql).execute(values).map(rows -> {
      Object plan = rows.iterator().next().getValue(0);
      JsonArray json = plan instanceof JsonArray a ? a : new JsonArray(plan.toString());
      Set<String> out = new TreeSet<>();
      collect(json.getJsonObject(0).getJsonObject("Plan"), out, ranOnly);
      return out;
    });
  }

  /** The partitions of the tips' tables among {@code relations} (tip_p01, tip_event_default, …). */
  public static Set<String> tipPartitions(Set<String> relations) {
    Set<String> out = new TreeSet<>();
    relations.stream().filter(r -> r.matches("tip(_event|_rollup|_rollup_month|_conversation_rollup)?_(p[0-9A-Za-z_]+|default)")).forEach(out::add);
    return out;
  }

  /**
   * The relations {@code sql} actually read when run with these values (EXPLAIN ANALYZE: the
   * statement runs): partitions pruned while it runs, such as those of a correlated subquery of a
   * row-level security policy, show as never executed and are left out.
   */
  public static Future<Set<String>> scanned(SqlClient db, String sql, Tuple values) {
    return plan(db, "EXPLAIN (ANALYZE, FORMAT JSON) ", sql, values, true);
  }

  private static void collect(JsonObject node, Set<String> out, boolean ranOnly) {
    if (ranOnly && node.getLong("Actual Loops", 0L) == 0) {
      return;
    }
    if (node.containsKey("Relation Name")) {
      out.add(node.getString("Relation Name"));
    }
    JsonArray children = node.getJsonArray("Plans");
    if (children != null) {
      children.forEach(c -> collect((JsonObject) c, out, ranOnly));
    }
  }
}
