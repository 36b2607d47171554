package vn.binhyen.core.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The web UI's session cookies: the access token and the refresh token are HttpOnly (scripts never
 * see them, nothing goes to localStorage); a readable CSRF token must come back in the
 * {@code X-CSRF-Token} header of every state-changing request made with the cookie.
 */
public final class Cookies {

  public static final String ACCESS = "by_session";
  public static final String REFRESH = "by_refresh";
  public static final String CSRF = "by_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private Cookies() {}

  public static void setSession(RoutingContext ctx, String access, long accessTtl, String refresh,
      long refreshTtl, String csrf) {
    boolean tls = ctx.request().isSSL();
    ctx.response().addCookie(cookie(ACCESS, access, "/", accessTtl, true, tls));
    ctx.response().addCookie(cookie(REFRESH, refresh, "/api/auth", refreshTtl, true, tls));
    ctx.response().addCookie(cookie(CSRF, csrf, "/", refreshTtl, false, tls));
  }

  public static void clear(RoutingContext ctx) {
    boolean tls = ctx.request().isSSL();
    ctx.response().addCookie(cookie(ACCESS, "", "/", 0, true, tls));
    ctx.response().addCookie(cookie(REFRESH, "", "/api/auth", 0, true, tls));
    ctx.response().addCookie(cookie(CSRF, "", "/", 0, false, tls));
  }

  private static Cookie cookie(String name, String value, String path, long maxAge, boolean httpOnly,
      boolean secure) {
    return Cookie.cookie(name, value).setPath(path).setMaxAge(maxAge).setHttpOnly(httpOnly)
        .setSecure(secure).setSameSite(CookieSameSite.STRICT);
  }
}
