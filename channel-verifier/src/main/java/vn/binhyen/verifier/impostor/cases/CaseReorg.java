package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantRows;
import vn.binhyen.core.tenant.UnitMove;
import vn.binhyen.core.tenant.UnitMoves;

/**
 * Impostor cases and their reports follow a reorganisation: a merged unit's cases belong to the
 * surviving unit, a moved subtree's paths are rewritten. The confirming unit stays as it was: it is
 * a fact of the past, published with the impostor.
 */
public final class CaseReorg implements ReorgParticipant {

  private static final String MOVE_CASES = """
      UPDATE impostor_case SET tenant_id = $2, tenant_path = $3 WHERE tenant_id = $1""";

  // A whole mapping ($1 old unit ids, $2 new ids, $3 new paths) in one statement.
  private static final String MOVE_MANY = """
      UPDATE impostor_case c SET tenant_id = m.to_id, tenant_path = m.to_path
        FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS m (from_id, to_id, to_path)
       WHERE c.tenant_id = m.from_id AND (c.tenant_id <> m.to_id OR c.tenant_path <> m.to_path)""";
  private static final String COUNT_MANY = """
      SELECT count(*) FROM impostor_case c
        JOIN unnest($1::bigint[], $2::bigint[], $3::text[]) AS m (from_id, to_id, to_path) ON c.tenant_id = m.from_id
       WHERE c.tenant_id <> m.to_id OR c.tenant_path <> m.to_path""";

  private static final String OWNED = "SELECT count(*) AS n FROM impostor_case WHERE tenant_id = $1";

  @Override
  public Future<java.util.Map<String, Integer>> owned(SqlConnection tx, Tenant unit) {
    return tx.preparedQuery(OWNED).execute(Tuple.of(unit.id()))
        .map(rows -> java.util.Map.of("casesMoved", rows.iterator().next().getLong("n").intValue()));
  }

  @Override
  public Future<Void> moveAll(SqlConnection tx, Tenant from, Tenant to) {
    return tx.preparedQuery(MOVE_CASES).execute(Tuple.of(from.id(), to.id(), to.path()))
        .compose(ignored -> TenantRows.move(tx, "impostor_report", from.path(), to.path()))
        .mapEmpty();
  }

  /** The whole mapping set-based: cases in one statement, reports and subtrees one statement each; a dry run counts. */
  @Override
  public Future<java.util.Map<String, Integer>> moveMany(SqlConnection tx, UnitMoves m, boolean dryRun) {
    if (dryRun) {
      return tx.preparedQuery(COUNT_MANY).execute(UnitMove.arrays(m.moves()))
          .map(rows -> java.util.Map.of("casesMoved", rows.iterator().next().getLong(0).intValue()));
    }
    return tx.preparedQuery(MOVE_MANY).execute(UnitMove.arrays(m.moves()))
        .compose(rows -> TenantRows.moveAll(tx, "impostor_report", m)
            .compose(x -> TenantRows.repathAll(tx, "impostor_case", m))
            .compose(x -> TenantRows.repathAll(tx, "impostor_report", m))
            .map(x -> java.util.Map.of("casesMoved", rows.rowCount())));
  }

  @Override
  public Future<Void> repath(SqlConnection tx, String oldPath, String newPath) {
    return TenantRows.repath(tx, "impostor_case", oldPath, newPath)
        .compose(ignored -> TenantRows.repath(tx, "impostor_report", oldPath, newPath));
  }
}
