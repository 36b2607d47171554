package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * One suspected impostor channel, as a unit's case: what was reported (merged across reports of
 * the same link), how it scored at the first report, the official channel it imitates, and the
 * unit's decision. {@code reasons} and {@code imitated} are kept as scored (JSON from the database).
 */
public record ImpostorCase(long id, long tenantId, String tenantPath, String normalizedLink, String platform,
    String displayName, String about, String status, String verdict, double score, JsonArray reasons,
    JsonObject imitated, int reportCount, OffsetDateTime firstReportedAt, OffsetDateTime lastReportedAt,
    OffsetDateTime decidedAt, String decidedByName, String decisionNote, String confirmedByCode,
    String confirmedByName) {

  public static final String OPEN = "open";
  public static final String CONFIRMED = "confirmed";
  public static final String DISMISSED = "dismissed";

  /** The unit code is the last segment of the tenant path. */
  public String unitCode() {
    return tenantPath.substring(tenantPath.lastIndexOf('/') + 1);
  }
}
