package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.db.Page;

/** SQL for impostor cases and reports. Methods take a client so they work in or out of a transaction. */
final class CaseRepository {

  static final String COLUMNS = "id, tenant_id, tenant_path, normalized_link, platform, display_name, about,"
      + " status, verdict, score, reasons, imitated, report_count, first_reported_at, last_reported_at,"
      + " decided_at, decided_by_name, decision_note, confirmed_by_code, confirmed_by_name";
  static final String REPORT_COLUMNS = "id, case_id, link, display_name, about, area_code, note, verdict,"
      + " score, screenshot_type, screenshot_bytes, created_at";

  /** Upsert: a second report of the same channel joins the first one's case. */
  private static final String MERGE = """
      INSERT INTO impostor_case (tenant_id, tenant_path, merge_key, normalized_link, platform, display_name,
                                 about, verdict, score, reasons, imitated)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (merge_key) DO UPDATE
         SET report_count = impostor_case.report_count + 1, last_reported_at = now(),
             display_name = coalesce(impostor_case.display_name, EXCLUDED.display_name),
             about = coalesce(impostor_case.about, EXCLUDED.about)
      RETURNING (xmax = 0) AS created,\s""" + COLUMNS;
  private static final String INSERT_REPORT = """
      INSERT INTO impostor_report (case_id, tenant_path, link, display_name, about, area_code, note,
                                   verdict, score, upload_token_hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id""";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM impostor_case WHERE id = $1";
  private static final String QUEUE = """
      SELECT %s, count(*) OVER () AS total FROM impostor_case
       WHERE tenant_path = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY (status = 'open') DESC, last_reported_at DESC, id DESC LIMIT $3 OFFSET $4""".formatted(COLUMNS);
  private static final String REPORTS = "SELECT " + REPORT_COLUMNS
      + " FROM impostor_report WHERE case_id = $1 ORDER BY created_at, id LIMIT 200";
  private static final String DECIDE = """
      UPDATE impostor_case SET status = $2, decided_at = now(), decided_by = $3, decided_by_name = $4,
             decision_note = $5, confirmed_by_code = $6, confirmed_by_name = $7
       WHERE id = $1 AND status = 'open' RETURNING\s""" + COLUMNS;
  private static final String CONFIRMED = """
      SELECT %s, count(*) OVER () AS total FROM impostor_case
       WHERE status = 'confirmed' AND ($1::text IS NULL OR tenant_path = $1)
       ORDER BY decided_at DESC, id DESC LIMIT $2 OFFSET $3""".formatted(COLUMNS);
  private static final String FEED = """
      SELECT c.normalized_link, c.platform, c.display_name, t.code, t.name, c.decided_at,
             c.confirmed_by_code, c.confirmed_by_name, c.log_index
        FROM impostor_case c JOIN tenant t ON t.id = c.tenant_id
       WHERE c.status = 'confirmed'
       ORDER BY c.decided_at DESC, c.id DESC LIMIT $1""";
  private static final String SET_LOG_INDEX = "UPDATE impostor_case SET log_index = $2 WHERE id = $1";
  private static final String UNIT_FIGURES = """
      SELECT count(*) AS impostors, coalesce(sum(report_count), 0) AS reports FROM impostor_case
       WHERE status = 'confirmed' AND tenant_path = $1""";
  private static final String REPORT_FOR_UPLOAD = """
      SELECT r.id, r.upload_token_hash, r.screenshot_sha256 FROM impostor_report r WHERE r.id = $1""";
  private static final String SET_SCREENSHOT = """
      UPDATE impostor_report SET screenshot_sha256 = $2, screenshot_type = $3, screenshot_bytes = $4
       WHERE id = $1 AND screenshot_sha256 IS NULL""";
  private static final String SCREENSHOT = """
      SELECT screenshot_sha256, screenshot_type FROM impostor_report WHERE id = $1 AND case_id = $2""";

  /** The merged case, and whether this report created it. */
  record Merged(ImpostorCase kase, boolean created) {}

  /** What the upload step needs to know about a report. */
  record UploadTarget(long id, byte[] tokenHash, boolean hasScreenshot) {}

  Future<Merged> merge(SqlClient db, long tenantId, String tenantPath, String mergeKey, String normalizedLink,
      String platform, String name, String about, String verdict, double score, JsonArray reasons,
      JsonObject imitated) {
    return db.preparedQuery(MERGE)
        .execute(Tuple.from(new Object[] {tenantId, tenantPath, mergeKey, normalizedLink, platform, name, about,
            verdict, score, reasons, imitated}))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new Merged(map(r), r.getBoolean("created"));
        });
  }

  Future<Long> insertReport(SqlClient db, long caseId, String tenantPath, String link, String name,
      String about, String areaCode, String note, String verdict, double score, byte[] tokenHash) {
    return db.preparedQuery(INSERT_REPORT)
        .execute(Tuple.from(new Object[] {caseId, tenantPath, link, name, about, areaCode, note, verdict, score,
            io.vertx.core.buffer.Buffer.buffer(tokenHash)}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Optional<ImpostorCase>> findById(SqlClient db, long id) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(id)).map(CaseRepository::first);
  }

  Future<Page<ImpostorCase>> queue(SqlClient db, String tenantPath, String status, int limit, int offset) {
    return db.preparedQuery(QUEUE).execute(Tuple.of(tenantPath, status, limit, offset))
        .map(rows -> page(rows, limit, offset));
  }

  Future<List<ImpostorReport>> reports(SqlClient db, long caseId) {
    return db.preparedQuery(REPORTS).execute(Tuple.of(caseId)).map(rows -> {
      List<ImpostorReport> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new ImpostorReport(r.getLong("id"), r.getLong("case_id"), r.getString("link"),
            r.getString("display_name"), r.getString("about"), r.getString("area_code"), r.getString("note"),
            r.getString("verdict"), r.getDouble("score"), r.getString("screenshot_type"),
            r.getInteger("screenshot_bytes"), r.getOffsetDateTime("created_at")));
      }
      return out;
    });
  }

  Future<Optional<ImpostorCase>> decide(SqlClient db, long id, String status, long userId, String userName,
      String note, String confirmedByCode, String confirmedByName) {
    return db.preparedQuery(DECIDE)
        .execute(Tuple.from(new Object[] {id, status, userId, userName, note, confirmedByCode, confirmedByName}))
        .map(CaseRepository::first);
  }

  /** Confirmed impostors, nationally ({@code tenantPath} null) or of one unit. Needs no scope. */
  /** Every confirmed impostor, newest first (at most {@code limit}), for the public feed. */
  Future<List<FeedEntry>> feed(SqlClient db, int limit) {
    return db.preparedQuery(FEED).execute(Tuple.of(limit)).map(rows -> {
      List<FeedEntry> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new FeedEntry(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getOffsetDateTime(5), r.getString(6), r.getString(7), r.getLong(8)));
      }
      return out;
    });
  }

  Future<Void> setLogIndex(SqlClient tx, long caseId, long logIndex) {
    return tx.preparedQuery(SET_LOG_INDEX).execute(Tuple.of(caseId, logIndex)).mapEmpty();
  }

  Future<Page<ImpostorCase>> confirmed(SqlClient db, String tenantPath, int limit, int offset) {
    return db.preparedQuery(CONFIRMED).execute(Tuple.of(tenantPath, limit, offset))
        .map(rows -> page(rows, limit, offset));
  }

  /** How often a unit has been imitated: confirmed impostors and the reports behind them. */
  Future<long[]> unitFigures(SqlClient db, String tenantPath) {
    return db.preparedQuery(UNIT_FIGURES).execute(Tuple.of(tenantPath)).map(rows -> {
      Row r = rows.iterator().next();
      return new long[] {r.getLong("impostors"), r.getLong("reports")};
    });
  }

  Future<Optional<UploadTarget>> uploadTarget(SqlClient db, long reportId) {
    return db.preparedQuery(REPORT_FOR_UPLOAD).execute(Tuple.of(reportId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return Optional.of(new UploadTarget(r.getLong("id"), r.getBuffer("upload_token_hash").getBytes(),
          r.getString("screenshot_sha256") != null));
    });
  }

  Future<Boolean> setScreenshot(SqlClient db, long reportId, String sha256, String type, int bytes) {
    return db.preparedQuery(SET_SCREENSHOT).execute(Tuple.of(reportId, sha256, type, bytes))
        .map(rows -> rows.rowCount() == 1);
  }

  /** The stored screenshot's hash and type, if the report belongs to the case and has one. */
  Future<Optional<String[]>> screenshot(SqlClient db, long caseId, long reportId) {
    return db.preparedQuery(SCREENSHOT).execute(Tuple.of(reportId, caseId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row r = it.next();
      return r.getString("screenshot_sha256") == null ? Optional.empty()
          : Optional.of(new String[] {r.getString("screenshot_sha256"), r.getString("screenshot_type")});
    });
  }

  private static Page<ImpostorCase> page(RowSet<Row> rows, int limit, int offset) {
    List<ImpostorCase> items = new ArrayList<>();
    long total = 0;
    for (Row r : rows) {
      items.add(map(r));
      total = r.getLong("total");
    }
    return new Page<>(items, total, limit, offset);
  }

  private static Optional<ImpostorCase> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
  }

  static ImpostorCase map(Row r) {
    Object reasons = r.getValue("reasons");
    Object imitated = r.getValue("imitated");
    return new ImpostorCase(r.getLong("id"), r.getLong("tenant_id"), r.getString("tenant_path"),
        r.getString("normalized_link"), r.getString("platform"), r.getString("display_name"), r.getString("about"),
        r.getString("status"), r.getString("verdict"), r.getDouble("score"),
        reasons instanceof JsonArray a ? a : new JsonArray(),
        imitated instanceof JsonObject o ? o : null, r.getInteger("report_count"),
        r.getOffsetDateTime("first_reported_at"), r.getOffsetDateTime("last_reported_at"),
        r.getOffsetDateTime("decided_at"), r.getString("decided_by_name"), r.getString("decision_note"),
        r.getString("confirmed_by_code"), r.getString("confirmed_by_name"));
  }
}
