package vn.binhyen.admin.users;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.identity.Role;
import vn.binhyen.core.identity.UserService.NewUser;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.UnitLevel;

/** HTTP for onboarding and user administration. */
public final class UserAdminRoutes {

  private final UserAdminService users;

  public UserAdminRoutes(UserAdminService users) {
    this.users = users;
  }

  public void mount(Api api) {
    api.operation("onboardUnit", this::onboard);
    api.operation("listUnitUsers", this::list);
    api.operation("createUnitUser", this::create);
    api.operation("disableUser", ctx -> users.setDisabled(Requests.principal(ctx), id(ctx), true)
        .onSuccess(u -> Json.ok(ctx, UserAdminService.userJson(u))).onFailure(ctx::fail));
    api.operation("enableUser", ctx -> users.setDisabled(Requests.principal(ctx), id(ctx), false)
        .onSuccess(u -> Json.ok(ctx, UserAdminService.userJson(u))).onFailure(ctx::fail));
    api.operation("resetUserPassword", ctx -> users.resetPassword(Requests.principal(ctx), id(ctx))
        .onSuccess(w -> Json.ok(ctx, withLink(w))).onFailure(ctx::fail));
    api.operation("changeUserRole", ctx -> users.changeRole(Requests.principal(ctx), id(ctx),
            Role.parse(Json.body(ctx).getString("role")))
        .onSuccess(u -> Json.ok(ctx, UserAdminService.userJson(u))).onFailure(ctx::fail));
    api.operation("setupPassword", ctx -> {
      JsonObject b = Json.body(ctx);
      users.redeem(b.getString("token"), b.getString("password"))
          .onSuccess(u -> Json.ok(ctx, new JsonObject().put("username", u.username())))
          .onFailure(ctx::fail);
    });
  }

  private void onboard(RoutingContext ctx) {
    JsonObject b = Json.body(ctx);
    users.onboard(Requests.principal(ctx), Requests.tenant(ctx), b.getString("code"), b.getString("name"),
            UnitLevel.parse(b.getString("level")), newUser(b.getJsonObject("firstUser")))
        .onSuccess(o -> Json.created(ctx, new JsonObject().put("unit", Json.unit(o.unit()))
            .put("firstUser", withLink(o.firstUser()))))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    users.list(Requests.principal(ctx), Requests.tenant(ctx), Requests.intParam(ctx, "limit", 50, 1, 500),
            Requests.intParam(ctx, "offset", 0, 0, 1_000_000))
        .onSuccess(l -> Json.ok(ctx, new JsonObject().put("items", Json.array(l, UserAdminService::userJson))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    users.create(Requests.principal(ctx), Requests.tenant(ctx), newUser(Json.body(ctx)))
        .onSuccess(w -> Json.created(ctx, withLink(w)))
        .onFailure(ctx::fail);
  }

  private static NewUser newUser(JsonObject b) {
    return new NewUser(b.getString("username"), b.getString("displayName"), Role.parse(b.getString("role")), null);
  }

  private static JsonObject withLink(UserAdminService.WithLink w) {
    return new JsonObject().put("user", UserAdminService.userJson(w.user())).put("setupLink", w.setupLink())
        .put("linkValidSeconds", w.linkValidSeconds());
  }

  static long id(RoutingContext ctx) {
    return Long.parseLong(ctx.pathParam("id"));
  }
}
