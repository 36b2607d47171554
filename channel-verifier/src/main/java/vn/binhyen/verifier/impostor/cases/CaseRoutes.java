package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;

/** HTTP handlers of reports, cases and the published list: request → one service call → answer. */
public final class CaseRoutes {

  /** The feed holds at most this many confirmed impostors (newest first). */
  static final int FEED_LIMIT = 50_000;

  private final ReportService reports;
  private final CaseService cases;

  public CaseRoutes(ReportService reports, CaseService cases) {
    this.reports = reports;
    this.cases = cases;
  }

  public void mount(Api api) {
    api.operation("impostorReport", this::report)
        .operation("impostorPublicList", this::publicList)
        .operation("impostorFeedJson", this::feedJson)
        .operation("impostorUnitList", this::unitList)
        .operation("impostorCaseQueue", this::queue)
        .operation("impostorCaseGet", this::get)
        .operation("impostorCaseDecide", this::decide)
        .routes(router -> {
          // Multipart uploads and image answers stay outside the JSON contract.
          router.post("/api/public/reports/:reportId/screenshot").handler(this::upload);
          // The contract library has no text/csv responses.
          router.get("/api/public/impostors/feed.csv").handler(this::feedCsv);
          router.get("/api/impostor/cases/:caseId/reports/:reportId/screenshot")
              .handler(api.authenticator()::handle).handler(this::screenshot);
        });
  }

  private void report(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    reports.report(new ReportService.ReportInput(b.getString("link"), b.getString("name"), b.getString("about"),
            b.getString("areaCode"), b.getString("note")), address(ctx))
        .onSuccess(r -> Json.created(ctx, CaseJson.receipt(r)))
        .onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    long reportId = id(ctx, "reportId");
    if (ctx.fileUploads().size() != 1) {
      throw new DomainError.Invalid("one-screenshot", "Gửi đúng một ảnh trong trường file / send exactly one image in the field file");
    }
    FileUpload file = ctx.fileUploads().get(0);
    reports.attachScreenshot(reportId, ctx.request().getFormAttribute("token"), file.uploadedFileName(),
            file.size(), address(ctx))
        .onSuccess(s -> Json.created(ctx, new JsonObject().put("type", s.type()).put("bytes", s.bytes())))
        .onFailure(ctx::fail);
  }

  private void queue(RoutingContext ctx) {
    cases.queue(Requests.tenant(ctx), ctx.request().getParam("status"),
            Requests.intParam(ctx, "limit", 50, 1, 500), Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(page -> Json.ok(ctx, Json.page(page, CaseJson::kase)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    cases.get(Requests.principal(ctx), id(ctx, "caseId"))
        .onSuccess(d -> Json.ok(ctx, CaseJson.detail(d)))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    cases.decide(Requests.principal(ctx), id(ctx, "caseId"), "confirm".equals(b.getString("decision")),
            b.getString("note"), Requests.requestId(ctx))
        .onSuccess(c -> Json.ok(ctx, CaseJson.kase(c)))
        .onFailure(ctx::fail);
  }

  private void screenshot(RoutingContext ctx) {
    cases.screenshot(Requests.principal(ctx), id(ctx, "caseId"), id(ctx, "reportId"))
        .onSuccess(s -> ctx.response().putHeader("Content-Type", s.type())
            .putHeader("Cache-Control", "private, no-store")
            .putHeader("Content-Disposition", "inline")
            .sendFile(s.file().toString()))
        .onFailure(ctx::fail);
  }

  private void publicList(RoutingContext ctx) {
    cases.published(Requests.intParam(ctx, "limit", 50, 1, 500), Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(page -> Json.ok(ctx, Json.page(page, CaseJson::published)))
        .onFailure(ctx::fail);
  }

  private void feedJson(RoutingContext ctx) {
    cases.feed(FEED_LIMIT).onSuccess(items -> {
      JsonArray out = new JsonArray();
      items.forEach(e -> out.add(CaseJson.feed(e)));
      feedHeaders(ctx);
      Json.ok(ctx, new JsonObject().put("generatedAt", java.time.Instant.now().toString())
          .put("count", items.size()).put("logOrigin", vn.binhyen.verifier.translog.TransparencyLog.ORIGIN)
          .put("items", out));
    }).onFailure(ctx::fail);
  }

  private void feedCsv(RoutingContext ctx) {
    cases.feed(FEED_LIMIT).onSuccess(items -> {
      feedHeaders(ctx);
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "inline; filename=\"binhyen-impostors.csv\"")
          .end(CaseJson.feedCsv(items));
    }).onFailure(ctx::fail);
  }

  private static void feedHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "public, max-age=300").putHeader("Access-Control-Allow-Origin", "*");
  }

  private void unitList(RoutingContext ctx) {
    cases.publishedForUnit(ctx.pathParam("code"), Requests.intParam(ctx, "limit", 50, 1, 500),
            Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(u -> Json.ok(ctx, Json.page(u.impostors(), CaseJson::published)
            .put("unit", CaseJson.unit(u.unit()))
            .put("figures", new JsonObject().put("imitatedConfirmed", u.confirmed()).put("reports", u.reports()))))
        .onFailure(ctx::fail);
  }

  /** The caller's address, the key of public rate limits (behind a trusted proxy, the forwarded one). */
  public static String address(RoutingContext ctx) {
    return Requests.clientAddress(ctx);
  }

  private static long id(RoutingContext ctx, String name) {
    try {
      long v = Long.parseLong(ctx.pathParam(name));
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException | NullPointerException e) {
      throw new DomainError.Invalid("bad-parameter", name + " phải là số dương / " + name + " must be a positive number");
    }
  }
}
