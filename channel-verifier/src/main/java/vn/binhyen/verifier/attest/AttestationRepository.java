package vn.binhyen.verifier.attest;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code attestation}. */
final class AttestationRepository {

  /** The few columns the service needs about one attestation. */
  record Stored(String jti, long channelId, String kid, boolean revoked) {}

  private static final String INSERT = """
      INSERT INTO attestation (channel_id, jti, kid, tenant_code, token, issued_at, expires_at, log_index)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
  private static final String CURRENT_OF_CHANNEL = """
      SELECT jti FROM attestation WHERE channel_id = $1 AND revoked_at IS NULL ORDER BY id FOR UPDATE""";
  private static final String REVOKE = """
      UPDATE attestation SET revoked_at = now(), revoked_reason = $2 WHERE jti = $1 AND revoked_at IS NULL""";
  private static final String BY_JTI = "SELECT jti, channel_id, kid, revoked_at IS NOT NULL AS revoked FROM attestation WHERE jti = $1";
  // A current attestation: unrevoked, unexpired, naming the channel's unit as it is now.
  private static final String HAS_CURRENT = """
      SELECT 1 FROM attestation WHERE channel_id = $1 AND tenant_code = $2
         AND revoked_at IS NULL AND expires_at > now() LIMIT 1""";
  // Verified, unarchived channels with no current attestation (the sweeper's repair list).
  private static final String VERIFIED_WITHOUT_CURRENT = """
      SELECT c.id FROM channel c
       WHERE c.status = 'verified' AND NOT c.archived
         AND NOT EXISTS (SELECT 1 FROM attestation a
                          WHERE a.channel_id = c.id AND a.revoked_at IS NULL AND a.expires_at > now()
                            AND a.tenant_code = regexp_replace(c.tenant_path, '^.*/', ''))
       ORDER BY c.id LIMIT $1""";
  private static final String CURRENT_BY_KID = """
      SELECT kid, count(*) FROM attestation WHERE revoked_at IS NULL AND expires_at > now() GROUP BY kid""";
  private static final String CHANNELS_SIGNED_BY = """
      SELECT DISTINCT channel_id FROM attestation WHERE kid = $1 AND revoked_at IS NULL ORDER BY channel_id""";

  Future<Void> insert(SqlClient tx, long channelId, String jti, String kid, String tenantCode, String token,
      long issuedAt, long expiresAt, long logIndex) {
    return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {channelId, jti, kid, tenantCode, token,
        time(issuedAt), time(expiresAt), logIndex})).mapEmpty();
  }

  /** The unrevoked attestations of a channel, locked for the transaction. */
  Future<List<String>> currentOf(SqlClient tx, long channelId) {
    return tx.preparedQuery(CURRENT_OF_CHANNEL).execute(Tuple.of(channelId)).map(rows -> {
      List<String> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getString("jti")));
      return out;
    });
  }

  Future<Boolean> revoke(SqlClient tx, String jti, String reason) {
    return tx.preparedQuery(REVOKE).execute(Tuple.of(jti, reason)).map(r -> r.rowCount() == 1);
  }

  Future<Optional<Stored>> byJti(SqlClient db, String jti) {
    return db.preparedQuery(BY_JTI).execute(Tuple.of(jti)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      var r = rows.iterator().next();
      return Optional.of(new Stored(r.getString("jti"), r.getLong("channel_id"), r.getString("kid"), r.getBoolean("revoked")));
    });
  }

  Future<Boolean> hasCurrent(SqlClient db, long channelId, String tenantCode) {
    return db.preparedQuery(HAS_CURRENT).execute(Tuple.of(channelId, tenantCode)).map(rows -> rows.size() > 0);
  }

  Future<List<Long>> verifiedWithoutCurrent(SqlClient db, int limit) {
    return db.preparedQuery(VERIFIED_WITHOUT_CURRENT).execute(Tuple.of(limit)).map(rows -> {
      List<Long> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getLong(0)));
      return out;
    });
  }

  /** How many current attestations each key signed (what revoking it would re-issue). */
  Future<java.util.Map<String, Long>> currentByKid(SqlClient db) {
    return db.query(CURRENT_BY_KID).execute().map(rows -> {
      java.util.Map<String, Long> out = new java.util.HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getLong(1)));
      return out;
    });
  }

  Future<List<Long>> channelsSignedBy(SqlClient db, String kid) {
    return db.preparedQuery(CHANNELS_SIGNED_BY).execute(Tuple.of(kid)).map(rows -> {
      List<Long> out = new ArrayList<>();
      rows.forEach(r -> out.add(r.getLong("channel_id")));
      return out;
    });
  }

  private static OffsetDateTime time(long epochSeconds) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }
}
