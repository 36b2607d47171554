package vn.binhyen.core.channel;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.tenant.UnitMove;

/**
 * The writes of {@code channel} that reorganisations make (platform-core owns the table; other
 * modules write it only through this class or {@link ChannelRepository}). Methods take the
 * caller's client (a scope covering every unit involved) and answer the channels whose owner or
 * path changed, so the caller can have their attestations re-issued.
 */
public final class ChannelStore {

  /** A channel whose owner or path changed. */
  public record Placed(long id, String normalizedId, String tenantPath) {}

  // $1 old prefix, $2 new prefix; the prefix condition uses the tenant_path text_pattern_ops index.
  private static final String REPATH = """
      UPDATE channel SET tenant_path = $2 || substr(tenant_path, length($1) + 1), updated_at = now()
       WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%' RETURNING id, normalized_id, tenant_path""";
  private static final String MOVE_ONE = """
      UPDATE channel SET tenant_id = $2, tenant_path = $3, updated_at = now() WHERE id = $1""";
  // One statement for all units at once: m maps an old unit to its new unit and path.
  private static final String MOVE_ALL = """
      UPDATE channel c SET tenant_id = m.new_id, tenant_path = m.new_path, updated_at = now()
        FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS m(old_id, new_id, new_path)
       WHERE c.tenant_id = m.old_id RETURNING c.id, c.normalized_id, c.tenant_path""";

  /** Channels at {@code oldPrefix} and below now live under {@code newPrefix}. */
  public Future<List<Placed>> repath(SqlClient tx, String oldPrefix, String newPrefix) {
    return tx.preparedQuery(REPATH).execute(Tuple.of(oldPrefix, newPrefix)).map(ChannelStore::placed);
  }

  /** One channel now belongs to unit {@code toId} at {@code toPath}. */
  public Future<Void> move(SqlClient tx, long channelId, long toId, String toPath) {
    return tx.preparedQuery(MOVE_ONE).execute(Tuple.of(channelId, toId, toPath)).mapEmpty();
  }

  /** Every channel of each {@code fromId} now belongs to its {@code toId}, in one statement. */
  public Future<List<Placed>> moveAll(SqlClient tx, List<UnitMove> moves) {
    return tx.preparedQuery(MOVE_ALL).execute(UnitMove.arrays(moves)).map(ChannelStore::placed);
  }

  private static List<Placed> placed(RowSet<Row> rows) {
    List<Placed> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(new Placed(r.getLong(0), r.getString(1), r.getString(2))));
    return out;
  }
}
