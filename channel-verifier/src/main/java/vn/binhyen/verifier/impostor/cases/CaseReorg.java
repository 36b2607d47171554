package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantRows;

/**
 * Impostor cases and their reports follow a reorganisation: a merged unit's cases belong to the
 * surviving unit, a moved subtree's paths are rewritten. The confirming unit stays as it was: it is
 * a fact of the past, published with the impostor.
 */
public final class CaseReorg implements ReorgParticipant {

  private static final String MOVE_CASES = """
      UPDATE impostor_case SET tenant_id = $2, tenant_path = $3 WHERE tenant_id = $1""";

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

  @Override
  public Future<Void> repath(SqlConnection tx, String oldPath, String newPath) {
    return TenantRows.repath(tx, "impostor_case", oldPath, newPath)
        .compose(ignored -> TenantRows.repath(tx, "impostor_report", oldPath, newPath));
  }
}
