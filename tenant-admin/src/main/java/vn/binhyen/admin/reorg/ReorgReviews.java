package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.admin.Audits;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;

/**
 * The items a reorganisation placed by default (a split's users and channels) and that someone
 * must check: listed for a unit's subtree and marked resolved, each resolution audited. The
 * table {@code reorg_review} is this module's; rows are visible only inside the transaction's
 * tenant scope (row-level security), so a unit outside the caller's subtree has none.
 */
public final class ReorgReviews {

  /** One item: what (user or channel, its id), which move placed it, why, and when. */
  public record Item(long id, String kind, long itemId, String fromCode, String toCode, String reason,
      OffsetDateTime createdAt) {}

  private static final String OPEN = """
      SELECT id, kind, item_id, from_code, to_code, reason, created_at FROM reorg_review
       WHERE resolved_at IS NULL AND (tenant_path = $1 OR tenant_path LIKE $1 || '/%')
       ORDER BY created_at, id LIMIT $2""";
  private static final String RESOLVE = """
      UPDATE reorg_review SET resolved_at = now()
       WHERE id = $1 AND resolved_at IS NULL AND (tenant_path = $2 OR tenant_path LIKE $2 || '/%')
       RETURNING tenant_path, kind, item_id, from_code, to_code""";

  private final Services s;

  public ReorgReviews(Services s) {
    this.s = s;
  }

  /** Unresolved items of the unit's subtree, oldest first, at most {@code limit}. */
  public Future<List<Item>> open(Tenant unit, int limit) {
    return s.db().inScope(unit.path(), tx -> open(tx, unit.path(), limit));
  }

  /**
   * Marks one item of the unit's subtree resolved and audits it ({@code reorg.review.resolve}).
   * Fails with NotFound when the subtree has no such unresolved item.
   */
  public Future<Void> resolve(Principal actor, Tenant unit, long id) {
    return s.db().inScope(unit.path(), tx -> tx.preparedQuery(RESOLVE).execute(Tuple.of(id, unit.path()))
        .compose(rows -> {
          if (rows.rowCount() == 0) {
            return Future.failedFuture(new DomainError.NotFound("Không có mục cần xem xét này / no such item to review"));
          }
          Row r = rows.iterator().next();
          return s.audit().append(tx, Audits.entry(actor, r.getString("tenant_path"), "reorg.review.resolve",
              r.getString("kind") + ":" + r.getLong("item_id"), null,
              new JsonObject().put("from", r.getString("from_code")).put("to", r.getString("to_code"))));
        })
        .mapEmpty());
  }

  private static Future<List<Item>> open(SqlClient db, String path, int limit) {
    return db.preparedQuery(OPEN).execute(Tuple.of(path, limit)).map(rows -> {
      List<Item> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Item(r.getLong("id"), r.getString("kind"), r.getLong("item_id"),
          r.getString("from_code"), r.getString("to_code"), r.getString("reason"), r.getOffsetDateTime("created_at"))));
      return out;
    });
  }
}
