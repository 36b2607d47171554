package vn.binhyen.verifier.impostor.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.verifier.impostor.ConfirmedImpostor;
import vn.binhyen.verifier.impostor.InMemoryOfficialDirectory;
import vn.binhyen.verifier.impostor.OfficialChannel;
import vn.binhyen.verifier.impostor.UnitName;

/**
 * Reads the scorer's official world from the database: verified channels (core's channel table),
 * the names of current units, the national police bodies shipped with the module, and the
 * confirmed impostors. Needs no tenant scope: all of it is public.
 */
final class DirectoryLoader {

  private static final String CURRENT_UNITS = "SELECT code, name, path FROM tenant WHERE valid_to IS NULL";
  private static final String CONFIRMED = """
      SELECT normalized_link, display_name, tenant_path, decided_at FROM impostor_case
       WHERE status = 'confirmed' AND normalized_link IS NOT NULL""";

  private static final List<UnitName> NATIONAL = InMemoryOfficialDirectory.nationalUnits();

  private final ChannelRepository channels = new ChannelRepository();

  Future<InMemoryOfficialDirectory> load(SqlClient db) {
    return db.query(CURRENT_UNITS).execute().compose(unitRows -> {
      List<UnitName> units = new ArrayList<>(NATIONAL);
      Map<String, String> nameByPath = new HashMap<>();
      for (Row r : unitRows) {
        units.add(new UnitName(r.getString("code"), r.getString("name")));
        nameByPath.put(r.getString("path"), r.getString("name"));
      }
      return channels.listAll(db, ChannelStatus.VERIFIED).compose(verified -> {
        List<OfficialChannel> official = new ArrayList<>(verified.size());
        for (Channel c : verified) {
          official.add(new OfficialChannel(Long.toString(c.id()), c.platform().id(), c.normalizedId(),
              c.displayName(), codeOf(c.tenantPath()), nameByPath.getOrDefault(c.tenantPath(), "")));
        }
        return db.query(CONFIRMED).execute().map(rows -> {
          List<ConfirmedImpostor> impostors = new ArrayList<>();
          for (Row r : rows) {
            var at = r.getOffsetDateTime("decided_at");
            impostors.add(new ConfirmedImpostor(r.getString("normalized_link"), r.getString("display_name"),
                codeOf(r.getString("tenant_path")), at == null ? null : at.toInstant()));
          }
          return new InMemoryOfficialDirectory(official, units, impostors);
        });
      });
    });
  }

  /** The unit code is the last segment of a tenant path. */
  static String codeOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
