package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.HtmlPages;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.core.tips.attachments.Upload;
import vn.binhyen.verifier.qr.QrCodes;

/**
 * HTTP of alerts: issue, cancel and list (in the contract), and outside it the CAP document, the
 * Atom feed (the contract library has JSON and text responses only), the citizen page, the
 * multipart image upload and the public images.
 */
public final class AlertRoutes {

  private final AlertService alerts;
  private final TenantDirectory units;
  private final String publicUrl;
  private Api api;

  public AlertRoutes(AlertService alerts, TenantDirectory units, String publicUrl) {
    this.alerts = alerts;
    this.units = units;
    this.publicUrl = publicUrl;
  }

  public void mount(Api api) {
    this.api = api;
    api.operation("issueAlert", this::issue)
        .operation("cancelAlert", this::cancel)
        .operation("listUnitAlerts", this::list)
        .routes(this::plainRoutes);
  }

  private void plainRoutes(Router router) {
    router.getWithRegex("/api/public/alerts/([A-Za-z0-9_-]{11})\\.cap").handler(this::cap);
    router.getWithRegex("/api/public/units/([A-Za-z0-9]{1,16})/alerts\\.atom").handler(this::atom);
    router.getWithRegex("/api/public/alerts/([A-Za-z0-9_-]{11})/qr\\.svg").handler(this::qr);
    router.getWithRegex("/api/public/alerts/([A-Za-z0-9_-]{11})/images/([1-9])").handler(this::image);
    // The upload is multipart, outside the contract's JSON validation: the caller is authenticated
    // here (CSRF included) and the right to issue for the unit checked by the service. A regular
    // expression without groups, as for tips' replies (a route with path parameters reads the query
    // string while matching).
    var config = api.services().config();
    router.postWithRegex("/api/units/[^/]+/alert-images").order(-1000)
        .handler(io.vertx.ext.web.handler.BodyHandler.create(config.dataDir().resolve("uploads-tmp").toString())
            .setBodyLimit(config.uploadLimitBytes()).setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true))
        .handler(this::upload);
    HtmlPages.page(router, "/alerts/:id", "web/verifier/alert.html");
    // The staff console of alerts (it signs in through /api/auth/me like every staff page).
    HtmlPages.page(router, "/staff/alerts", "web/alerts/console.html");
  }

  private void issue(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    alerts.issue(Requests.principal(ctx), Requests.tenant(ctx), input(b))
        .onSuccess(a -> Json.created(ctx, AlertJson.issued(a, publicUrl)))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    alerts.cancel(Requests.principal(ctx), Requests.tenant(ctx), ctx.pathParam("id"), Json.body(ctx).getString("reason"))
        .onSuccess(a -> Json.ok(ctx, AlertJson.staff(a)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    var unit = Requests.tenant(ctx);
    alerts.forStaff(unit, Requests.intParam(ctx, "limit", 50, 1, AlertService.MAX_LIST))
        .compose(list -> alerts.deliveries().summaries(unit, list.stream().map(Alert::id).toList())
            .map(counts -> Json.array(list, a -> AlertJson.staff(a)
                .put("received", !a.tenantPath().equals(unit.path()))
                .put("deliveries", new JsonObject(new LinkedHashMap<>(counts.getOrDefault(a.id(), Map.of())))))))
        .onSuccess(items -> Json.ok(ctx, new JsonObject().put("unit", Json.unit(unit)).put("items", items)))
        .onFailure(ctx::fail);
  }

  private void cap(RoutingContext ctx) {
    alerts.byId(ctx.pathParam("param0"))
        .compose(a -> a.replaces() == null ? Future.succeededFuture(CapDocument.of(a, null, publicUrl))
            : alerts.byId(a.replaces()).map(old -> CapDocument.of(a, old, publicUrl)))
        .onSuccess(xml -> publicHeaders(ctx).putHeader("Content-Type", CapDocument.CONTENT_TYPE + "; charset=utf-8")
            .end(xml))
        .onFailure(ctx::fail);
  }

  private void atom(RoutingContext ctx) {
    units.byCode(ctx.pathParam("param0"))
        .compose(unit -> alerts.currentFor(unit).map(list -> AtomFeed.of(unit, list, publicUrl)))
        .onSuccess(xml -> publicHeaders(ctx).putHeader("Content-Type", AtomFeed.CONTENT_TYPE + "; charset=utf-8")
            .end(xml))
        .onFailure(ctx::fail);
  }

  /** The QR code of the alert's citizen page, for posters and posts. */
  private void qr(RoutingContext ctx) {
    alerts.byId(ctx.pathParam("param0"))
        .onSuccess(a -> publicHeaders(ctx).putHeader("Content-Type", "image/svg+xml; charset=utf-8")
            .end(QrCodes.svg(publicUrl + "/alerts/" + a.id())))
        .onFailure(ctx::fail);
  }

  /** One image of an alert, as stored (metadata stripped), with its sniffed type. */
  private void image(RoutingContext ctx) {
    int n = Integer.parseInt(ctx.pathParam("param1"));
    alerts.byId(ctx.pathParam("param0"))
        .compose(a -> {
          if (n > a.images().size()) {
            throw new DomainError.NotFound("Cảnh báo " + a.id() + " không có ảnh số " + n + " / alert " + a.id()
                + " has no image " + n);
          }
          AlertImage i = a.images().get(n - 1);
          return alerts.images().content(i.sha256()).map(bytes -> publicHeaders(ctx)
              .putHeader("Content-Type", i.mediaType())
              .putHeader("X-Content-Type-Options", "nosniff")
              .putHeader("Content-Disposition", "inline")
              .end(bytes));
        })
        .onFailure(ctx::fail);
  }

  private void upload(RoutingContext ctx) {
    api.authenticator().authenticate(ctx).compose(p -> {
      String[] segments = ctx.request().path().split("/");
      String type = ctx.request().getHeader("Content-Type");
      if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
        throw new DomainError.Invalid("alert-image-file", "Gửi ảnh dạng multipart/form-data, trường image"
            + " / send the image as multipart/form-data in the field image");
      }
      var files = ctx.fileUploads();
      if (files.size() != 1 || !"image".equals(files.get(0).name())) {
        throw new DomainError.Invalid("alert-image-file", "Gửi đúng một ảnh, trường image / send exactly one image, in the field image");
      }
      var f = files.get(0);
      Upload upload = new Upload(f.fileName(), Path.of(f.uploadedFileName()), f.size());
      return units.byCode(segments.length == 5 ? segments[3] : "")
          .compose(unit -> alerts.uploadImage(p, unit, upload));
    }).onSuccess(i -> Json.created(ctx, new JsonObject().put("id", i.sha256()).put("mediaType", i.mediaType())
            .put("size", i.size())))
        .onFailure(ctx::fail);
  }

  private static io.vertx.core.http.HttpServerResponse publicHeaders(RoutingContext ctx) {
    // Short: a cancellation must reach readers within a minute.
    return ctx.response().putHeader("Cache-Control", "public, max-age=60").putHeader("Access-Control-Allow-Origin", "*");
  }

  /** The request body as an input; the contract has checked types and bounds already. */
  static AlertInput input(JsonObject b) {
    Object scope = b.getValue("scope");
    List<String> codes;
    if ("subtree".equals(scope)) {
      codes = null;
    } else if (scope instanceof JsonArray list) {
      codes = new ArrayList<>();
      for (Object code : list) {
        if (!(code instanceof String s)) {
          throw new DomainError.Invalid("alert-scope", "Phạm vi là \"subtree\" hoặc danh sách mã đơn vị / scope is \"subtree\" or a list of unit codes");
        }
        codes.add(s);
      }
    } else {
      throw new DomainError.Invalid("alert-scope", "Phạm vi là \"subtree\" hoặc danh sách mã đơn vị / scope is \"subtree\" or a list of unit codes");
    }
    Object hours = b.getValue("validHours");
    if (!(hours instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new DomainError.Invalid("alert-validity", "validHours là số giờ nguyên 1–" + AlertInput.MAX_HOURS
          + " / validHours is a whole number of hours, 1 to " + AlertInput.MAX_HOURS);
    }
    return new AlertInput(b.getString("title"), b.getString("body"), b.getString("titleEn"), b.getString("bodyEn"),
        Severity.parse(b.getString("severity")), b.getString("category"), codes,
        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue())), b.getString("replaces"),
        imageIds(b.getValue("images")));
  }

  private static List<String> imageIds(Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (value instanceof JsonArray list) {
      for (Object id : list) {
        ids.add(id instanceof String s ? s : null);
      }
      return ids;
    }
    throw new DomainError.Invalid("alert-image-unknown", "images là danh sách mã ảnh đã tải lên / images is a list of uploaded image ids");
  }
}
