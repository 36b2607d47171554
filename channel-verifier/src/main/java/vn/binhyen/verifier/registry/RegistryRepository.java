package vn.binhyen.verifier.registry;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.channel.Platform;

/** Reads published channels with their owner and current attestation, and attestation ids. */
final class RegistryRepository {

  /** What the registry keeps per attestation id. */
  record JtiInfo(long channelId, long logIndex, boolean revoked, long expiresAtEpoch) {}

  // Row-level security lets anyone read published (non-pending) channels; no scope is needed.
  private static final String PUBLISHED = """
      SELECT c.id, c.platform, c.normalized_id, c.url, c.display_name, c.status, c.status_reason, c.verified_at,
             c.tenant_path, t.code AS tenant_code, t.name AS tenant_name,
             a.jti, a.kid, a.token, a.log_index, a.issued_at, a.expires_at
        FROM channel c
        JOIN tenant t ON t.id = c.tenant_id
        LEFT JOIN LATERAL (
          SELECT jti, kid, token, log_index, issued_at, expires_at FROM attestation a
           WHERE a.channel_id = c.id AND a.revoked_at IS NULL
           ORDER BY a.issued_at DESC, a.id DESC LIMIT 1) a ON true
       WHERE c.status <> 'pending' AND NOT c.archived AND ($1::bigint IS NULL OR c.id = $1)""";
  private static final String JTIS = """
      SELECT jti, channel_id, log_index, revoked_at IS NOT NULL AS revoked,
             extract(epoch FROM expires_at)::bigint AS expires_epoch FROM attestation
       WHERE $1::bigint IS NULL OR channel_id = $1""";

  // A digest of everything the registry copies; a node whose last digest differs reloads.
  // Reads every published channel and attestation: O(registry) per node per period.
  private static final String FINGERPRINT = """
      SELECT md5(coalesce(string_agg(x, ',' ORDER BY x), '')) FROM (
        SELECT 'c' || c.id || ':' || c.status || ':' || c.archived || ':' || c.updated_at::text || ':'
               || c.normalized_id || ':' || c.display_name || ':' || t.name AS x
          FROM channel c JOIN tenant t ON t.id = c.tenant_id
         WHERE c.status <> 'pending'
        UNION ALL
        SELECT 'a' || a.jti || ':' || coalesce(a.revoked_at::text, '') FROM attestation a) f""";

  Future<String> fingerprint(SqlClient db) {
    return db.query(FINGERPRINT).execute().map(rows -> rows.iterator().next().getString(0));
  }

  /** What one load read: the channels and the attestation ids (with their states) of one snapshot. */
  record Snapshot(List<RegistryEntry> entries, List<String> ids, List<JtiInfo> infos, String fingerprint) {}

  /**
   * Every published channel ({@code channelId} null) or one, with the attestation ids, read in one
   * repeatable-read snapshot: a re-issue committed between two separate reads would otherwise show
   * the old attestation already revoked and the new one not yet there (a REVOKED answer for an
   * official page). A full read carries the fingerprint of the same snapshot.
   */
  Future<Snapshot> snapshot(Pool pool, Long channelId) {
    return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
        .compose(x -> published(tx, channelId))
        .compose(entries -> {
          List<String> ids = new ArrayList<>();
          return jtis(tx, channelId, ids).compose(infos -> channelId != null
              ? Future.succeededFuture(new Snapshot(entries, ids, infos, null))
              : fingerprint(tx).map(f -> new Snapshot(entries, ids, infos, f)));
        }));
  }

  /** Every published channel ({@code channelId} null) or one. */
  Future<List<RegistryEntry>> published(SqlClient db, Long channelId) {
    return db.preparedQuery(PUBLISHED).execute(Tuple.of(channelId)).map(rows -> {
      List<RegistryEntry> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(map(r)));
      return out;
    });
  }

  Future<List<JtiInfo>> jtis(SqlClient db, Long channelId, List<String> idsOut) {
    return db.preparedQuery(JTIS).execute(Tuple.of(channelId)).map(rows -> {
      List<JtiInfo> out = new ArrayList<>(rows.size());
      rows.forEach(r -> {
        idsOut.add(r.getString("jti"));
        out.add(new JtiInfo(r.getLong("channel_id"), r.getLong("log_index"), r.getBoolean("revoked"),
            r.getLong("expires_epoch")));
      });
      return out;
    });
  }

  private static RegistryEntry map(Row r) {
    return new RegistryEntry(r.getLong("id"), Platform.byId(r.getString("platform")).orElseThrow(),
        r.getString("normalized_id"), r.getString("url"), r.getString("display_name"),
        ChannelStatus.parse(r.getString("status")), r.getString("status_reason"), instant(r.getOffsetDateTime("verified_at")),
        r.getString("tenant_code"), r.getString("tenant_name"), r.getString("tenant_path"), r.getString("token"),
        r.getString("jti"), r.getString("kid"), r.getLong("log_index"), instant(r.getOffsetDateTime("issued_at")),
        instant(r.getOffsetDateTime("expires_at")));
  }

  private static java.time.Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
