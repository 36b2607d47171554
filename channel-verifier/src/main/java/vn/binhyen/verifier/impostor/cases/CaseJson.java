package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.text.Csv;
import vn.binhyen.verifier.impostor.web.CheckJson;

/** JSON of cases, reports and the published list, at the HTTP edge. */
final class CaseJson {

  private CaseJson() {}

  static JsonObject receipt(ReportService.Receipt r) {
    return new JsonObject()
        .put("reportId", r.reportId())
        .put("caseId", r.caseId())
        .put("merged", r.merged())
        .put("uploadToken", r.uploadToken())
        .put("unit", unit(r.unit().code(), r.unit().name()))
        .put("check", CheckJson.answer(r.check()));
  }

  static JsonObject kase(ImpostorCase c) {
    return new JsonObject()
        .put("id", c.id())
        .put("unit", new JsonObject().put("code", c.unitCode()).put("path", c.tenantPath()))
        .put("normalizedLink", c.normalizedLink())
        .put("url", url(c))
        .put("platform", c.platform())
        .put("displayName", c.displayName())
        .put("about", c.about())
        .put("status", c.status())
        .put("verdict", c.verdict())
        .put("score", c.score())
        .put("reasons", c.reasons())
        .put("imitated", c.imitated())
        .put("reportCount", c.reportCount())
        .put("firstReportedAt", text(c.firstReportedAt()))
        .put("lastReportedAt", text(c.lastReportedAt()))
        .put("decidedAt", text(c.decidedAt()))
        .put("decidedBy", c.decidedByName())
        .put("decisionNote", c.decisionNote())
        .put("confirmedBy", c.confirmedByCode() == null ? null : unit(c.confirmedByCode(), c.confirmedByName()));
  }

  static JsonObject detail(CaseService.CaseDetail d) {
    JsonArray reports = new JsonArray();
    for (ImpostorReport r : d.reports()) {
      reports.add(new JsonObject()
          .put("id", r.id())
          .put("link", r.link())
          .put("displayName", r.displayName())
          .put("about", r.about())
          .put("areaCode", r.areaCode())
          .put("note", r.note())
          .put("verdict", r.verdict())
          .put("score", r.score())
          .put("createdAt", text(r.createdAt()))
          .put("screenshot", r.hasScreenshot() ? new JsonObject().put("type", r.screenshotType())
              .put("bytes", r.screenshotBytes())
              .put("href", "/api/impostor/cases/" + d.kase().id() + "/reports/" + r.id() + "/screenshot") : null));
    }
    return kase(d.kase()).put("reports", reports);
  }

  /** A published impostor: no decision note, no reports. */
  static JsonObject published(ImpostorCase c) {
    return new JsonObject()
        .put("normalizedLink", c.normalizedLink())
        .put("url", url(c))
        .put("displayName", c.displayName())
        .put("platform", c.platform())
        .put("unit", new JsonObject().put("code", c.unitCode()))
        .put("imitated", c.imitated())
        .put("confirmedAt", text(c.decidedAt()))
        .put("confirmedBy", unit(c.confirmedByCode(), c.confirmedByName()));
  }

  /** One feed entry (the public machine-readable list). */
  static JsonObject feed(FeedEntry e) {
    return new JsonObject()
        .put("link", e.link())
        .put("platform", e.platform())
        .put("name", e.name())
        .put("imitates", unit(e.imitatedCode(), e.imitatedName()))
        .put("confirmedAt", text(e.confirmedAt()))
        .put("confirmedBy", unit(e.confirmedByCode(), e.confirmedByName()))
        .put("logIndex", e.logIndex());
  }

  /** The feed as RFC 4180 CSV, one header line, CRLF line ends. */
  static String feedCsv(java.util.List<FeedEntry> entries) {
    StringBuilder b = new StringBuilder(
        "link,platform,name,imitated_unit_code,imitated_unit_name,confirmed_at,confirmed_by_code,log_index\r\n");
    for (FeedEntry e : entries) {
      b.append(Csv.cell(e.link())).append(',').append(Csv.cell(e.platform())).append(',')
          .append(Csv.cell(e.name())).append(',').append(Csv.cell(e.imitatedCode())).append(',')
          .append(Csv.cell(e.imitatedName())).append(',').append(Csv.cell(text(e.confirmedAt()))).append(',')
          .append(Csv.cell(e.confirmedByCode())).append(',')
          .append(e.logIndex() == null ? "" : e.logIndex().toString()).append("\r\n");
    }
    return b.toString();
  }

  static JsonObject unit(String code, String name) {
    return new JsonObject().put("code", code).put("name", name);
  }

  static JsonObject unit(Tenant t) {
    return unit(t.code(), t.name());
  }

  private static String url(ImpostorCase c) {
    if (c.normalizedLink() == null) {
      return null;
    }
    Platform p = c.platform() == null ? Platform.WEBSITE : Platform.byId(c.platform()).orElse(Platform.WEBSITE);
    return ChannelLinks.url(new ChannelRef(p, c.normalizedLink()));
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toString();
  }
}
