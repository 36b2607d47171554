package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantRows;

/**
 * Tips follow a reorganisation: a merged unit's tips move to the survivor, a re-parented subtree's
 * paths are rewritten. The roll-up trigger moves every counter in the same transaction (the
 * old ancestors lose the tips, the new ones gain them), so figures stay equal to a GROUP BY.
 */
final class TipsReorg implements ReorgParticipant {

  private static final String MOVE = "UPDATE tip SET tenant_id = $2, tenant_path = $3, updated_at = now() WHERE tenant_id = $1";
  private static final String REPATH = """
      UPDATE tip SET tenant_path = $2 || substr(tenant_path, length($1) + 1), updated_at = now()
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%'""";

  private static final String OWNED = "SELECT count(*) AS n FROM tip WHERE tenant_id = $1";

  @Override
  public Future<java.util.Map<String, Integer>> owned(SqlConnection tx, Tenant unit) {
    return tx.preparedQuery(OWNED).execute(Tuple.of(unit.id()))
        .map(rows -> java.util.Map.of("tipsMoved", rows.iterator().next().getLong("n").intValue()));
  }

  @Override
  public Future<Void> moveAll(SqlConnection tx, Tenant from, Tenant to) {
    return tx.preparedQuery(MOVE).execute(Tuple.of(from.id(), to.id(), to.path()))
        .compose(x -> TenantRows.move(tx, "channel_webhook_secret", from.path(), to.path()))
        .mapEmpty();
  }

  @Override
  public Future<Void> repath(SqlConnection tx, String oldPath, String newPath) {
    return tx.preparedQuery(REPATH).execute(Tuple.of(oldPath, newPath))
        .compose(x -> TenantRows.repath(tx, "channel_webhook_secret", oldPath, newPath))
        .mapEmpty();
  }
}
