package vn.binhyen.core.http;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.cluster.Quorum;
import vn.binhyen.core.identity.Revocations;
import vn.binhyen.core.identity.TokenService;

/**
 * Proves who is calling: a Bearer token, or the web UI's session cookie (then state-changing
 * requests must echo the CSRF cookie in a header). Refuses revoked sessions and users.
 */
public final class Authenticator {

  private final TokenService tokens;
  private final Revocations revocations;
  private final Quorum quorum;

  public Authenticator(TokenService tokens, Revocations revocations, Quorum quorum) {
    this.tokens = tokens;
    this.revocations = revocations;
    this.quorum = quorum;
  }

  /** Resolves the principal of a request, or fails with Unauthenticated / Forbidden (CSRF). */
  public Future<Principal> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token;
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Future.failedFuture(new DomainError.Unauthenticated(
            "Dùng tiêu đề Authorization: Bearer <token> / use Authorization: Bearer <token>"));
      }
      token = header.substring(7).trim();
    } else {
      Cookie session = ctx.request().getCookie(Cookies.ACCESS);
      if (session == null || session.getValue().isEmpty()) {
        return Future.failedFuture(new DomainError.Unauthenticated("Cần đăng nhập / sign-in required"));
      }
      token = session.getValue();
    }
    if (!quorum.held() && !isRead(ctx.request().method())) {
      // Cut off from the majority, this node may hold stale revocations and registry entries.
      return Future.failedFuture(new DomainError.Unavailable(
          "Máy chủ này tạm mất kết nối với cụm; thử lại sau / this node is cut off from the cluster ("
              + quorum.reason() + "), try again later"));
    }
    if (token.length() > 4096) {
      return Future.failedFuture(new DomainError.Unauthenticated("Token quá dài / token too long"));
    }
    boolean needsCsrf = header == null && !isRead(ctx.request().method());
    return tokens.verify(token).compose(p -> {
      // The CSRF token is bound to the log-in session: an HMAC of its id (TokenService.csrfToken).
      if (needsCsrf && !tokens.csrfMatches(p.sessionId(), ctx.request().getHeader(Cookies.CSRF_HEADER))) {
        return Future.failedFuture(new DomainError.Forbidden(
            "Thiếu hoặc sai mã CSRF; tải lại trang / missing or wrong CSRF token, reload the page"));
      }
      return revocations.isRevoked(p).compose(revoked -> revoked
          ? Future.failedFuture(new DomainError.Unauthenticated(
              "Phiên đăng nhập đã bị thu hồi / this session has been revoked"))
          : Future.succeededFuture(p));
    });
  }

  private static boolean isRead(HttpMethod m) {
    return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
  }

  /** A route handler: authenticates, stores the principal, continues. */
  public void handle(RoutingContext ctx) {
    authenticate(ctx).onSuccess(p -> {
      ctx.put(Requests.PRINCIPAL, p);
      ctx.next();
    }).onFailure(ctx::fail);
  }
}
