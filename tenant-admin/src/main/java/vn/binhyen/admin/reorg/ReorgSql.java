package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.channel.ChannelStore;
import vn.binhyen.core.identity.UserStore;
import vn.binhyen.core.tenant.TenantRows;
import vn.binhyen.core.tenant.TenantStore;

/**
 * The statements of a reorganisation step. Paths are rewritten with one prefix update per table;
 * every method runs inside the step's transaction, in a scope covering every unit involved.
 * platform-core's tables are written through its stores ({@link TenantStore}, {@link UserStore},
 * {@link ChannelStore}); only this module's own tables are written here.
 */

final class ReorgSql {

  // Only this module's own tables: figures and requests follow their channel's path.
  private static final String FOLLOW_CHANNEL = """
      UPDATE %s SET tenant_path = c.tenant_path FROM channel c
       WHERE %s.channel_id = c.id AND c.tenant_id = $1""";
  private static final String REVIEW = """
      INSERT INTO reorg_review (tenant_path, kind, item_id, from_code, to_code, reason)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String COUNT_SUBTREE = """
      SELECT count(*) FROM tenant WHERE valid_to IS NULL AND (path = $1 OR path LIKE $1 || '/%')""";

  /** A channel whose owner or path changed: the verifier re-issues its attestation. */
  record MovedChannel(long id, String normalizedId, String tenantPath) {}

  /** Rows touched by a path rewrite. */
  record Repathed(int units, int users, List<MovedChannel> channels) {}

  private final TenantStore tenants = new TenantStore();
  private final UserStore users = new UserStore();
  private final ChannelStore channels = new ChannelStore();

  Future<Repathed> repath(SqlClient tx, String oldPrefix, String newPrefix, int depthDelta) {
    return tenants.repath(tx, oldPrefix, newPrefix, depthDelta)
        .compose(units -> users.repath(tx, oldPrefix, newPrefix)
            .compose(movedUsers -> channels.repath(tx, oldPrefix, newPrefix)
                .compose(ch -> repathOwned(tx, oldPrefix, newPrefix)
                    .map(x -> new Repathed(units, movedUsers, moved(ch))))));
  }

  private Future<Void> repathOwned(SqlClient tx, String oldPrefix, String newPrefix) {
    Future<Void> chain = Future.succeededFuture();
    for (String table : List.of("channel_figure", "channel_verification_request", "reorg_review")) {
      chain = chain.compose(x -> TenantRows.repath(tx, table, oldPrefix, newPrefix));
    }
    return chain;
  }

  Future<Void> setParent(SqlClient tx, long unitId, long parentId) {
    return tenants.setParent(tx, unitId, parentId);
  }

  Future<Integer> reparentChildren(SqlClient tx, long fromId, long toId) {
    return tenants.reparentChildren(tx, fromId, toId);
  }

  Future<Integer> moveUsers(SqlClient tx, long fromId, long toId, String toPath) {
    return users.moveAll(tx, fromId, toId, toPath);
  }

  /** After channels moved to {@code toId}: their figures and requests follow their path. */
  Future<Void> followChannels(SqlClient tx, long toId) {
    return tx.preparedQuery(FOLLOW_CHANNEL.formatted("channel_figure", "channel_figure")).execute(Tuple.of(toId))
        .compose(x -> tx.preparedQuery(FOLLOW_CHANNEL.formatted("channel_verification_request",
            "channel_verification_request")).execute(Tuple.of(toId)))
        .mapEmpty();
  }

  Future<Void> moveChannel(SqlClient tx, long channelId, long toId, String toPath) {
    return channels.move(tx, channelId, toId, toPath);
  }

  Future<Void> close(SqlClient tx, long unitId, LocalDate validTo) {
    return tenants.close(tx, unitId, validTo);
  }

  Future<Void> successor(SqlClient tx, long unitId, long successorId, LocalDate effective) {
    return tenants.addSuccessor(tx, unitId, successorId, effective);
  }

  Future<Void> review(SqlClient tx, String path, String kind, long itemId, String from, String to, String reason) {
    return tx.preparedQuery(REVIEW).execute(Tuple.of(path, kind, itemId, from, to, reason)).mapEmpty();
  }

  Future<Long> countSubtree(SqlClient tx, String path) {
    return tx.preparedQuery(COUNT_SUBTREE).execute(Tuple.of(path)).map(r -> r.iterator().next().getLong(0));
  }

  static List<MovedChannel> moved(List<ChannelStore.Placed> placed) {
    List<MovedChannel> out = new ArrayList<>(placed.size());
    placed.forEach(p -> out.add(new MovedChannel(p.id(), p.normalizedId(), p.tenantPath())));
    return out;
  }
}
