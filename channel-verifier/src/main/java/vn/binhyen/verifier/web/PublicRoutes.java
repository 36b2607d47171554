package vn.binhyen.verifier.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.List;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.TenantDirectory;
import vn.binhyen.verifier.qr.QrCodes;
import vn.binhyen.verifier.registry.RegistryEntry;
import vn.binhyen.verifier.registry.VerificationRegistry;
import vn.binhyen.verifier.registry.VerifyService;

/** The public verification operations: verify, a channel, its QR codes, a unit's channels. */
public final class PublicRoutes {

  private final VerifyService verify;
  private final VerificationRegistry registry;
  private final TenantDirectory units;
  private final String publicUrl;

  private vn.binhyen.core.ratelimit.RateLimiter limiter;
  private vn.binhyen.core.ratelimit.PublicCeilings ceilings;
  private int perMinute;

  /**
   * Checks per client address per minute (cluster-wide), then the endpoint's ceiling over all
   * clients ({@code verify} in BINHYEN_PUBLIC_CEILINGS); 0 turns both off (benchmarks).
   */
  public PublicRoutes limitedTo(vn.binhyen.core.ratelimit.RateLimiter limiter,
      vn.binhyen.core.ratelimit.PublicCeilings ceilings, int perMinute) {
    this.limiter = limiter;
    this.ceilings = ceilings;
    this.perMinute = perMinute;
    return this;
  }

  public PublicRoutes(VerifyService verify, VerificationRegistry registry, TenantDirectory units, String publicUrl) {
    this.verify = verify;
    this.registry = registry;
    this.units = units;
    this.publicUrl = publicUrl;
  }

  public void mount(Api api) {
    api.operation("verifyChannel", this::verify);
    api.operation("getPublicChannel", ctx -> Json.ok(ctx, PublicJson.channel(channel(ctx), publicUrl)));
    api.operation("getChannelQrPng", this::qrPng);
    api.operation("getChannelQrSvg", this::qrSvg);
    api.operation("listPublicUnitChannels", this::unitChannels);
  }

  /** Also mounted as a plain route for the hot path (see docs/verification.md, "Performance"). */
  public void verify(RoutingContext ctx) {
    String q = ctx.request().getParam("q");
    if (q == null || q.isEmpty() || q.length() > 8192) {
      ctx.fail(new DomainError.Invalid("invalid-link", "Tham số q: 1–8192 ký tự / parameter q: 1–8192 characters"));
      return;
    }
    io.vertx.core.Future<Void> allowed = limiter == null || perMinute <= 0
        ? io.vertx.core.Future.succeededFuture()
        : limiter.hit("verify", Requests.clientAddress(ctx),
            perMinute, java.time.Duration.ofMinutes(1)).compose(x -> ceilings.admit("verify", perMinute));
    allowed.compose(x -> verify.verify(q))
        .onSuccess(answer -> Json.ok(ctx, PublicJson.answer(answer, publicUrl)))
        .onFailure(ctx::fail);
  }

  private RegistryEntry channel(RoutingContext ctx) {
    long id = Long.parseLong(ctx.pathParam("id"));
    return registry.byId(id).orElseThrow(() -> new DomainError.NotFound(
        "Không có trang/nhóm chính thức #" + id + " / no published channel #" + id));
  }

  private String qrText(RoutingContext ctx) {
    RegistryEntry e = channel(ctx);
    if (e.token() == null) {
      throw new DomainError.NotFound("Trang/nhóm #" + e.channelId() + " không có chứng thực hiện hành / has no current attestation");
    }
    return PublicJson.verifyUrl(publicUrl, e.token());
  }

  private void qrPng(RoutingContext ctx) {
    String size = ctx.request().getParam("size");
    String text = qrText(ctx);
    // Drawing a PNG takes milliseconds (ImageIO): off the event loop.
    ctx.vertx().executeBlocking(() -> QrCodes.png(text, size == null ? 512 : Integer.parseInt(size)), false)
        .onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "no-store")
            .end(io.vertx.core.buffer.Buffer.buffer(png)))
        .onFailure(ctx::fail);
  }

  private void qrSvg(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(QrCodes.svg(qrText(ctx)));
  }

  private void unitChannels(RoutingContext ctx) {
    units.byCode(ctx.pathParam("code")).onSuccess(unit -> {
      List<RegistryEntry> entries = registry.byUnit(unit.code()).stream().filter(RegistryEntry::official).toList();
      JsonArray items = new JsonArray();
      entries.forEach(e -> items.add(PublicJson.channel(e, publicUrl)));
      Json.ok(ctx, new JsonObject().put("unit", new JsonObject().put("code", unit.code()).put("name", unit.name()))
          .put("items", items));
    }).onFailure(ctx::fail);
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
