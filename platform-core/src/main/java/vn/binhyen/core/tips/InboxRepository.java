package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.db.Page;
import vn.binhyen.core.text.Fold;

/** The officer inbox: one unit's (or subtree's) tips, filtered, searched without accents, paged. */
final class InboxRepository {

  private static final String WHERE = """
      SELECT %s, count(*) OVER () AS total FROM tip
       WHERE (tenant_path = $1 OR ($2 AND tenant_path LIKE $1 || '/%%'))%s
         AND ($3::text IS NULL OR status = $3
              OR ($3 = 'open' AND status NOT IN ('resolved', 'rejected')))
         AND ($4::text IS NULL OR category = $4)
         AND (($5::text IS NULL AND $9::text IS NULL) OR body_folded LIKE '%%' || $5 || '%%' ESCAPE '\\'
              OR receipt = $9)
         AND ($6::boolean IS NULL OR sla_breached = $6)
         AND ($10::text IS NULL OR assignee = $10)
         AND (NOT $11::boolean OR assignee IS NULL)
       ORDER BY %s LIMIT $7 OFFSET $8""";

  /** Fixed orders only: the sort parameter picks one, it never becomes SQL text. Backed by tip_inbox. */
  private static final Map<String, String> ORDERS = Map.of(
      "newest", "received_at DESC, id DESC",
      "oldest", "received_at, id",
      "due", "first_response_at IS NOT NULL, sla_due_at, id",
      // The work queue: open and unanswered first by due time (so the most overdue on top), then
      // open and answered, then closed tips, newest first.
      "overdue", """
          status IN ('resolved', 'rejected'), first_response_at IS NOT NULL,
          CASE WHEN status IN ('resolved', 'rejected') THEN NULL ELSE sla_due_at END,
          received_at DESC, id DESC""");
  // Everything a province's unit (or the ministry's own tips) sees lies in one partition of tip
  // (tips V15): naming the key lets PostgreSQL scan only that one (TipPartitionIT).
  static final String ONE_PROVINCE = "\n         AND split_part(tenant_path, '/', 2) = split_part($1, '/', 2)";
  private static final Map<String, String> NATIONAL = queries("");
  private static final Map<String, String> PROVINCE = queries(ONE_PROVINCE);

  private static Map<String, String> queries(String province) {
    Map<String, String> out = new java.util.HashMap<>();
    ORDERS.forEach((sort, order) -> out.put(sort, WHERE.formatted(TipRepository.COLUMNS, province, order)));
    return Map.copyOf(out);
  }

  /** The query text for an inbox query (package-private for the partition test's EXPLAIN). */
  static String sql(InboxQuery q) {
    boolean national = q.subtree() && !q.unitPath().contains("/");
    return (national ? NATIONAL : PROVINCE).get(q.sort());
  }

  /** The bind values of {@link #sql}, in order. */
  static Object[] values(InboxQuery q) {
    String like = q.text() == null ? null
        : Fold.fold(q.text()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return new Object[] {q.unitPath(), q.subtree(), q.status(), q.category(), like, q.breached(),
        q.limit(), q.offset(), q.text() == null ? null : ReceiptCodes.normalize(q.text()).orElse(null),
        q.assignee(), q.unassigned()};
  }

  Future<Page<Tip>> list(SqlClient db, InboxQuery q) {
    return db.preparedQuery(sql(q)).execute(Tuple.from(values(q))).map(rows -> {
      List<Tip> items = new ArrayList<>();
      long total = 0;
      for (var r : rows) {
        items.add(TipRepository.map(r));
        total = r.getLong("total");
      }
      return new Page<>(items, total, q.limit(), q.offset());
    });
  }
}
