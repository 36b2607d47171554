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

  private static final String UPSERT = """
      INSERT INTO channel_webhook_secret (channel_id, tenant_path, sealed, verify_token_hash, access_token_sealed)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (channel_id) DO UPDATE SET tenant_path = EXCLUDED.tenant_path, sealed = EXCLUDED.sealed,
             verify_token_hash = EXCLUDED.verify_token_hash, access_token_sealed = EXCLUDED.access_token_sealed,
             updated_at = now()""";
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
   * without it replies are kept, not sent). Fails with NotFound or Invalid.
   */
  public Future<Void> set(Principal p, Tenant unit, long channelId, String secret, String appId, String verifyToken,
      String accessToken, String requestId) {
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
      byte[] tokenHash = verifyToken == null ? null : sha256(verifyToken);
      byte[] access = accessToken == null || accessToken.isBlank() ? null : services.masterKey().derive("webhook-secrets")
          .seal(accessToken.getBytes(StandardCharsets.UTF_8), accessAad(channelId));
      return tx.preparedQuery(UPSERT).execute(Tuple.of(channelId, c.tenantPath(), sealed, tokenHash, access))
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
