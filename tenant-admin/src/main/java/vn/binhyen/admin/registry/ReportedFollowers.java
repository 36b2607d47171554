package vn.binhyen.admin.registry;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import vn.binhyen.core.channel.ChannelFollowers;

/** {@link ChannelFollowers} from {@code channel_figure} (tenant-admin migration V1), which this module owns. */
public final class ReportedFollowers implements ChannelFollowers {

  private static final String FOLLOWERS = "SELECT channel_id, followers FROM channel_figure WHERE channel_id = ANY($1)";

  @Override
  public Future<Map<Long, Long>> of(SqlClient db, Collection<Long> channelIds) {
    if (channelIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return db.preparedQuery(FOLLOWERS).execute(Tuple.of(channelIds.toArray(Long[]::new))).map(rows -> {
      Map<Long, Long> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getLong(0), r.getLong(1)));
      return out;
    });
  }
}
