package vn.binhyen.verifier.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.Services;
import vn.binhyen.verifier.attest.AttestationService;
import vn.binhyen.verifier.attest.KeyAdminService;
import vn.binhyen.verifier.keys.StoredKey;
import vn.binhyen.verifier.registry.VerificationRegistry;

/** Officers' and admins' operations: a unit's channels, issuing, suspending, revoking, keys. */
public final class VerifierRoutes {

  private final Services services;
  private final AttestationService attestations;
  private final KeyAdminService keyAdmin;
  private final VerificationRegistry registry;
  private final ChannelRepository channels = new ChannelRepository();

  public VerifierRoutes(Services services, AttestationService attestations, KeyAdminService keyAdmin,
      VerificationRegistry registry) {
    this.services = services;
    this.attestations = attestations;
    this.keyAdmin = keyAdmin;
    this.registry = registry;
  }

  public void mount(Api api) {
    String publicUrl = services.config().publicUrl();
    api.operation("listUnitAttestedChannels", this::unitChannels);
    api.operation("issueAttestation", ctx -> attestations.issue(Requests.principal(ctx), id(ctx), actor(ctx))
        .onSuccess(e -> Json.created(ctx, PublicJson.channel(e, publicUrl))).onFailure(ctx::fail));
    api.operation("setChannelStatus", ctx -> {
      JsonObject body = body(ctx);
      attestations.setStatus(Requests.principal(ctx), id(ctx), ChannelStatus.parse(body.getString("status")),
              body.getString("reason"), actor(ctx))
          .onSuccess(e -> Json.ok(ctx, PublicJson.channel(e, publicUrl))).onFailure(ctx::fail);
    });
    api.operation("revokeAttestation", ctx -> attestations.revoke(Requests.principal(ctx), ctx.pathParam("jti"),
            body(ctx).getString("reason", "revoked"), actor(ctx))
        .onSuccess(e -> Json.ok(ctx, PublicJson.channel(e, publicUrl))).onFailure(ctx::fail));
    api.operation("listKeys", ctx -> keyAdmin.list(Requests.principal(ctx))
        .onSuccess(page -> Json.ok(ctx, keyPage(page))).onFailure(ctx::fail));
    api.operation("listProvinceKeys", ctx -> keyAdmin.province(Requests.principal(ctx), Requests.tenant(ctx))
        .onSuccess(page -> Json.ok(ctx, keyPage(page))).onFailure(ctx::fail));
    api.operation("rotateProvinceKey", ctx -> keyAdmin.rotate(Requests.principal(ctx), Requests.tenant(ctx))
        .onSuccess(key -> Json.created(ctx, key(key))).onFailure(ctx::fail));
    api.operation("revokeKey", ctx -> keyAdmin.revoke(Requests.principal(ctx), ctx.pathParam("kid"),
            body(ctx).getString("reason", "revoked"))
        .onSuccess(r -> Json.ok(ctx, key(r.key()).put("reissued", r.reissued()))).onFailure(ctx::fail));
  }

  private void unitChannels(RoutingContext ctx) {
    Principal p = Requests.principal(ctx);
    var unit = Requests.tenant(ctx);
    String publicUrl = services.config().publicUrl();
    services.db().inScope(p.scopePath(), tx -> channels.listByTenant(tx, unit.id(), false)).onSuccess(list -> {
      JsonArray items = new JsonArray();
      for (Channel c : list) {
        JsonObject item = registry.byId(c.id()).map(e -> PublicJson.channel(e, publicUrl))
            .orElseGet(() -> new JsonObject().put("id", c.id()).put("platform", c.platform().id())
                .put("platformLabel", c.platform().labelVi()).put("normalizedId", c.normalizedId()).put("url", c.url())
                .put("displayName", c.displayName()).put("status", c.status().id())
                .put("unit", new JsonObject().put("code", unit.code()).put("name", unit.name())));
        items.add(item);
      }
      Json.ok(ctx, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private static JsonObject keyPage(KeyAdminService.KeyPage page) {
    JsonArray items = new JsonArray();
    page.keys().forEach(u -> items.add(keyDetail(u.key()).put("currentAttestations", u.currentAttestations())));
    KeyAdminService.MonitorStatus m = page.monitor();
    return new JsonObject().put("items", items).put("monitor", new JsonObject().put("running", m.running())
        .put("checkedSize", m.checkedSize()).put("checkedSignedAt", m.checkedSignedAt() == null ? null : m.checkedSignedAt().toString())
        .put("lastRun", m.lastRun() == null ? null : m.lastRun().toString()).put("alerts", m.alerts()));
  }

  private static JsonObject key(StoredKey k) {
    return new JsonObject().put("kid", k.kid()).put("purpose", k.purpose().id()).put("tenantCode", k.tenantCode())
        .put("status", k.status().id());
  }

  private static JsonObject keyDetail(StoredKey k) {
    return key(k).put("createdAt", text(k.createdAt())).put("retiredAt", text(k.retiredAt()))
        .put("revokedAt", text(k.revokedAt())).put("revokedReason", k.revokedReason());
  }

  private static String text(java.time.OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }

  /** The JSON body; an optional body that is absent reads as {}. */
  private static JsonObject body(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    return body == null ? new JsonObject() : body;
  }

  private static long id(RoutingContext ctx) {
    return Long.parseLong(ctx.pathParam("id"));
  }

  private static String actor(RoutingContext ctx) {
    return "user:" + Requests.principal(ctx).username();
  }
}
