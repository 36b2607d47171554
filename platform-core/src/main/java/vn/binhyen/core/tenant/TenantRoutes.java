package vn.binhyen.core.tenant;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;

/** HTTP for the tenant hierarchy: translates requests to {@link TenantService} calls. */
public final class TenantRoutes {

  private final TenantService tenants;

  public TenantRoutes(TenantService tenants) {
    this.tenants = tenants;
  }

  public void mount(Api api) {
    api.operation("getUnit", ctx -> Json.ok(ctx, Json.unit(Requests.tenant(ctx))));
    api.operation("renameUnit", this::rename);
    api.operation("listChildren", this::children);
    api.operation("createChild", this::createChild);
    api.operation("getSubtree", this::subtree);
    api.operation("searchPublicUnits", this::search);
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
    tenants.search("BCA", ctx.request().getParam("q"), Requests.intParam(ctx, "limit", 20, 1, 50))
        .onSuccess(list -> Json.ok(ctx, new JsonObject().put("items", Json.array(list, Json::unit))))
        .onFailure(ctx::fail);
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
