package vn.binhyen.core.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tips.attachments.Upload;
import vn.binhyen.core.tips.rollup.RollupQuery;
import vn.binhyen.core.tips.rollup.RollupService;

/** HTTP handlers of the tips contract (docs/openapi/tips.yaml) and the multipart intake. */
final class TipRoutes {

  private final TipService tips;
  private final CaseService cases;
  private final RollupService rollups;
  private final TipSettings settings;

  TipRoutes(TipService tips, CaseService cases, RollupService rollups, TipSettings settings) {
    this.tips = tips;
    this.cases = cases;
    this.rollups = rollups;
    this.settings = settings;
  }

  void mount(Api api, Path uploadDir, long uploadLimit) {
    api.operation("listTipCategories", ctx -> Json.ok(ctx, new JsonObject().put("items",
        Json.array(tips.categories(), TipJson::category))));
    api.operation("submitTip", this::submitJson);
    api.operation("followTip", ctx -> tips.follow(client(ctx), ctx.pathParam("receipt"), secret(ctx))
        .onSuccess(f -> Json.ok(ctx, TipJson.followUp(f))).onFailure(ctx::fail));
    api.operation("postTipMessage", ctx -> tips.citizenMessage(client(ctx), ctx.pathParam("receipt"), secret(ctx),
            Json.body(ctx).getString("text"))
        .onSuccess(x -> Json.created(ctx, new JsonObject().put("ok", true))).onFailure(ctx::fail));
    api.operation("listUnitTips", this::inbox);
    api.operation("createOfficerTip", this::officerTip);
    api.operation("listUnitOfficers", ctx -> cases.officers(Requests.principal(ctx), Requests.tenant(ctx))
        .onSuccess(list -> Json.ok(ctx, new JsonObject().put("items", new JsonArray(list.stream()
            .map(u -> new JsonObject().put("username", u.username()).put("displayName", u.displayName()))
            .toList()))))
        .onFailure(ctx::fail));
    api.operation("getTip", ctx -> cases.get(Requests.principal(ctx), id(ctx))
        .onSuccess(d -> Json.ok(ctx, TipJson.detail(d))).onFailure(ctx::fail));
    api.operation("transitionTip", this::transition);
    api.operation("replyTip", ctx -> cases.reply(Requests.principal(ctx), id(ctx), Json.body(ctx).getString("text"))
        .onSuccess(x -> Json.created(ctx, new JsonObject().put("ok", true))).onFailure(ctx::fail));
    api.operation("revealTipIdentity", ctx -> cases.reveal(Requests.principal(ctx), id(ctx),
            new RevealReason(Json.body(ctx).getString("reason")), Requests.requestId(ctx))
        .onSuccess(i -> Json.ok(ctx, new JsonObject().put("contact", i.contact()).put("account", i.account())))
        .onFailure(ctx::fail));
    api.operation("getTipAttachment", ctx -> cases.attachment(Requests.principal(ctx), id(ctx),
            Long.parseLong(ctx.pathParam("attachmentId")))
        .onSuccess(a -> ctx.response().putHeader("Content-Type", a.mediaType())
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("Content-Disposition", "attachment")
            .putHeader("Cache-Control", "private, no-store")
            .end(a.bytes()))
        .onFailure(ctx::fail));
    api.operation("getUnitRollup", this::rollup);
    api.operation("getUnitSlaBreaches", this::breaches);
    api.operation("getUnitConversationFigures", ctx -> rollups.conversations(Requests.tenant(ctx),
            RollupService.query(date(ctx, "from"), date(ctx, "to"), "total", false, LocalDate.now(settings.zone())))
        .onSuccess(f -> Json.ok(ctx, TipJson.conversations(f))).onFailure(ctx::fail));
    // Multipart intake: in front of the contract's JSON validation, with the upload body limit.
    api.routes(router -> router.post("/api/public/tips").order(-1000).consumes("multipart/form-data")
        .handler(BodyHandler.create(uploadDir.toString()).setBodyLimit(uploadLimit)
            .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true))
        .handler(this::submitMultipart));
    // An officer's reply with a photo: multipart, in front of the contract's JSON validation; the
    // caller is authenticated here (CSRF included) and the tip's scope checked by the service.
    // A regular expression without groups: a route with path parameters reads the query string while
    // matching, and a malformed escape there (?q=%) would fail before the contract's 400.
    api.routes(router -> router.postWithRegex("/api/tips/[^/]+/replies").order(-1000).consumes("multipart/form-data")
        .handler(BodyHandler.create(uploadDir.toString()).setBodyLimit(uploadLimit)
            .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true))
        .handler(ctx -> replyMultipart(api, ctx)));
  }

  private void replyMultipart(Api api, RoutingContext ctx) {
    api.authenticator().authenticate(ctx).compose(p -> {
      String[] segments = ctx.request().path().split("/");
      String idText = segments.length == 5 ? segments[3] : null;
      if (idText == null || !idText.matches("[0-9]{1,18}")) {
        throw new DomainError.Invalid("bad-parameter", "id: số / a number");
      }
      String text = ctx.request().formAttributes().get("text");
      if (text == null || text.isBlank() || text.length() > 4000) {
        throw new DomainError.Invalid("reply-text", "Cần lời trả lời, tối đa 4000 ký tự / a reply of 1 to 4000 characters is required");
      }
      var files = ctx.fileUploads();
      if (files.size() > 1 || files.stream().anyMatch(f -> !"image".equals(f.name()))) {
        throw new DomainError.Invalid("reply-image-count",
            "Tối đa một ảnh, trường image / at most one photo, in the field image");
      }
      Upload image = files.isEmpty() ? null : new Upload(files.get(0).fileName(),
          Path.of(files.get(0).uploadedFileName()), files.get(0).size());
      return cases.reply(p, Long.parseLong(idText), text, image);
    }).onSuccess(x -> Json.created(ctx, new JsonObject().put("ok", true))).onFailure(ctx::fail);
  }

  private void submitJson(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    NewTip tip = new NewTip(b.getString("unit"), b.getString("category"), b.getString("text"), b.getString("place"),
        b.getString("occurred"), b.getString("contact"), null, "web", null, List.of(), List.of());
    tips.submitPublic(client(ctx), tip)
        .onSuccess(r -> Json.created(ctx, TipJson.receipt(r))).onFailure(ctx::fail);
  }

  private void submitMultipart(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    String unit = form.get("unit");
    if (unit == null || !unit.matches("[A-Z0-9]{2,10}")) {
      ctx.fail(new DomainError.Invalid("tip-unit", "Cần mã đơn vị / a unit code is required"));
      return;
    }
    for (String field : List.of("category", "place", "occurred", "contact")) {
      String v = form.get(field);
      if (v != null && v.length() > 500) {
        ctx.fail(new DomainError.Invalid("tip-field-too-long", field + ": tối đa 500 ký tự / at most 500 characters"));
        return;
      }
    }
    String text = form.get("text");
    if (text != null && text.length() > NewTip.MAX_TEXT) {
      ctx.fail(new DomainError.Invalid("tip-text-too-long", "Tối đa 8000 ký tự / at most 8000 characters"));
      return;
    }
    List<Upload> uploads = new ArrayList<>();
    ctx.fileUploads().forEach(f -> uploads.add(new Upload(f.fileName(), Path.of(f.uploadedFileName()), f.size())));
    NewTip tip;
    try {
      tip = new NewTip(unit, form.get("category"), text, form.get("place"), form.get("occurred"),
          form.get("contact"), null, "web", null, uploads, List.of());
    } catch (DomainError e) {
      ctx.fail(e);
      return;
    }
    tips.submitPublic(client(ctx), tip)
        .onSuccess(r -> Json.created(ctx, TipJson.receipt(r))).onFailure(ctx::fail);
  }

  private void officerTip(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    var unit = Requests.tenant(ctx);
    NewTip tip = new NewTip(unit.code(), b.getString("category"), b.getString("text"), b.getString("place"),
        b.getString("occurred"), b.getString("contact"), null, "officer", null, List.of(), List.of());
    tips.submitByOfficer(Requests.principal(ctx), unit, tip)
        .onSuccess(r -> Json.created(ctx, TipJson.receipt(r).put("channel", b.getString("channel"))))
        .onFailure(ctx::fail);
  }

  private void inbox(RoutingContext ctx) {
    var unit = Requests.tenant(ctx);
    var req = ctx.request();
    String breached = req.getParam("breached");
    String assigned = req.getParam("assigned");
    InboxQuery q = new InboxQuery(unit.path(), "true".equals(req.getParam("subtree")), req.getParam("status"),
        req.getParam("category"), req.getParam("q"), breached == null ? null : Boolean.valueOf(breached),
        req.getParam("sort"), Requests.intParam(ctx, "limit", 50, 1, 500),
        Requests.intParam(ctx, "offset", 0, 0, 1_000_000),
        "me".equals(assigned) ? Requests.principal(ctx).username() : null, "none".equals(assigned));
    cases.inbox(Requests.principal(ctx), q)
        .onSuccess(page -> Json.ok(ctx, Json.page(page, TipJson::tip))).onFailure(ctx::fail);
  }

  private void transition(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    Transition t = new Transition(b.getString("action"), b.getString("note"), b.getString("assignee"),
        b.getString("reason"), b.getString("toUnit"));
    cases.transition(Requests.principal(ctx), id(ctx), t)
        .onSuccess(d -> Json.ok(ctx, TipJson.detail(d))).onFailure(ctx::fail);
  }

  private void rollup(RoutingContext ctx) {
    var req = ctx.request();
    RollupQuery q = RollupService.query(date(ctx, "from"), date(ctx, "to"), req.getParam("groupBy"),
        "true".equals(req.getParam("own")), LocalDate.now(settings.zone()));
    rollups.rollup(Requests.tenant(ctx), q).onSuccess(r -> {
      if ("csv".equals(req.getParam("format"))) {
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"rollup-" + r.unitCode() + ".csv\"")
            .putHeader("Cache-Control", "no-store")
            .end(TipJson.csv(r));
      } else {
        Json.ok(ctx, TipJson.rollup(r));
      }
    }).onFailure(ctx::fail);
  }

  private void breaches(RoutingContext ctx) {
    var unit = Requests.tenant(ctx);
    RollupQuery q = RollupService.query(date(ctx, "from"), date(ctx, "to"), "child", false,
        LocalDate.now(settings.zone()));
    InboxQuery open = new InboxQuery(unit.path(), true, "open", null, null, true, "due",
        Requests.intParam(ctx, "limit", 50, 1, 500), 0);
    rollups.rollup(unit, q)
        .compose(r -> cases.inbox(Requests.principal(ctx), open).map(page -> new JsonObject()
            .put("unit", unit.code()).put("from", q.from().toString()).put("to", q.to().toString())
            .put("breaches", r.breaches())
            .put("byChild", new JsonArray(r.groups().stream().map(g -> new JsonObject().put("key", g.key())
                .put("label", g.label()).put("breaches", g.breaches()).put("count", g.count())).toList()))
            .put("open", Json.array(page.items(), TipJson::tip)).put("openTotal", page.total())))
        .onSuccess(o -> Json.ok(ctx, o)).onFailure(ctx::fail);
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    try {
      return v == null || v.isBlank() ? null : LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new DomainError.Invalid("bad-parameter", name + ": YYYY-MM-DD");
    }
  }

  private static long id(RoutingContext ctx) {
    return Long.parseLong(ctx.pathParam("id"));
  }

  private static String secret(RoutingContext ctx) {
    return ctx.request().getHeader("X-Tip-Secret");
  }

  static String client(RoutingContext ctx) {
    return Requests.clientAddress(ctx);
  }
}
