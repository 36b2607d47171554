package vn.binhyen.core.identity;

import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.http.Cookies;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.tenant.TenantDirectory;

/** HTTP for log-in, refresh, sign-out and "who am I". */
public final class AuthRoutes {

  private final AuthService auth;
  private final TenantDirectory tenants;

  public AuthRoutes(AuthService auth, TenantDirectory tenants) {
    this.auth = auth;
    this.tenants = tenants;
  }

  public void mount(Api api) {
    TokenService tokens = api.tokens();
    api.operation("login", ctx -> {
      JsonObject body = Json.body(ctx);
      auth.login(tokens, body.getString("username"), body.getString("password"),
              Requests.clientAddress(ctx))
          .onSuccess(s -> answer(ctx, tokens, s))
          .onFailure(ctx::fail);
    });
    api.operation("refresh", ctx -> {
      String token = Json.body(ctx).getString("refreshToken");
      Cookie cookie = ctx.request().getCookie(Cookies.REFRESH);
      if (token == null && cookie != null) {
        token = cookie.getValue();
      }
      auth.refresh(tokens, token)
          .onSuccess(s -> answer(ctx, tokens, s))
          .onFailure(ctx::fail);
    });
    api.operation("logout", ctx -> auth.logout(Requests.principal(ctx))
        .onSuccess(x -> {
          Cookies.clear(ctx);
          Json.noContent(ctx);
        })
        .onFailure(ctx::fail));
    api.operation("me", ctx -> {
      Principal p = Requests.principal(ctx);
      tenants.byId(p.tenantId())
          .onSuccess(t -> Json.ok(ctx, new JsonObject()
              .put("id", p.userId())
              .put("username", p.username())
              .put("displayName", p.displayName())
              .put("role", p.role().name())
              .put("unit", Json.unit(t))))
          .onFailure(ctx::fail);
    });
  }

  private static void answer(RoutingContext ctx, TokenService tokens, Session s) {
    Cookies.setSession(ctx, s.accessToken(), s.expiresInSeconds(), s.refreshToken(),
        s.refreshExpiresInSeconds(), tokens.csrfToken(s.sessionId()));
    UserAccount u = s.user();
    Json.ok(ctx, new JsonObject()
        .put("accessToken", s.accessToken())
        .put("refreshToken", s.refreshToken())
        .put("tokenType", "Bearer")
        .put("expiresIn", s.expiresInSeconds())
        .put("user", new JsonObject()
            .put("id", u.id())
            .put("username", u.username())
            .put("displayName", u.displayName())
            .put("role", u.role().name())
            .put("unit", new JsonObject().put("code", s.tenantCode()).put("name", s.tenantName()))));
  }
}
