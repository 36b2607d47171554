package vn.binhyen.core.tips.webhook;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;

/**
 * Per-channel webhook secrets (Facebook app secret and subscription token, Zalo OA secret key and
 * app id), sealed with a key derived from the master key, bound to the channel id.
 */
public final class WebhookSecretService {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookSecretService.class);

  private static final String UPSERT = """
      INSERT INTO channel_webhook_secret (channel_id, tenant_path, sealed, verify_token_hash, access_token_sealed,
             refresh_sealed)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (channel_id) DO UPDATE SET tenant_path = EXCLUDED.tenant_path, sealed = EXCLUDED.sealed,
             verify_token_hash = EXCLUDED.verify_token_hash, access_token_sealed = EXCLUDED.access_token_sealed,
             refresh_sealed = EXCLUDED.refresh_sealed, access_token_expires_at = NULL, updated_at = now()""";
  // The row is locked while Zalo is asked: a refresh token works once, so two nodes must not both spend it.
  private static final String LOCK_TOKENS = """
      SELECT access_token_sealed, refresh_sealed, sealed FROM channel_webhook_secret WHERE channel_id = $1 FOR UPDATE""";
  private static final String STORE_TOKENS = """
      UPDATE channel_webhook_secret SET access_token_sealed = $2, refresh_sealed = $3,
             access_token_expires_at = now() + make_interval(secs => $4), updated_at = now()
       WHERE channel_id = $1""";
  private static final String LOAD = "SELECT sealed FROM channel_webhook_secret WHERE channel_id = $1";
  private static final String TOKEN_KNOWN = "SELECT webhook_verify_token_known($1)";

  private final Services services;
  private final ChannelRepository channels = new ChannelRepository();

  public WebhookSecretService(Services services) {
    this.services = services;
  }

  /**
   * Stores the secrets of one of {@code unit}'s Zalo OA or Facebook page channels (OPERATE on the
   * unit was checked by the scope handler), replacing what was there: the webhook secret, Zalo's
   * app id, Facebook's verify token and the page or OA access token that sends replies (optional;
   * without it replies are kept, not sent) and, for Zalo, the refresh token with the app's secret
   * key that renew an expired access token. Fails with NotFound or Invalid.
   */
  public Future<Void> set(Principal p, Tenant unit, long channelId, String secret, String appId, String verifyToken,
      String accessToken, String refreshToken, String appSecret, String requestId) {
    services.policy().check(p, unit.path(), Action.OPERATE);
    return services.db().inScope(unit.path(), tx -> channels.findById(tx, channelId).compose(found -> {
      Channel c = found.filter(ch -> ch.tenantId() == unit.id())
          .orElseThrow(() -> new DomainError.NotFound("Không có trang/nhóm này / no such channel"));
      if (c.platform() != Platform.FACEBOOK_PAGE && c.platform() != Platform.ZALO_OA) {
        throw new DomainError.Invalid("webhook-platform",
            "Chỉ Zalo OA và trang Facebook có webhook / only Zalo OA and Facebook pages have webhooks");
      }
      if (c.platform() == Platform.ZALO_OA && (appId == null || appId.isBlank())) {
        throw new DomainError.Invalid("webhook-app-id", "Zalo cần app id / Zalo needs the app id");
      }
      byte[] sealed = services.masterKey().derive("webhook-secrets").seal(
          new JsonObject().put("secret", secret).put("appId", appId).encode().getBytes(StandardCharsets.UTF_8),
          aad(channelId));
      boolean refreshes = refreshToken != null && !refreshToken.isBlank();
      if (refreshes && (c.platform() != Platform.ZALO_OA || appSecret == null || appSecret.isBlank())) {
        throw new DomainError.Invalid("webhook-refresh-token", "Mã làm mới chỉ dành cho Zalo OA và cần khóa bí mật của ứng dụng"
            + " / a refresh token is for a Zalo OA only and needs the app's secret key");
      }
      byte[] refresh = refreshes ? sealRefresh(channelId, refreshToken, appSecret) : null;
      byte[] tokenHash = verifyToken == null ? null : sha256(verifyToken);
      byte[] access = accessToken == null || accessToken.isBlank() ? null : services.masterKey().derive("webhook-secrets")
          .seal(accessToken.getBytes(StandardCharsets.UTF_8), accessAad(channelId));
      return tx.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {channelId, c.tenantPath(), sealed, tokenHash, access, refresh}))
          .compose(x -> services.audit().append(tx, new AuditEntry(p.userId(), p.username(), c.tenantPath(),
              "channel.webhook-secret.set", "channel:" + channelId, null, null, requestId)));
    }));
  }

  /** The secrets of a channel, read in its owner's scope. */
  public Future<Optional<WebhookSecrets>> load(Channel c) {
    return services.db().inScope(c.tenantPath(), tx -> tx.preparedQuery(LOAD).execute(Tuple.of(c.id())))
        .map(rows -> {
          var it = rows.iterator();
          if (!it.hasNext()) {
            return Optional.empty();
          }
          byte[] clear = services.masterKey().derive("webhook-secrets").open(it.next().getBuffer(0).getBytes(), aad(c.id()));
          JsonObject o = new JsonObject(new String(clear, StandardCharsets.UTF_8));
          return Optional.of(new WebhookSecrets(c.id(), o.getString("secret"), o.getString("appId")));
        });
  }

  /** Whether any channel subscribed with this Facebook verify token. */
  public Future<Boolean> verifyTokenKnown(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Future.succeededFuture(false);
    }
    return services.db().pool().preparedQuery(TOKEN_KNOWN).execute(Tuple.of(sha256(token)))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** A channel's access token in clear, from {@code channel_webhook_secret.access_token_sealed}. */
  public String openAccessToken(long channelId, byte[] sealed) {
    return new String(services.masterKey().derive("webhook-secrets").open(sealed, accessAad(channelId)),
        StandardCharsets.UTF_8);
  }

  /**
   * A new Zalo OA access token for {@code channelId} after Zalo refused {@code used} as invalid or
   * expired: through Zalo's refresh flow, stored sealed (with the new single-use refresh token) in
   * its own committed transaction in {@code scope} before it is returned; the token another node
   * stored meanwhile if the stored one is no longer {@code used}; null when there is no refresh
   * token or Zalo refused it.
   */
  public Future<String> refreshedAccessToken(String scope, long channelId, String used) {
    var oauth = services.get(vn.binhyen.core.platform.PlatformClients.class).zaloOAuth();
    return services.db().inScope(scope, tx -> tx.preparedQuery(LOCK_TOKENS).execute(Tuple.of(channelId)).compose(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Future.succeededFuture((String) null);
      }
      var row = it.next();
      String current = row.getBuffer(0) == null ? null : openAccessToken(channelId, row.getBuffer(0).getBytes());
      if (current != null && !current.equals(used)) {
        return Future.succeededFuture(current);
      }
      if (row.getBuffer(1) == null) {
        return Future.succeededFuture((String) null);
      }
      JsonObject r = new JsonObject(new String(services.masterKey().derive("webhook-secrets")
          .open(row.getBuffer(1).getBytes(), refreshAad(channelId)), StandardCharsets.UTF_8));
      JsonObject s = new JsonObject(new String(services.masterKey().derive("webhook-secrets")
          .open(row.getBuffer(2).getBytes(), aad(channelId)), StandardCharsets.UTF_8));
      return oauth.refresh(s.getString("appId"), r.getString("appSecret"), r.getString("refreshToken")).compose(answer -> {
        if (answer instanceof vn.binhyen.core.platform.ZaloOAuthClient.Refresh.Tokens t) {
          byte[] access = services.masterKey().derive("webhook-secrets")
              .seal(t.accessToken().getBytes(StandardCharsets.UTF_8), accessAad(channelId));
          log.info("Zalo OA access token of channel {} refreshed for replies", channelId);
          return tx.preparedQuery(STORE_TOKENS).execute(Tuple.of(channelId, access,
                  sealRefresh(channelId, t.refreshToken(), r.getString("appSecret")), (double) t.expiresInSeconds()))
              .map(t.accessToken());
        }
        var no = (vn.binhyen.core.platform.ZaloOAuthClient.Refresh.Refused) answer;
        log.warn("Zalo refused to refresh the access token of channel {}: {} {}", channelId, no.code(), no.message());
        return Future.succeededFuture((String) null);
      });
    }));
  }

  private byte[] sealRefresh(long channelId, String refreshToken, String appSecret) {
    return services.masterKey().derive("webhook-secrets").seal(new JsonObject().put("refreshToken", refreshToken)
        .put("appSecret", appSecret).encode().getBytes(StandardCharsets.UTF_8), refreshAad(channelId));
  }

  private static byte[] refreshAad(long channelId) {
    return ("zalo-oauth:channel:" + channelId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] accessAad(long channelId) {
    return ("access-token:channel:" + channelId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] aad(long channelId) {
    return ("webhook-secret:channel:" + channelId).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
