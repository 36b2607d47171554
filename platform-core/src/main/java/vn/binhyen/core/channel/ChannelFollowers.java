package vn.binhyen.core.channel;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.Collection;
import java.util.Map;

/**
 * The followers (or members) each unit reported for its channels, offered by tenant-admin (the
 * owner of those figures) so that alert figures can say how many people the channels reached
 * without depending on it directly. Registered with {@code Services.register}; absent when
 * tenant-admin is not deployed.
 */
public interface ChannelFollowers {

  /**
   * Channel id → reported followers for those of {@code channelIds} that have figures, read with
   * {@code db} (so inside the caller's transaction and its row-level scope).
   */
  Future<Map<Long, Long>> of(SqlClient db, Collection<Long> channelIds);
}
