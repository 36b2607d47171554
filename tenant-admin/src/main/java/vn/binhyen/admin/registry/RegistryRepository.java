package vn.binhyen.admin.registry;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.error.DomainError;

/** SQL for verification requests, channel figures and coverage; every table under row-level security. */
final class RegistryRepository {

  /** A verification request with the channel it is about. */
  record Request(long id, long channelId, String tenantPath, long requestedBy, OffsetDateTime requestedAt,
      String state, Long decidedBy, String reason, String channelName, String platform, String normalizedId) {}

  /** Summed figures and coverage of a subtree. */
  record Rollup(long channels, long verifiedChannels, long followers, long posts, long questionsAnswered,
      long wards, long wardsCovered) {
    double coverage() {
      return wards == 0 ? 0 : (double) wardsCovered / wards;
    }
  }

  record Figures(long followers, long posts, long questionsAnswered) {
    Figures {
      if (followers < 0 || posts < 0 || questionsAnswered < 0) {
        throw new DomainError.Invalid("bad-figures", "Số liệu không được âm / figures cannot be negative");
      }
    }
  }

  private static final String REQ_COLUMNS = """
      r.id, r.channel_id, r.tenant_path, r.requested_by, r.requested_at, r.state, r.decided_by, r.reason,
      c.display_name, c.platform, c.normalized_id""";
  private static final String INSERT_REQUEST = """
      INSERT INTO channel_verification_request (channel_id, tenant_path, requested_by)
      VALUES ($1, $2, $3) RETURNING id""";
  private static final String OPEN_FOR_CHANNEL = "SELECT " + REQ_COLUMNS + """
       FROM channel_verification_request r JOIN channel c ON c.id = r.channel_id
      WHERE r.channel_id = $1 AND r.state = 'requested'""";
  private static final String QUEUE = "SELECT " + REQ_COLUMNS + """
       FROM channel_verification_request r JOIN channel c ON c.id = r.channel_id
      WHERE r.state = 'requested' AND (r.tenant_path = $1 OR r.tenant_path LIKE $1 || '/%')
      ORDER BY r.requested_at LIMIT $2 OFFSET $3""";
  private static final String DECIDE = """
      UPDATE channel_verification_request SET state = $2, decided_by = $3, decided_at = now(), reason = $4
       WHERE id = $1 AND state = 'requested'""";
  private static final String UPSERT_FIGURES = """
      INSERT INTO channel_figure (channel_id, tenant_path, followers, posts, questions_answered)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (channel_id) DO UPDATE SET tenant_path = excluded.tenant_path,
        followers = excluded.followers, posts = excluded.posts,
        questions_answered = excluded.questions_answered, updated_at = now()""";
  private static final String FIGURES_OF = """
      SELECT followers, posts, questions_answered FROM channel_figure WHERE channel_id = $1""";
  // Channels and figures of a subtree: prefix conditions on channel_tenant_path / channel_figure_scope.
  // Coverage: wards (communes) below the unit with at least one verified, non-archived channel.
  private static final String ROLLUP = """
      SELECT
        (SELECT count(*) FROM channel c WHERE NOT c.archived AND (c.tenant_path = $1 OR c.tenant_path LIKE $1 || '/%')),
        (SELECT count(*) FROM channel c WHERE NOT c.archived AND c.status = 'verified'
            AND (c.tenant_path = $1 OR c.tenant_path LIKE $1 || '/%')),
        (SELECT coalesce(sum(f.followers), 0) FROM channel_figure f JOIN channel c ON c.id = f.channel_id
            WHERE NOT c.archived AND (f.tenant_path = $1 OR f.tenant_path LIKE $1 || '/%')),
        (SELECT coalesce(sum(f.posts), 0) FROM channel_figure f JOIN channel c ON c.id = f.channel_id
            WHERE NOT c.archived AND (f.tenant_path = $1 OR f.tenant_path LIKE $1 || '/%')),
        (SELECT coalesce(sum(f.questions_answered), 0) FROM channel_figure f JOIN channel c ON c.id = f.channel_id
            WHERE NOT c.archived AND (f.tenant_path = $1 OR f.tenant_path LIKE $1 || '/%')),
        (SELECT count(*) FROM tenant t WHERE t.valid_to IS NULL AND t.level = 'commune'
            AND (t.path = $1 OR t.path LIKE $1 || '/%')),
        (SELECT count(*) FROM tenant t WHERE t.valid_to IS NULL AND t.level = 'commune'
            AND (t.path = $1 OR t.path LIKE $1 || '/%')
            AND EXISTS (SELECT 1 FROM channel c WHERE c.tenant_id = t.id AND c.status = 'verified' AND NOT c.archived))""";

  Future<Long> insertRequest(SqlClient db, long channelId, String tenantPath, long requestedBy) {
    return db.preparedQuery(INSERT_REQUEST).execute(Tuple.of(channelId, tenantPath, requestedBy))
        .map(rows -> rows.iterator().next().getLong(0))
        .recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.failedFuture(new DomainError.Conflict("verification-already-requested",
                "Đã có yêu cầu xác minh đang chờ / a verification request is already waiting"))
            : Future.failedFuture(e));
  }

  Future<Optional<Request>> openRequest(SqlClient db, long channelId) {
    return db.preparedQuery(OPEN_FOR_CHANNEL).execute(Tuple.of(channelId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  Future<List<Request>> queue(SqlClient db, String path, int limit, int offset) {
    return db.preparedQuery(QUEUE).execute(Tuple.of(path, limit, offset)).map(rows -> {
      List<Request> out = new ArrayList<>();
      rows.forEach(r -> out.add(map(r)));
      return out;
    });
  }

  Future<Void> decide(SqlClient db, long requestId, String state, long decidedBy, String reason) {
    return db.preparedQuery(DECIDE).execute(Tuple.of(requestId, state, decidedBy, reason)).mapEmpty();
  }

  Future<Void> upsertFigures(SqlClient db, long channelId, String tenantPath, Figures f) {
    return db.preparedQuery(UPSERT_FIGURES)
        .execute(Tuple.of(channelId, tenantPath, f.followers(), f.posts(), f.questionsAnswered())).mapEmpty();
  }

  Future<Figures> figures(SqlClient db, long channelId) {
    return db.preparedQuery(FIGURES_OF).execute(Tuple.of(channelId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return new Figures(0, 0, 0);
      }
      Row r = it.next();
      return new Figures(r.getLong(0), r.getLong(1), r.getLong(2));
    });
  }

  Future<Rollup> rollup(SqlClient db, String path) {
    return db.preparedQuery(ROLLUP).execute(Tuple.of(path)).map(rows -> {
      Row r = rows.iterator().next();
      return new Rollup(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
          r.getLong(5), r.getLong(6));
    });
  }

  private static Request map(Row r) {
    return new Request(r.getLong("id"), r.getLong("channel_id"), r.getString("tenant_path"),
        r.getLong("requested_by"), r.getOffsetDateTime("requested_at"), r.getString("state"),
        r.getLong("decided_by"), r.getString("reason"), r.getString("display_name"), r.getString("platform"),
        r.getString("normalized_id"));
  }
}
