package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;

/**
 * Impostor cases and their reports follow a reorganisation: a merged unit's cases belong to the
 * surviving unit, a moved subtree's paths are rewritten. The confirming unit stays as it was: it is
 * a fact of the past, published with the impostor.
 */
public final class CaseReorg implements ReorgParticipant {

  private static final String MOVE_CASES = """
      UPDATE impostor_case SET tenant_id = $2, tenant_path = $3 WHERE tenant_id = $1""";
  private static final String MOVE_REPORTS = """
      UPDATE impostor_report SET tenant_path = $2 WHERE tenant_path = $1""";
  private static final String REPATH_CASES = """
      UPDATE impostor_case SET tenant_path = $2 || substr(tenant_path, length($1) + 1)
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%'""";
  private static final String REPATH_REPORTS = """
      UPDATE impostor_report SET tenant_path = $2 || substr(tenant_path, length($1) + 1)
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%'""";

  @Override
  public Future<Void> moveAll(SqlConnection tx, Tenant from, Tenant to) {
    return tx.preparedQuery(MOVE_CASES).execute(Tuple.of(from.id(), to.id(), to.path()))
        .compose(ignored -> tx.preparedQuery(MOVE_REPORTS).execute(Tuple.of(from.path(), to.path())))
        .mapEmpty();
  }

  @Override
  public Future<Void> repath(SqlConnection tx, String oldPath, String newPath) {
    return tx.preparedQuery(REPATH_CASES).execute(Tuple.of(oldPath, newPath))
        .compose(ignored -> tx.preparedQuery(REPATH_REPORTS).execute(Tuple.of(oldPath, newPath)))
        .mapEmpty();
  }
}
