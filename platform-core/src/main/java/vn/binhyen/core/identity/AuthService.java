package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.ratelimit.RateLimiter;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tenant.TenantDirectory;

/**
 * Log-in, refresh with rotation (a reused refresh token revokes its whole family), sign-out and
 * revocation of a user. Password hashing runs on worker threads.
 */
public final class AuthService {

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BAD_LOGIN =
      "Sai tên đăng nhập hoặc mật khẩu / wrong username or password";

  private final Vertx vertx;
  private final Db db;
  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens = new RefreshTokenRepository();
  private final PasswordHasher hasher;
  private final TenantDirectory tenants;
  private final Revocations revocations;
  private final Duration refreshTtl;
  private final RateLimiter rateLimiter;
  private final LoginLimits limits;

  public AuthService(Vertx vertx, Db db, UserRepository users, PasswordHasher hasher,
      TenantDirectory tenants, Revocations revocations, Duration refreshTtl, RateLimiter rateLimiter,
      LoginLimits limits) {
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.vertx = vertx;
    this.db = db;
    this.users = users;
    this.hasher = hasher;
    this.tenants = tenants;
    this.revocations = revocations;
    this.refreshTtl = refreshTtl;
  }

  /** Failed log-ins allowed per account and per address in one window, before a pause. */
  public record LoginLimits(int perAccount, int perAddress, Duration window) {}

  /**
   * Fails with Unauthenticated for a wrong username or password or a disabled account (one
   * message), and with TooManyRequests ("try again in N minutes") once an account or an address
   * has too many failures in the window: the password is then not even checked.
   */
  public Future<Session> login(TokenService tokens, String username, String password, String address) {
    String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    Duration window = limits.window();
    return Future.all(rateLimiter.current("login-fail-account", name, window),
            rateLimiter.current("login-fail-address", address, window))
        .compose(counts -> {
          if ((long) counts.resultAt(0) >= limits.perAccount() || (long) counts.resultAt(1) >= limits.perAddress()) {
            long seconds = RateLimiter.secondsLeft(window);
            long minutes = (seconds + 59) / 60;
            return Future.failedFuture(new DomainError.TooManyRequests("Đăng nhập sai quá nhiều lần, hãy thử lại sau "
                + minutes + " phút / too many failed sign-ins, try again in " + minutes + " minutes", seconds));
          }
          return attempt(tokens, name, password)
              .recover(e -> e instanceof DomainError.Unauthenticated
                  ? rateLimiter.count("login-fail-account", name, window)
                      .compose(x -> rateLimiter.count("login-fail-address", address, window))
                      .compose(x -> Future.<Session>failedFuture(e))
                  : Future.failedFuture(e));
        });
  }

  private Future<Session> attempt(TokenService tokens, String name, String password) {
    return users.findForLogin(db.pool(), name)
        .compose(found -> vertx.executeBlocking(() ->
            hasher.verify(password == null ? "" : password, found.map(UserAccount::passwordHash).orElse(null))
                && found.isPresent() && !found.get().disabled()
                ? found.get() : null, false))
        .compose(user -> {
          if (user == null) {
            log.info("Log-in refused for username {}", name);
            return Future.failedFuture(new DomainError.Unauthenticated(BAD_LOGIN));
          }
          return startSession(tokens, user, UUID.randomUUID());
        });
  }

  /** Rotates the refresh token; a token presented twice revokes its whole family. */
  public Future<Session> refresh(TokenService tokens, String refreshToken) {
    if (refreshToken == null || refreshToken.length() < 20 || refreshToken.length() > 100) {
      return Future.failedFuture(expired());
    }
    byte[] hash = sha256(refreshToken);
    // The lookup and the "used" mark are one transaction (the row is locked). A reused token is
    // answered after that transaction, so revoking its family is not rolled back with it.
    return db.inTransaction(tx -> refreshTokens.findForUpdate(tx, hash).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(expired());
      }
      var t = found.get();
      if (t.usedAt() != null || t.revokedAt() != null) {
        return Future.succeededFuture(t);
      }
      if (t.expiresAt().isBefore(OffsetDateTime.now())) {
        return Future.failedFuture(expired());
      }
      return refreshTokens.markUsed(tx, hash).map(x -> (RefreshTokenRepository.StoredToken) null)
          .map(x -> new RefreshTokenRepository.StoredToken(t.familyId(), t.userId(), t.expiresAt(), null, null));
    })).compose(t -> {
      if (t.usedAt() != null || t.revokedAt() != null) {
        log.warn("Refresh token reused for user {}: revoking session {}", t.userId(), t.familyId());
        return db.inTransaction(tx -> refreshTokens.revokeFamily(tx, t.familyId()))
            .compose(x -> revocations.revokeSession(t.familyId().toString()))
            .compose(x -> Future.failedFuture(new DomainError.Unauthenticated(
                "Phiên đăng nhập đã bị thu hồi vì mã làm mới bị dùng lại"
                    + " / the session was revoked because a refresh token was reused")));
      }
      return users.findByIdForAuth(db.pool(), t.userId()).compose(user -> {
        if (user.isEmpty() || user.get().disabled()) {
          return Future.failedFuture(expired());
        }
        return startSession(tokens, user.get(), t.familyId());
      });
    });
  }

  /** Ends this log-in on every node: its refresh tokens and its access tokens stop working. */
  public Future<Void> logout(Principal p) {
    UUID family = UUID.fromString(p.sessionId());
    return db.inTransaction(tx -> refreshTokens.revokeFamily(tx, family))
        .compose(x -> revocations.revokeSession(p.sessionId()));
  }

  /** Every session of this user ends now, cluster-wide (used when an account is disabled). */
  public Future<Void> revokeUser(long userId) {
    return db.inTransaction(tx -> refreshTokens.revokeUser(tx, userId))
        .compose(x -> revocations.revokeUser(userId));
  }

  private Future<Session> startSession(TokenService tokens, UserAccount user, UUID family) {
    String refresh = randomToken();
    return tenants.byId(user.tenantId()).compose((Tenant tenant) ->
        db.inTransaction(tx -> refreshTokens.insert(tx, sha256(refresh), family, user.id(), refreshTtl.toSeconds()))
            .map(x -> new Session(tokens.issue(user, tenant.code(), family.toString()), refresh,
                tokens.ttl().toSeconds(), refreshTtl.toSeconds(), user, tenant.code(), tenant.name(),
                family.toString())));
  }

  private static DomainError expired() {
    return new DomainError.Unauthenticated(
        "Phiên đăng nhập đã hết hạn, hãy đăng nhập lại / the session has expired, sign in again");
  }

  private static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
