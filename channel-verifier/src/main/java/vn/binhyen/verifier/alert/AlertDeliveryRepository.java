package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for {@code alert_delivery} and {@code alert_channel_credential} (channel-verifier migration V5). */
final class AlertDeliveryRepository {

  /** A delivery claimed for sending, with what the post needs. */
  record Claimed(long id, String alertId, long channelId, String tenantPath, String platform, String articleId,
      int attempts) {}

  /** A channel's sealed credentials. */
  record Credential(long channelId, String tenantPath, String platform, String targetId, byte[] sealed,
      Instant accessExpiresAt) {}

  /** Figures of one unit's subtree (or of one child's, in a drill-down). */
  record Figures(String child, long alertsIssued, long channelsReached, long failures, long notConnected,
      long pending) {}

  /** How many alerts reached one channel below one child of the unit. */
  record Reached(String child, long channelId, long deliveries) {}

  private static final String COLUMNS = """
      d.id, d.alert_id, a.title, d.channel_id, c.display_name, c.url, d.tenant_path, d.platform, d.mode, d.status,
      d.attempts, d.platform_ref, d.last_error, d.fail_reason, d.posted_by, d.queued_at, d.done_at""";
  private static final String FROM = """
       FROM alert_delivery d JOIN alert a ON a.id = d.alert_id JOIN channel c ON c.id = d.channel_id""";
  // One row per verified, unarchived channel of a unit in scope (the unit or below it): Facebook
  // pages and Zalo OAs through the API, community groups by hand. Other platforms get nothing.
  // ON CONFLICT: the (alert, channel) key makes enqueueing twice harmless.
  private static final String ENQUEUE = """
      INSERT INTO alert_delivery (alert_id, channel_id, tenant_id, tenant_path, issuer_path, platform, mode, status)
      SELECT $1, c.id, c.tenant_id, c.tenant_path, $3, c.platform,
             CASE WHEN c.platform IN ('facebook_page', 'zalo_oa') THEN 'api' ELSE 'manual' END,
             CASE WHEN c.platform IN ('facebook_page', 'zalo_oa') THEN 'queued' ELSE 'ready' END
        FROM channel c
       WHERE c.status = 'verified' AND NOT c.archived
         AND c.platform IN ('facebook_page', 'zalo_oa', 'zalo_group', 'facebook_group')
         AND EXISTS (SELECT 1 FROM unnest($2::text[]) p WHERE c.tenant_path = p OR c.tenant_path LIKE p || '/%')
      ON CONFLICT (alert_id, channel_id) DO NOTHING
      RETURNING id, mode, tenant_path""";
  private static final String CLAIM = """
      SELECT id, alert_id, channel_id, tenant_path, platform, article_id, attempts
        FROM alert_delivery WHERE id = $1 AND status = 'queued' FOR UPDATE""";
  private static final String SENT = """
      UPDATE alert_delivery SET status = 'sent', platform_ref = $2, article_id = coalesce($3, article_id),
             attempts = attempts + 1, last_error = NULL, done_at = now()
       WHERE id = $1 AND status = 'queued'""";
  private static final String FAILED = """
      UPDATE alert_delivery SET status = 'failed', fail_reason = $2, last_error = $3, attempts = attempts + 1,
             done_at = now()
       WHERE id = $1 AND status = 'queued'""";
  // A failed attempt that will be tried again, or the last one allowed ($4): then it is failed.
  private static final String RETRY = """
      UPDATE alert_delivery SET attempts = attempts + 1, last_error = $2, article_id = coalesce($3, article_id),
             status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE status END,
             fail_reason = CASE WHEN attempts + 1 >= $4 THEN 'gave-up' ELSE fail_reason END,
             done_at = CASE WHEN attempts + 1 >= $4 THEN now() ELSE done_at END
       WHERE id = $1 AND status = 'queued'
      RETURNING status""";
  // A channel just connected: its deliveries that found no credentials, of alerts still in force,
  // are queued again (the outbox work is added by the caller in the same transaction).
  private static final String REQUEUE_UNCONNECTED = """
      UPDATE alert_delivery d SET status = 'queued', fail_reason = NULL, last_error = NULL, done_at = NULL
        FROM alert a
       WHERE a.id = d.alert_id AND d.channel_id = $1 AND d.status = 'failed' AND d.fail_reason = 'no-credentials'
         AND a.cancelled_at IS NULL AND a.expires_at > now()
      RETURNING d.id, d.mode, d.tenant_path""";
  private static final String CANCEL_PENDING = """
      UPDATE alert_delivery SET status = 'cancelled', done_at = now()
       WHERE alert_id = $1 AND status IN ('queued', 'ready')""";
  private static final String POSTED = """
      UPDATE alert_delivery SET status = 'posted', posted_by = $3, platform_ref = $4, done_at = now()
       WHERE id = $1 AND tenant_path = $2 AND mode = 'manual' AND status = 'ready'""";
  private static final String BY_ID = "SELECT " + COLUMNS + " " + FROM + " WHERE d.id = $1";
  // The deliveries to the channels of a unit and its subtree, newest first (alert_delivery_unit).
  private static final String FOR_UNIT = "SELECT " + COLUMNS + " " + FROM + """

       WHERE (d.tenant_path = $1 OR d.tenant_path LIKE $1 || '/%')
       ORDER BY d.queued_at DESC, d.id
       LIMIT $2""";
  private static final String FOR_ALERT = "SELECT " + COLUMNS + " " + FROM + """

       WHERE d.alert_id = $1
       ORDER BY d.tenant_path, d.id
       LIMIT $2""";
  // Figures of a subtree, by child (the path segment below the unit; '' for the unit itself):
  // alerts issued by units there, and deliveries to channels there.
  private static final String FIGURES = """
      WITH issued AS (
        SELECT split_part(substr(tenant_path, length($1) + 2), '/', 1) AS child, count(*) AS n
          FROM alert WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%' GROUP BY 1),
      delivered AS (
        SELECT split_part(substr(tenant_path, length($1) + 2), '/', 1) AS child,
               count(*) FILTER (WHERE status IN ('sent', 'posted')) AS reached,
               count(*) FILTER (WHERE status = 'failed' AND fail_reason <> 'no-credentials') AS failures,
               count(*) FILTER (WHERE status = 'failed' AND fail_reason = 'no-credentials') AS not_connected,
               count(*) FILTER (WHERE status IN ('queued', 'ready')) AS pending
          FROM alert_delivery WHERE tenant_path = $1 OR tenant_path LIKE $1 || '/%' GROUP BY 1)
      SELECT coalesce(i.child, d.child) AS child, coalesce(i.n, 0), coalesce(d.reached, 0),
             coalesce(d.failures, 0), coalesce(d.not_connected, 0), coalesce(d.pending, 0)
        FROM issued i FULL JOIN delivered d ON d.child = i.child
       ORDER BY 1""";
  // The channels of a subtree that alerts reached (sent or posted), by child, with how many did.
  private static final String REACHED = """
      SELECT split_part(substr(tenant_path, length($1) + 2), '/', 1), channel_id, count(*)
        FROM alert_delivery
       WHERE (tenant_path = $1 OR tenant_path LIKE $1 || '/%') AND status IN ('sent', 'posted')
       GROUP BY 1, 2""";
  // Each listed alert's deliveries seen from a unit's scope, counted by status (a channel not
  // connected yet, fail_reason no-credentials, apart from the platforms' failures).
  private static final String SUMMARY = """
      SELECT alert_id, CASE WHEN fail_reason = 'no-credentials' THEN 'not-connected' ELSE status END, count(*)
        FROM alert_delivery
       WHERE alert_id = ANY($1) AND (tenant_path = $2 OR tenant_path LIKE $2 || '/%')
       GROUP BY 1, 2""";
  private static final String UPSERT_CREDENTIAL = """
      INSERT INTO alert_channel_credential (channel_id, tenant_path, platform, target_id, sealed, access_expires_at,
                                            updated_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (channel_id) DO UPDATE SET tenant_path = EXCLUDED.tenant_path, platform = EXCLUDED.platform,
             target_id = EXCLUDED.target_id, sealed = EXCLUDED.sealed,
             access_expires_at = EXCLUDED.access_expires_at, updated_by = EXCLUDED.updated_by, updated_at = now()""";
  private static final String CREDENTIAL = """
      SELECT channel_id, tenant_path, platform, target_id, sealed, access_expires_at
        FROM alert_channel_credential WHERE channel_id = $1""";
  private static final String CREDENTIAL_LOCKED = CREDENTIAL + " FOR UPDATE";
  private static final String UPDATE_SEALED = """
      UPDATE alert_channel_credential SET sealed = $2, access_expires_at = $3, updated_at = now()
       WHERE channel_id = $1""";

  /** A queued or ready row, as enqueued. */
  record Enqueued(long id, String mode, String tenantPath) {}

  Future<List<Enqueued>> enqueue(SqlClient tx, String alertId, List<String> scopePaths, String issuerPath) {
    return tx.preparedQuery(ENQUEUE).execute(Tuple.of(alertId, scopePaths.toArray(String[]::new), issuerPath))
        .map(rows -> {
          List<Enqueued> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Enqueued(r.getLong(0), r.getString(1), r.getString(2))));
          return out;
        });
  }

  /** The delivery, locked until the transaction ends, if it is still queued. */
  Future<Optional<Claimed>> claim(SqlClient tx, long id) {
    return tx.preparedQuery(CLAIM).execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new Claimed(r.getLong(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
          r.getString(5), r.getInteger(6)));
    });
  }

  Future<Void> sent(SqlClient tx, long id, String platformRef, String articleId) {
    return tx.preparedQuery(SENT).execute(Tuple.of(id, platformRef, articleId)).mapEmpty();
  }

  Future<Void> failed(SqlClient tx, long id, String reason, String error) {
    return tx.preparedQuery(FAILED).execute(Tuple.of(id, reason, error)).mapEmpty();
  }

  /** Records a failed attempt; answers whether the delivery is still queued (to be tried again). */
  Future<Boolean> retry(SqlClient tx, long id, String error, String articleId, int maxAttempts) {
    return tx.preparedQuery(RETRY).execute(Tuple.of(id, error, articleId, maxAttempts)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() && AlertDelivery.QUEUED.equals(it.next().getString(0));
    });
  }

  Future<List<Enqueued>> requeueUnconnected(SqlClient tx, long channelId) {
    return tx.preparedQuery(REQUEUE_UNCONNECTED).execute(Tuple.of(channelId)).map(rows -> {
      List<Enqueued> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Enqueued(r.getLong(0), r.getString(1), r.getString(2))));
      return out;
    });
  }

  Future<Integer> cancelPending(SqlClient tx, String alertId) {
    return tx.preparedQuery(CANCEL_PENDING).execute(Tuple.of(alertId)).map(RowSet::rowCount);
  }

  /** Whether it was marked (false: not a ready manual delivery of that unit). */
  Future<Boolean> posted(SqlClient tx, long id, String unitPath, String by, String postLink) {
    return tx.preparedQuery(POSTED).execute(Tuple.of(id, unitPath, by, postLink)).map(r -> r.rowCount() == 1);
  }

  Future<Optional<AlertDelivery>> byId(SqlClient db, long id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> {
      List<AlertDelivery> all = all(rows);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    });
  }

  Future<List<AlertDelivery>> forUnit(SqlClient db, String unitPath, int limit) {
    return db.preparedQuery(FOR_UNIT).execute(Tuple.of(unitPath, limit)).map(AlertDeliveryRepository::all);
  }

  Future<List<AlertDelivery>> forAlert(SqlClient db, String alertId, int limit) {
    return db.preparedQuery(FOR_ALERT).execute(Tuple.of(alertId, limit)).map(AlertDeliveryRepository::all);
  }

  Future<List<Figures>> figures(SqlClient db, String unitPath) {
    return db.preparedQuery(FIGURES).execute(Tuple.of(unitPath)).map(rows -> {
      List<Figures> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Figures(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
          r.getLong(5))));
      return out;
    });
  }

  Future<List<Reached>> reached(SqlClient db, String unitPath) {
    return db.preparedQuery(REACHED).execute(Tuple.of(unitPath)).map(rows -> {
      List<Reached> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Reached(r.getString(0), r.getLong(1), r.getLong(2))));
      return out;
    });
  }

  /** Alert id → (state → count) for the listed alerts' deliveries inside {@code unitPath}'s subtree. */
  Future<Map<String, Map<String, Long>>> summary(SqlClient db, List<String> alertIds, String unitPath) {
    return db.preparedQuery(SUMMARY).execute(Tuple.of(alertIds.toArray(String[]::new), unitPath)).map(rows -> {
      Map<String, Map<String, Long>> out = new HashMap<>();
      rows.forEach(r -> out.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2)));
      return out;
    });
  }

  Future<Void> upsertCredential(SqlClient tx, Credential c, String by) {
    return tx.preparedQuery(UPSERT_CREDENTIAL).execute(Tuple.from(new Object[] {c.channelId(), c.tenantPath(),
        c.platform(), c.targetId(), io.vertx.core.buffer.Buffer.buffer(c.sealed()), time(c.accessExpiresAt()), by}))
        .mapEmpty();
  }

  Future<Optional<Credential>> credential(SqlClient db, long channelId, boolean lock) {
    return db.preparedQuery(lock ? CREDENTIAL_LOCKED : CREDENTIAL).execute(Tuple.of(channelId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      OffsetDateTime exp = r.getOffsetDateTime(5);
      return Optional.of(new Credential(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
          r.getBuffer(4).getBytes(), exp == null ? null : exp.toInstant()));
    });
  }

  Future<Void> updateSealed(SqlClient tx, long channelId, byte[] sealed, Instant accessExpiresAt) {
    return tx.preparedQuery(UPDATE_SEALED).execute(Tuple.of(channelId, io.vertx.core.buffer.Buffer.buffer(sealed),
        time(accessExpiresAt))).mapEmpty();
  }

  private static List<AlertDelivery> all(RowSet<Row> rows) {
    List<AlertDelivery> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new AlertDelivery(r.getLong(0), r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
          r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getInteger(10),
          r.getString(11), r.getString(12), r.getString(13), r.getString(14), instant(r.getOffsetDateTime(15)),
          instant(r.getOffsetDateTime(16))));
    }
    return out;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime time(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
