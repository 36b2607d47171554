package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for {@code alert_image} (channel-verifier migration V6). */
final class AlertImageRepository {

  // The same file uploaded twice (or by two units) is one row: the first uploader keeps it.
  private static final String INSERT = """
      INSERT INTO alert_image (sha256, sha1, media_type, size, tenant_path, uploaded_by)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (sha256) DO NOTHING""";
  private static final String BY_IDS = "SELECT sha256, sha1, media_type, size FROM alert_image WHERE sha256 = ANY($1::text[])";

  Future<Void> insert(SqlClient tx, AlertImage i, String tenantPath, String by) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(i.sha256(), i.sha1(), i.mediaType(), i.size(), tenantPath, by))
        .mapEmpty();
  }

  /** The images with these ids that exist, by id. */
  Future<Map<String, AlertImage>> byIds(SqlClient db, List<String> ids) {
    return db.preparedQuery(BY_IDS).execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
      Map<String, AlertImage> out = new HashMap<>();
      for (Row r : rows) {
        out.put(r.getString("sha256"), new AlertImage(r.getString("sha256"), r.getString("sha1"),
            r.getString("media_type"), r.getLong("size")));
      }
      return out;
    });
  }
}
