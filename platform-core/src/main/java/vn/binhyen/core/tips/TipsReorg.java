package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantRows;
import vn.binhyen.core.tenant.UnitMove;
import vn.binhyen.core.tenant.UnitMoves;

/**
 * Tips follow a reorganisation: a merged unit's tips move to the survivor, a re-parented subtree's
 * paths are rewritten. Every counter moves in the same transaction (the old ancestors lose the
 * tips, the new ones gain them), so figures stay equal to a GROUP BY: for a merge (one pair or a
 * whole mapping) {@code tip_reorg_move} adjusts them once per group of tips, for a re-path the
 * roll-up trigger does it tip by tip.
 */
final class TipsReorg implements ReorgParticipant {

  // One merge is a mapping of one pair: the same set-based move as the reform's (one UPDATE with
  // the per-row roll-up trigger skipped, the counters adjusted once, events following).
  private static final String MOVE = "SELECT tip_reorg_move(ARRAY[$1::bigint], ARRAY[$2::bigint], ARRAY[$3::text], false)";
  private static final String REPATH = """
      UPDATE tip SET tenant_path = $2 || substr(tenant_path, length($1) + 1), updated_at = now()
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%'""";

  private static final String MOVE_MANY = "SELECT tip_reorg_move($1, $2, $3, $4)";
  // Current units below re-parented ones ($1: their new paths).
  private static final String BELOW = """
      SELECT id, path FROM tenant t
       WHERE valid_to IS NULL AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS p (path) WHERE t.path LIKE p.path || '/%')""";

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

  /**
   * The whole mapping in one call of {@code tip_reorg_move} (tips V15): the tips of every moved
   * unit in one UPDATE with the roll-up trigger skipped, the counters of the moved tips adjusted
   * once and their events moved to their new province, in this transaction; then the webhook
   * secrets, one statement each. Units below a re-parented one join the mapping (to themselves at
   * their current path), so their tips follow without a prefix rewrite (which, joined with many
   * prefixes, scans every tip once per prefix). A dry run only counts.
   */
  @Override
  public Future<java.util.Map<String, Integer>> moveMany(SqlConnection tx, UnitMoves m, boolean dryRun) {
    String[] moved = m.repaths().values().toArray(String[]::new);
    return tx.preparedQuery(BELOW).execute(Tuple.of((Object) moved))
        .map(rows -> {
          java.util.Set<Long> known = new java.util.HashSet<>();
          java.util.List<UnitMove> all = new java.util.ArrayList<>(m.moves());
          all.forEach(u -> known.add(u.fromId()));
          rows.forEach(r -> {
            if (known.add(r.getLong(0))) {
              all.add(new UnitMove(r.getLong(0), r.getLong(0), r.getString(1)));
            }
          });
          return all;
        })
        .compose(all -> tx.preparedQuery(MOVE_MANY).execute(UnitMove.arrays(all).addBoolean(dryRun)))
        .map(rows -> rows.iterator().next().getLong(0).intValue())
        .compose(n -> (dryRun ? Future.<Void>succeededFuture()
            : TenantRows.moveAll(tx, "channel_webhook_secret", m)
                .compose(x -> TenantRows.repathAll(tx, "channel_webhook_secret", m)))
            .map(x -> java.util.Map.of("tipsMoved", n)));
  }

  @Override
  public Future<Void> repath(SqlConnection tx, String oldPath, String newPath) {
    return tx.preparedQuery(REPATH).execute(Tuple.of(oldPath, newPath))
        .compose(x -> TenantRows.repath(tx, "channel_webhook_secret", oldPath, newPath))
        .mapEmpty();
  }
}
