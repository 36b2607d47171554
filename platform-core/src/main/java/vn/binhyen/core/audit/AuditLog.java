package vn.binhyen.core.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log. Append inside the same transaction (and tenant scope) as the change
 * it records, so a change and its record commit or roll back together.
 */
public final class AuditLog {

  /**
   * A stored entry, as read back, with the name of the unit it was recorded on (the current unit
   * at that path, else the last one that held it; null when none did) and the name of its target
   * when the target is a page or group ({@code channel:<id>}: its display name, if visible in the
   * reader's scope) or a unit ({@code unit:<code>}), so the console names them rather than number them.
   */
  public record Recorded(long id, OffsetDateTime at, AuditEntry entry, String unitName, String targetName) {}

  private static final String INSERT = """
      INSERT INTO audit_log (actor_id, actor_name, tenant_path, action, target, before, after, request_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
  private static final String LIST = """
      SELECT a.id, a.at, a.actor_id, a.actor_name, a.tenant_path, a.action, a.target, a.before, a.after,
             a.request_id,
             (SELECT t.name FROM tenant t WHERE t.path = a.tenant_path
               ORDER BY t.valid_to IS NULL DESC, t.valid_to DESC LIMIT 1) AS unit_name,
             CASE WHEN a.target ~ '^channel:[0-9]{1,18}$'
                    THEN (SELECT c.display_name FROM channel c WHERE c.id = substr(a.target, 9)::bigint)
                  WHEN a.target ~ '^unit:[A-Z0-9]{2,10}$'
                    THEN (SELECT t.name FROM tenant t WHERE t.code = substr(a.target, 6)
                           ORDER BY t.valid_to IS NULL DESC, t.valid_to DESC LIMIT 1)
             END AS target_name
        FROM audit_log a
       WHERE (tenant_path = $1 OR tenant_path LIKE $1 || '/%')
         AND ($2::text IS NULL OR action = $2)
       ORDER BY at DESC, id DESC LIMIT $3 OFFSET $4""";

  public Future<Void> append(SqlClient db, AuditEntry e) {
    return db.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {e.actorId(), e.actorName(), e.tenantPath(), e.action(),
            e.target(), e.before(), e.after(), e.requestId()}))
        .mapEmpty();
  }

  public Future<List<Recorded>> list(SqlClient db, String path, String action, int limit, int offset) {
    return db.preparedQuery(LIST).execute(Tuple.of(path, action, limit, offset)).map(rows -> {
      List<Recorded> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Recorded(r.getLong("id"), r.getOffsetDateTime("at"), new AuditEntry(
            r.getLong("actor_id"), r.getString("actor_name"), r.getString("tenant_path"),
            r.getString("action"), r.getString("target"), (JsonObject) r.getValue("before"),
            (JsonObject) r.getValue("after"), r.getString("request_id")), r.getString("unit_name"),
            r.getString("target_name")));
      }
      return out;
    });
  }
}
