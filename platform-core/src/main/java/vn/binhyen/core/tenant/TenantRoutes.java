package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import vn.binhyen.core.config.Settings;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.ratelimit.PublicCeilings;
import vn.binhyen.core.ratelimit.RateLimiter;

/** HTTP for the tenant hierarchy: translates requests to {@link TenantService} calls. */
public final class TenantRoutes {

  private final TenantService tenants;
  private final RateLimiter limiter;
  private final PublicCeilings ceilings;
  private final int searchPerMinute;

  /**
   * {@code searchPerMinute}: name searches per client address a minute (cluster-wide), then the
   * {@code units.search} ceiling over all clients; 0 turns both off.
   */
  public TenantRoutes(TenantService tenants, RateLimiter limiter, PublicCeilings ceilings, int searchPerMinute) {
    this.tenants = tenants;
    this.limiter = limiter;
    this.ceilings = ceilings;
    this.searchPerMinute = searchPerMinute;
  }

  /** BINHYEN_UNIT_SEARCH_PER_MINUTE (docs/configuration.md): 0–1,000,000, default 120; 0 is off. */
  public static int searchPerMinute(Settings settings) {
    return settings.integer("BINHYEN_UNIT_SEARCH_PER_MINUTE", 120, 0, 1_000_000);
  }

  public void mount(Api api) {
    api.operation("getUnit", ctx -> Json.ok(ctx, Json.unit(Requests.tenant(ctx))));
    api.operation("renameUnit", this::rename);
    api.operation("listChildren", this::children);
    api.operation("createChild", this::createChild);
    api.operation("getSubtree", this::subtree);
    api.operation("searchPublicUnits", this::search);
    api.operation("searchUnits", ctx -> tenants.searchWithParents(Requests.tenant(ctx).code(), ctx.request().getParam("q"), 50)
        .onSuccess(l -> Json.ok(ctx, new JsonObject().put("items", Json.array(l, TenantRoutes::match))))
        .onFailure(ctx::fail));
    api.operation("resolvePublicUnit", this::resolve);
  }

  private void rename(RoutingContext ctx) {
    tenants.rename(Requests.tenant(ctx).code(), Json.body(ctx).getString("name"))
        .onSuccess(t -> Json.ok(ctx, Json.unit(t)))
        .onFailure(ctx::fail);
  }

  private void children(RoutingContext ctx) {
    tenants.children(Requests.tenant(ctx).code(), Requests.intParam(ctx, "limit", 50, 1, 500),
            Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(page -> Json.ok(ctx, Json.page(page, Json::unit)))
        .onFailure(ctx::fail);
  }

  private void createChild(RoutingContext ctx) {
    JsonObject body = Json.body(ctx);
    tenants.create(Requests.tenant(ctx).code(), body.getString("code"), body.getString("name"),
            UnitLevel.parse(body.getString("level")))
        .onSuccess(t -> Json.created(ctx, Json.unit(t)))
        .onFailure(ctx::fail);
  }

  private void subtree(RoutingContext ctx) {
    tenants.subtree(Requests.tenant(ctx).code(), Requests.intParam(ctx, "limit", 50, 1, 500),
            Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(page -> Json.ok(ctx, Json.page(page, Json::unit)))
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    Future<Void> allowed = searchPerMinute <= 0 ? Future.succeededFuture()
        : limiter.hit("units.search", Requests.clientAddress(ctx), searchPerMinute, Duration.ofMinutes(1))
            .compose(x -> ceilings.admit("units.search", searchPerMinute));
    allowed
        .compose(x -> tenants.searchByName(ctx.request().getParam("q"),
            Requests.intParam(ctx, "limit", TenantService.MAX_MATCHES, 1, TenantService.MAX_MATCHES)))
        .onSuccess(list -> Json.ok(ctx, new JsonObject().put("items", Json.array(list, TenantRoutes::match))))
        .onFailure(ctx::fail);
  }

  /** A unit as {@link Json#unit}, with its level's label, its parents and the old unit it replaced. */
  public static JsonObject match(UnitMatch m) {
    return Json.unit(m.unit())
        .put("levelLabel", new JsonObject().put("vi", m.unit().level().labelVi()).put("en", m.unit().level().labelEn()))
        .put("parents", Json.array(m.parents(), TenantRoutes::ref))
        .put("formerly", m.formerly().map(TenantRoutes::ref).orElse(null));
  }

  private static JsonObject ref(UnitMatch.Ref r) {
    return new JsonObject().put("code", r.code()).put("name", r.name());
  }

  private void resolve(RoutingContext ctx) {
    tenants.resolve(ctx.pathParam("code"))
        .onSuccess(r -> Json.ok(ctx, new JsonObject()
            .put("code", r.code())
            .put("current", r.current().map(Json::unit).orElse(null))
            .put("former", Json.array(r.formerUnits(), Json::unit))
            .put("successors", Json.array(r.successors(), Json::unit))))
        .onFailure(ctx::fail);
  }
}
