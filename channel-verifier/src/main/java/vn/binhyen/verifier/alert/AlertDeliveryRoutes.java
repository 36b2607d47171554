package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.core.text.Language;

/** HTTP of alert delivery: statuses, the officer's "posted", channel credentials and figures. */
public final class AlertDeliveryRoutes {

  private static final Map<String, String[]> STATUS = Map.of(
      AlertDelivery.QUEUED, new String[] {"Đang chờ gửi", "Queued"},
      AlertDelivery.SENT, new String[] {"Đã đăng", "Posted by the platform"},
      AlertDelivery.FAILED, new String[] {"Không gửi được", "Failed"},
      AlertDelivery.CANCELLED, new String[] {"Đã huỷ cùng cảnh báo", "Cancelled with the alert"},
      AlertDelivery.READY, new String[] {"Chờ cán bộ đăng thủ công", "Waiting for an officer to post it"},
      AlertDelivery.POSTED, new String[] {"Cán bộ đã đăng", "Posted by an officer"},
      AlertDelivery.NOT_CONNECTED, new String[] {"Trang chưa kết nối: hãy kết nối mã truy cập của trang",
          "Page not connected: connect its access token"});
  private static final Map<String, String[]> FAIL = Map.of(
      "invalid-token", new String[] {"Mã truy cập của trang không còn hiệu lực", "The page's access token is no longer valid"},
      "refused", new String[] {"Nền tảng từ chối bài đăng", "The platform refused the post"},
      "gave-up", new String[] {"Đã thử lại nhiều lần mà không gửi được", "Retried several times without success"},
      "expired", new String[] {"Cảnh báo hết hiệu lực trước khi gửi được", "The alert expired before it could be sent"});
  // Our prefix before the platform's words: "Facebook từ chối (190): ...", "no answer: ...".
  private static final java.util.regex.Pattern PLATFORM_WORDS =
      java.util.regex.Pattern.compile("^(?:[A-Za-z]+ [^(:]*\\(-?\\d+\\)|no answer): (.*)$", java.util.regex.Pattern.DOTALL);

  private final AlertService alerts;
  private final AlertDeliveries deliveries;
  private final TenantDirectory units;

  public AlertDeliveryRoutes(AlertService alerts, TenantDirectory units) {
    this.alerts = alerts;
    this.deliveries = alerts.deliveries();
    this.units = units;
  }

  public void mount(Api api) {
    api.operation("listAlertDeliveries", this::ofAlert)
        .operation("listUnitAlertDeliveries", this::ofUnit)
        .operation("markAlertDeliveryPosted", this::posted)
        .operation("putAlertCredentials", this::credentials)
        .operation("getAlertFigures", this::figures);
  }

  private void ofAlert(RoutingContext ctx) {
    Language lang = lang(ctx);
    String id = ctx.pathParam("id");
    deliveries.forAlert(Requests.tenant(ctx), id, Requests.intParam(ctx, "limit", 200, 1, AlertDeliveries.MAX_LIST))
        .compose(list -> withTexts(list))
        .onSuccess(w -> Json.ok(ctx, new JsonObject().put("items", json(w, lang))))
        .onFailure(ctx::fail);
  }

  private void ofUnit(RoutingContext ctx) {
    Language lang = lang(ctx);
    Tenant unit = Requests.tenant(ctx);
    deliveries.forUnit(unit, Requests.intParam(ctx, "limit", 100, 1, AlertDeliveries.MAX_LIST))
        .compose(this::withTexts)
        .onSuccess(w -> Json.ok(ctx, new JsonObject().put("unit", Json.unit(unit)).put("items", json(w, lang))))
        .onFailure(ctx::fail);
  }

  private void posted(RoutingContext ctx) {
    Language lang = lang(ctx);
    deliveries.markPosted(Requests.principal(ctx), Requests.tenant(ctx),
            Long.parseLong(ctx.pathParam("deliveryId")), Json.body(ctx).getString("link"))
        .onSuccess(d -> Json.ok(ctx, json(d, null, lang)))
        .onFailure(ctx::fail);
  }

  private void credentials(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    deliveries.setCredentials(Requests.principal(ctx), Requests.tenant(ctx), Long.parseLong(ctx.pathParam("channelId")),
            new AlertDeliveries.CredentialInput(b.getString("targetId"), b.getString("accessToken"),
                b.getString("refreshToken"), b.getString("appId"), b.getString("appSecret"), b.getInteger("expiresIn")),
            Requests.requestId(ctx))
        .onSuccess(x -> Json.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void figures(RoutingContext ctx) {
    Tenant unit = Requests.tenant(ctx);
    deliveries.figures(unit).compose(f -> {
      Map<String, Long> followers = f.followersByChild();
      long[] total = new long[5];
      List<Future<JsonObject>> children = new java.util.ArrayList<>();
      for (AlertDeliveryRepository.Figures row : f.rows()) {
        total[0] += row.alertsIssued();
        total[1] += row.channelsReached();
        total[2] += row.failures();
        total[3] += row.notConnected();
        total[4] += row.pending();
        if (!row.child().isEmpty()) {
          Long reached = followers == null ? null : followers.getOrDefault(row.child(), 0L);
          children.add(units.byCode(row.child()).map(Json::unit).otherwise(new JsonObject().put("code", row.child()))
              .map(u -> figures(new JsonObject().put("unit", u), new long[] {row.alertsIssued(), row.channelsReached(),
                  row.failures(), row.notConnected(), row.pending()}, reached)));
        }
      }
      Long all = followers == null ? null : followers.values().stream().mapToLong(Long::longValue).sum();
      return Future.all(children).map(list -> figures(new JsonObject().put("unit", Json.unit(unit)), total, all)
          .put("children", new JsonArray(list.<JsonObject>list())));
    }).onSuccess(o -> Json.ok(ctx, o)).onFailure(ctx::fail);
  }

  /** {@code n}: issued, reached, failures, not connected, pending. */
  private static JsonObject figures(JsonObject o, long[] n, Long followersReached) {
    return o.put("alertsIssued", n[0]).put("channelsReached", n[1]).put("deliveryFailures", n[2])
        .put("notConnected", n[3]).put("pending", n[4]).put("followersReached", followersReached);
  }

  private record WithText(AlertDelivery d, String text) {}

  /** Manual deliveries carry the text to paste (the alert's, with its link). */
  private Future<List<WithText>> withTexts(List<AlertDelivery> list) {
    List<Future<WithText>> out = new java.util.ArrayList<>();
    for (AlertDelivery d : list) {
      out.add("manual".equals(d.mode()) && AlertDelivery.READY.equals(d.status())
          ? alerts.byId(d.alertId()).map(a -> new WithText(d, AlertDeliveries.text(a, deliveries.link(a.id()))))
          : Future.succeededFuture(new WithText(d, null)));
    }
    return Future.all(out).map(all -> all.<WithText>list());
  }

  private static JsonArray json(List<WithText> list, Language lang) {
    JsonArray out = new JsonArray();
    list.forEach(w -> out.add(json(w.d(), w.text(), lang)));
    return out;
  }

  static JsonObject json(AlertDelivery d, String text, Language lang) {
    boolean vi = lang == Language.VI;
    String state = d.state();
    String[] label = STATUS.get(state);
    String[] fail = d.failReason() == null ? null : FAIL.get(d.failReason());
    String message = d.lastError();
    if (message != null) {
      var m = PLATFORM_WORDS.matcher(message);
      message = m.matches() ? m.group(1) : message;
    }
    JsonObject channel = new JsonObject().put("id", d.channelId()).put("name", d.channelName()).put("url", d.channelUrl())
        .put("platform", d.platform());
    Platform.byId(d.platform()).ifPresent(p -> channel.put("platformLabel", vi ? p.labelVi() : p.labelEn()));
    String path = d.tenantPath();
    return new JsonObject().put("id", d.id()).put("alertId", d.alertId()).put("alertTitle", d.alertTitle())
        .put("channel", channel).put("unitCode", path.substring(path.lastIndexOf('/') + 1)).put("mode", d.mode())
        .put("status", d.status()).put("state", state).put("statusLabel", label == null ? state : label[vi ? 0 : 1])
        .put("failLabel", AlertDelivery.FAILED.equals(state) && fail != null ? fail[vi ? 0 : 1] : null)
        .put("platformMessage", AlertDelivery.NOT_CONNECTED.equals(state) ? null : message)
        .put("attempts", d.attempts()).put("platformRef", d.platformRef()).put("error", d.lastError())
        .put("failReason", d.failReason()).put("text", text).put("postedBy", d.postedBy())
        .put("queuedAt", d.queuedAt().toString()).put("doneAt", d.doneAt() == null ? null : d.doneAt().toString());
  }

  private static Language lang(RoutingContext ctx) {
    return Language.fromAcceptLanguage(ctx.request().getHeader("Accept-Language"));
  }
}
