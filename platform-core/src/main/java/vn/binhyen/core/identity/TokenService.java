package vn.binhyen.core.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.List;
import java.util.UUID;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.error.DomainError;

/**
 * Issues and verifies short-lived EdDSA access tokens (vertx-auth-jwt). One instance per verticle:
 * a JWTAuth verifies one call per key at a time (STACK.md).
 */
public final class TokenService {

  public static final String ISSUER = "binhyen";
  public static final String AUDIENCE = "binhyen-api";

  private final JWTAuth auth;
  private final Duration ttl;
  private final byte[] csrfKey;

  public TokenService(Vertx vertx, JwtKeys keys, Duration ttl) {
    EdDsaProvider.install();
    this.ttl = ttl;
    this.csrfKey = csrfKey(keys);
    this.auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("EdDSA").setBuffer(keys.privatePem()))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("EdDSA").setBuffer(keys.publicPem()))
        .setJWTOptions(new JWTOptions().setAlgorithm("EdDSA").setIssuer(ISSUER)
            .setAudience(List.of(AUDIENCE)).setLeeway(5)));
    selfTest();
  }

  /**
   * A JWTAuth that failed to load its key accepts unsigned tokens (STACK.md): refuse to start
   * unless a token we sign verifies and an {@code alg: none} token does not.
   */
  private void selfTest() {
    String probe;
    try {
      probe = auth.generateToken(new JsonObject().put("sub", "self-test"),
          new JWTOptions().setAlgorithm("EdDSA").setIssuer(ISSUER).setAudience(List.of(AUDIENCE))
              .setExpiresInSeconds(60));
    } catch (RuntimeException e) {
      throw new IllegalStateException("The JWT signing key did not load: " + e.getMessage(), e);
    }
    if (probe == null || probe.split("\\.").length != 3 || probe.endsWith(".")) {
      throw new IllegalStateException("The JWT signing key did not load: tokens come out unsigned");
    }
  }

  /**
   * The web UI's CSRF token for one log-in session: an HMAC of the session id under a key derived
   * from the (sealed, cluster-wide) JWT signing key. Every node computes the same value, and a
   * cookie/header pair chosen by an attacker cannot match a session they do not hold.
   */
  public String csrfToken(String sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      byte[] tag = mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** True when {@code sent} is this session's CSRF token (constant-time comparison). */
  public boolean csrfMatches(String sessionId, String sent) {
    return sessionId != null && sent != null && MessageDigest.isEqual(
        csrfToken(sessionId).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] csrfKey(JwtKeys keys) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("binhyen-csrf-v1\n".getBytes(StandardCharsets.UTF_8));
      return sha.digest(keys.privatePem().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public Duration ttl() {
    return ttl;
  }

  /** A signed access token for this user and log-in session. */
  public String issue(UserAccount user, String tenantCode, String sessionId) {
    JsonObject claims = new JsonObject()
        .put("sub", Long.toString(user.id()))
        .put("usr", user.username())
        .put("name", user.displayName())
        .put("tid", user.tenantId())
        .put("tcode", tenantCode)
        .put("tpath", user.tenantPath())
        .put("roles", new JsonArray().add(user.role().name()))
        .put("sid", sessionId)
        .put("jti", UUID.randomUUID().toString());
    return auth.generateToken(claims, new JWTOptions().setAlgorithm("EdDSA").setIssuer(ISSUER)
        .setAudience(List.of(AUDIENCE)).setExpiresInSeconds((int) ttl.toSeconds()));
  }

  /** Checks signature, algorithm, expiry, issuer and audience; fails with Unauthenticated. */
  public Future<Principal> verify(String token) {
    return auth.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new DomainError.Unauthenticated(
            "Phiên đăng nhập không hợp lệ hoặc đã hết hạn, hãy đăng nhập lại / invalid or expired token")))
        .map(user -> {
          JsonObject c = user.attributes().getJsonObject("accessToken", user.principal());
          try {
            return new Principal(Long.parseLong(c.getString("sub")), c.getString("usr"),
                c.getString("name"), c.getLong("tid"), c.getString("tcode"), c.getString("tpath"),
                Role.valueOf(c.getJsonArray("roles").getString(0)), c.getString("sid"),
                c.getString("jti"), c.getLong("iat", 0L));
          } catch (RuntimeException e) {
            throw new DomainError.Unauthenticated("Token thiếu thông tin / token lacks required claims");
          }
        });
  }
}
