package vn.binhyen.verifier.impostor.cases;

import java.time.OffsetDateTime;

/** One citizen's report, as the case's officers see it (no reporter identity is ever stored). */
public record ImpostorReport(long id, long caseId, String link, String displayName, String about,
    String areaCode, String note, String verdict, double score, String screenshotType,
    Integer screenshotBytes, OffsetDateTime createdAt) {

  public boolean hasScreenshot() {
    return screenshotType != null;
  }
}
