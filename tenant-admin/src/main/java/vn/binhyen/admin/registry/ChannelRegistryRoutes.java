package vn.binhyen.admin.registry;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.TenantService;

/** HTTP for the channel registry, approvals and figures. */
public final class ChannelRegistryRoutes {

  private final ChannelRegistryService registry;
  private final Services services;

  public ChannelRegistryRoutes(ChannelRegistryService registry, Services services) {
    this.registry = registry;
    this.services = services;
  }

  public void mount(Api api) {
    api.operation("listUnitChannels", ctx -> registry.list(Requests.principal(ctx), Requests.tenant(ctx),
            "true".equals(ctx.request().getParam("archived")))
        .onSuccess(l -> Json.ok(ctx, new JsonObject().put("items", Json.array(l, x ->
            ChannelRegistryService.json(x.channel()).put("figures", figures(x.figures()))))))
        .onFailure(ctx::fail));
    api.operation("registerChannel", ctx -> {
      JsonObject b = Json.body(ctx);
      registry.register(Requests.principal(ctx), Requests.tenant(ctx), new ChannelRegistryService.Registration(
              b.getString("platform"), b.getString("link"), b.getString("name"), b.getString("serves"),
              b.getString("admins")))
          .onSuccess(c -> Json.created(ctx, ChannelRegistryService.json(c))).onFailure(ctx::fail);
    });
    api.operation("editChannel", ctx -> {
      JsonObject b = Json.body(ctx);
      reply(ctx, registry.edit(Requests.principal(ctx), id(ctx), b.getString("name"), b.getString("serves"),
          b.getString("admins")));
    });
    api.operation("archiveChannel", ctx -> reply(ctx, registry.archive(Requests.principal(ctx), id(ctx))));
    api.operation("requestChannelVerification", ctx -> reply(ctx,
        registry.requestVerification(Requests.principal(ctx), id(ctx))));
    api.operation("approveChannel", ctx -> reply(ctx, registry.approve(Requests.principal(ctx), id(ctx))));
    api.operation("rejectChannel", ctx -> reply(ctx, registry.reject(Requests.principal(ctx), id(ctx),
        Json.body(ctx).getString("reason"))));
    api.operation("setChannelFigures", ctx -> {
      JsonObject b = Json.body(ctx);
      reply(ctx, registry.setFigures(Requests.principal(ctx), id(ctx), new RegistryRepository.Figures(
          b.getLong("followers"), b.getLong("posts"), b.getLong("questionsAnswered"))));
    });
    api.operation("listApprovals", ctx -> registry.queue(Requests.principal(ctx), Requests.tenant(ctx),
            Requests.intParam(ctx, "limit", 50, 1, 500), Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(l -> Json.ok(ctx, new JsonObject().put("items", Json.array(l, r -> new JsonObject()
            .put("id", r.id()).put("channelId", r.channelId()).put("tenantPath", r.tenantPath())
            .put("requestedBy", r.requestedBy()).put("requestedAt", r.requestedAt().toString())
            .put("channelName", r.channelName()).put("platform", r.platform())
            .put("normalizedId", r.normalizedId())))))
        .onFailure(ctx::fail));
    api.operation("unitFigures", this::figuresOfUnit);
  }

  private void figuresOfUnit(RoutingContext ctx) {
    var unit = Requests.tenant(ctx);
    var p = Requests.principal(ctx);
    TenantService tenants = services.tenants();
    registry.rollup(p, unit).compose(total -> tenants.children(unit.code(), 500, 0).compose(children -> {
      java.util.List<io.vertx.core.Future<JsonObject>> each = new java.util.ArrayList<>();
      children.items().forEach(c -> each.add(registry.rollup(p, c).map(r -> rollup(r).put("unit", Json.unit(c)))));
      return io.vertx.core.Future.all(each).map(all -> {
        io.vertx.core.json.JsonArray arr = new io.vertx.core.json.JsonArray();
        each.forEach(f -> arr.add(f.result()));
        return rollup(total).put("unit", Json.unit(unit)).put("children", arr);
      });
    })).onSuccess(j -> Json.ok(ctx, j)).onFailure(ctx::fail);
  }

  static JsonObject rollup(RegistryRepository.Rollup r) {
    return new JsonObject().put("channels", r.channels()).put("verifiedChannels", r.verifiedChannels())
        .put("followers", r.followers()).put("posts", r.posts()).put("questionsAnswered", r.questionsAnswered())
        .put("wards", r.wards()).put("wardsCovered", r.wardsCovered()).put("coverage", r.coverage());
  }

  private static JsonObject figures(RegistryRepository.Figures f) {
    return new JsonObject().put("followers", f.followers()).put("posts", f.posts())
        .put("questionsAnswered", f.questionsAnswered());
  }

  private static void reply(RoutingContext ctx, io.vertx.core.Future<Channel> f) {
    f.onSuccess(c -> Json.ok(ctx, ChannelRegistryService.json(c))).onFailure(ctx::fail);
  }

  private static long id(RoutingContext ctx) {
    return Long.parseLong(ctx.pathParam("id"));
  }
}
