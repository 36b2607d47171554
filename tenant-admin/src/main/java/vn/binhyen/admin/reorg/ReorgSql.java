package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.tenant.TenantRows;

/**
 * The statements of a reorganisation step. Paths are rewritten with one prefix update per table;
 * every method runs inside the step's transaction, in a scope covering every unit involved.
 */

final class ReorgSql {

  // $1 old prefix, $2 new prefix; the prefix condition uses the *_path text_pattern_ops indexes.
  private static final String REPATH_TENANTS = """
      UPDATE tenant SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now()
       WHERE valid_to IS NULL AND (path = $1 OR path LIKE $1 || '/%') RETURNING id""";
  private static final String REPATH_USERS = """
      UPDATE app_user SET tenant_path = $2 || substr(tenant_path, length($1) + 1)
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%' RETURNING id""";
  private static final String REPATH_CHANNELS = """
      UPDATE channel SET tenant_path = $2 || substr(tenant_path, length($1) + 1), updated_at = now()
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%' RETURNING id, normalized_id, tenant_path""";
  private static final String SET_PARENT = "UPDATE tenant SET parent_id = $2, updated_at = now() WHERE id = $1";
  private static final String REPARENT_CHILDREN = """
      UPDATE tenant SET parent_id = $2, updated_at = now() WHERE parent_id = $1 AND valid_to IS NULL RETURNING id""";
  private static final String MOVE_USERS = """
      UPDATE app_user SET tenant_id = $2, tenant_path = $3 WHERE tenant_id = $1 RETURNING id""";
  private static final String FOLLOW_CHANNEL = """
      UPDATE %s SET tenant_path = c.tenant_path FROM channel c
       WHERE %s.channel_id = c.id AND c.tenant_id = $1""";
  private static final String MOVE_CHANNEL = """
      UPDATE channel SET tenant_id = $2, tenant_path = $3, updated_at = now() WHERE id = $1""";
  private static final String CLOSE = """
      UPDATE tenant SET valid_to = $2, updated_at = now() WHERE id = $1 AND valid_to IS NULL""";
  private static final String SUCCESSOR = """
      INSERT INTO tenant_successor (tenant_id, successor_id, effective) VALUES ($1, $2, $3)
      ON CONFLICT DO NOTHING""";
  private static final String REVIEW = """
      INSERT INTO reorg_review (tenant_path, kind, item_id, from_code, to_code, reason)
      VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String COUNT_SUBTREE = """
      SELECT count(*) FROM tenant WHERE valid_to IS NULL AND (path = $1 OR path LIKE $1 || '/%')""";

  /** A channel whose owner or path changed: the verifier re-issues its attestation. */
  record MovedChannel(long id, String normalizedId, String tenantPath) {}

  /** Rows touched by a path rewrite. */
  record Repathed(int units, int users, List<MovedChannel> channels) {}

  Future<Repathed> repath(SqlClient tx, String oldPrefix, String newPrefix, int depthDelta) {
    return tx.preparedQuery(REPATH_TENANTS).execute(Tuple.of(oldPrefix, newPrefix, depthDelta))
        .compose(units -> tx.preparedQuery(REPATH_USERS).execute(Tuple.of(oldPrefix, newPrefix))
            .compose(users -> tx.preparedQuery(REPATH_CHANNELS).execute(Tuple.of(oldPrefix, newPrefix))
                .compose(ch -> repathOwned(tx, oldPrefix, newPrefix)
                    .map(x -> new Repathed(units.rowCount(), users.rowCount(), channels(ch))))));
  }

  private Future<Void> repathOwned(SqlClient tx, String oldPrefix, String newPrefix) {
    Future<Void> chain = Future.succeededFuture();
    for (String table : List.of("channel_figure", "channel_verification_request", "reorg_review")) {
      chain = chain.compose(x -> TenantRows.repath(tx, table, oldPrefix, newPrefix));
    }
    return chain;
  }

  Future<Void> setParent(SqlClient tx, long unitId, long parentId) {
    return tx.preparedQuery(SET_PARENT).execute(Tuple.of(unitId, parentId)).mapEmpty();
  }

  Future<Integer> reparentChildren(SqlClient tx, long fromId, long toId) {
    return tx.preparedQuery(REPARENT_CHILDREN).execute(Tuple.of(fromId, toId)).map(r -> r.rowCount());
  }

  Future<Integer> moveUsers(SqlClient tx, long fromId, long toId, String toPath) {
    return tx.preparedQuery(MOVE_USERS).execute(Tuple.of(fromId, toId, toPath)).map(r -> r.rowCount());
  }

  /** After channels moved to {@code toId}: their figures and requests follow their path. */
  Future<Void> followChannels(SqlClient tx, long toId) {
    return tx.preparedQuery(FOLLOW_CHANNEL.formatted("channel_figure", "channel_figure")).execute(Tuple.of(toId))
        .compose(x -> tx.preparedQuery(FOLLOW_CHANNEL.formatted("channel_verification_request",
            "channel_verification_request")).execute(Tuple.of(toId)))
        .mapEmpty();
  }

  Future<Void> moveChannel(SqlClient tx, long channelId, long toId, String toPath) {
    return tx.preparedQuery(MOVE_CHANNEL).execute(Tuple.of(channelId, toId, toPath)).mapEmpty();
  }

  Future<Void> close(SqlClient tx, long unitId, LocalDate validTo) {
    return tx.preparedQuery(CLOSE).execute(Tuple.of(unitId, validTo)).mapEmpty();
  }

  Future<Void> successor(SqlClient tx, long unitId, long successorId, LocalDate effective) {
    return tx.preparedQuery(SUCCESSOR).execute(Tuple.of(unitId, successorId, effective)).mapEmpty();
  }

  Future<Void> review(SqlClient tx, String path, String kind, long itemId, String from, String to, String reason) {
    return tx.preparedQuery(REVIEW).execute(Tuple.of(path, kind, itemId, from, to, reason)).mapEmpty();
  }

  Future<Long> countSubtree(SqlClient tx, String path) {
    return tx.preparedQuery(COUNT_SUBTREE).execute(Tuple.of(path)).map(r -> r.iterator().next().getLong(0));
  }

  private static List<MovedChannel> channels(io.vertx.sqlclient.RowSet<Row> rows) {
    List<MovedChannel> out = new ArrayList<>();
    rows.forEach(r -> out.add(new MovedChannel(r.getLong(0), r.getString(1), r.getString(2))));
    return out;
  }
}
