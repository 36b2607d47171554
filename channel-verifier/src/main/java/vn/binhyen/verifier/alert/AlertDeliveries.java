package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.access.Action;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelFollowers;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.crypto.AeadKey;
import vn.binhyen.core.text.Bilingual;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.outbox.Outbox;
import vn.binhyen.core.platform.PlatformClients;
import vn.binhyen.core.platform.SendResult;
import vn.binhyen.core.platform.ZaloArticleClient;
import vn.binhyen.core.platform.ZaloOAuthClient;
import vn.binhyen.core.tenant.Tenant;

/**
 * Delivery of alerts to the official channels in scope (docs/alerts.md, "Delivery"). Issuing
 * writes one {@code alert_delivery} row per verified channel in the issuing transaction and, for
 * Facebook pages and Zalo OAs, outbox work of topic {@link #TOPIC} (payload: the delivery's id and
 * its channel's scope). The handler locks the row and sends only a queued one, so work delivered
 * twice posts once; a rate-limit answer or a transport failure is recorded as an attempt and
 * retried with the outbox's backoff, up to {@link AlertDeliverySettings#maxAttempts}; a refusal or
 * an invalid token (after Zalo's refresh flow, for an OA) is final, with the platform's words.
 */
public final class AlertDeliveries {

  static final String TOPIC = "alerts.deliver";
  /** Most deliveries one listing returns. */
  public static final int MAX_LIST = 500;

  private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);

  /** A failed attempt to record before the outbox tries again. */
  static final class RetryLater extends RuntimeException {
    final String articleId;

    RetryLater(String message, String articleId) {
      super(message, null, false, false);
      this.articleId = articleId;
    }
  }

  /** A channel's secrets in clear (never logged, never answered). */
  record Secrets(String accessToken, String refreshToken, String appId, String appSecret) {
    JsonObject json() {
      return new JsonObject().put("accessToken", accessToken).put("refreshToken", refreshToken).put("appId", appId)
          .put("appSecret", appSecret);
    }

    static Secrets of(JsonObject o) {
      return new Secrets(o.getString("accessToken"), o.getString("refreshToken"), o.getString("appId"),
          o.getString("appSecret"));
    }
  }

  /** What a unit admin sets for one channel. */
  public record CredentialInput(String targetId, String accessToken, String refreshToken, String appId,
      String appSecret, Integer expiresInSeconds) {}

  private final Services services;
  private final AlertDeliverySettings settings;
  private final String publicUrl;
  private final AlertDeliveryRepository repo = new AlertDeliveryRepository();
  private final AlertRepository alerts = new AlertRepository();
  private final ChannelRepository channels = new ChannelRepository();

  public AlertDeliveries(Services services, AlertDeliverySettings settings) {
    this.services = services;
    this.settings = settings;
    this.publicUrl = services.config().publicUrl();
  }

  public void register(Outbox outbox) {
    outbox.handle(TOPIC, this::deliver);
  }

  /** Queues the alert's deliveries in {@code tx} (the issuing transaction); answers how many. */
  Future<Integer> enqueue(SqlClient tx, Alert a) {
    return repo.enqueue(tx, a.id(), a.scopePaths(), a.tenantPath()).compose(rows -> work(tx, rows).map(rows.size()));
  }

  /** Outbox work for each API delivery of {@code rows}, in {@code tx}. */
  private Future<Void> work(SqlClient tx, List<AlertDeliveryRepository.Enqueued> rows) {
    Future<Void> chain = Future.succeededFuture();
    for (AlertDeliveryRepository.Enqueued row : rows) {
      if ("api".equals(row.mode())) {
        chain = chain.compose(x -> services.outbox().add(tx, TOPIC,
            new JsonObject().put("delivery", row.id()).put("scope", row.tenantPath())));
      }
    }
    return chain;
  }

  /** Cancels the alert's deliveries not sent or posted yet, in {@code tx} (the cancellation's). */
  Future<Integer> cancelPending(SqlClient tx, String alertId) {
    return repo.cancelPending(tx, alertId);
  }

  /** The text posted (and given to paste): the alert, who issued it, and its verification link. */
  static String text(Alert a, String link) {
    return "⚠ " + a.title() + "\n\n" + a.body() + "\n\n" + a.tenantName() + ". Xác minh cảnh báo này tại: " + link;
  }

  String link(String alertId) {
    return publicUrl + "/alerts/" + alertId;
  }

  // ---- the outbox work

  private Future<Void> deliver(JsonObject payload) {
    long id = payload.getLong("delivery");
    String scope = payload.getString("scope");
    return services.db().inScope(scope, tx -> repo.claim(tx, id)
            .compose(found -> found.isEmpty() ? Future.<Void>succeededFuture() : send(tx, found.get())))
        .recover(e -> {
          RetryLater r = e instanceof RetryLater rl ? rl : new RetryLater("no answer: " + e.getMessage(), null);
          return services.db().inScope(scope, tx -> repo.retry(tx, id, cut(r.getMessage()), r.articleId,
                  settings.maxAttempts()))
              .compose(again -> again ? Future.<Void>failedFuture(r) : gaveUp(id, r));
        });
  }

  private Future<Void> gaveUp(long id, RetryLater r) {
    log.warn("Alert delivery {} failed after {} attempts: {}", id, settings.maxAttempts(), r.getMessage());
    return Future.succeededFuture();
  }

  private Future<Void> send(SqlClient tx, AlertDeliveryRepository.Claimed d) {
    return alerts.byId(tx, d.alertId()).compose(found -> {
      Alert a = found.orElseThrow();
      if (a.state(Instant.now()) != Alert.State.ACTIVE) {
        return repo.failed(tx, d.id(), "expired", "Cảnh báo đã hết hiệu lực trước khi gửi được");
      }
      return repo.credential(tx, d.channelId(), false).compose(cred -> {
        if (cred.isEmpty()) {
          return repo.failed(tx, d.id(), "no-credentials", "Kênh chưa có khóa truy cập để đăng cảnh báo");
        }
        Secrets s = open(cred.get());
        PlatformClients clients = services.get(PlatformClients.class);
        if (Platform.FACEBOOK_PAGE.id().equals(d.platform())) {
          // With images, a photo post of the first (its caption holds the text and the link).
          Future<SendResult> post = a.images().isEmpty()
              ? clients.pages().postToFeed(s.accessToken(), cred.get().targetId(), text(a, link(a.id())), link(a.id()))
              : clients.pages().postPhoto(s.accessToken(), cred.get().targetId(), text(a, link(a.id())), firstImage(a));
          return post.compose(r -> record(tx, d, r, null, "Facebook"));
        }
        return zalo(d, cred.get(), s, a, s.accessToken(), true).compose(o -> record(tx, d, o.result(), o.articleId(), "Zalo"));
      });
    });
  }

  /** The public address of the alert's first image (the platforms fetch it from there). */
  private String firstImage(Alert a) {
    return publicUrl + AlertCheck.imagePath(a.id(), 1);
  }

  private record Outcome(SendResult result, String articleId) {}

  /** Creates the article (once: kept across retries) and broadcasts it; one refresh on an invalid token. */
  private Future<Outcome> zalo(AlertDeliveryRepository.Claimed d, AlertDeliveryRepository.Credential cred, Secrets s,
      Alert a, String token, boolean mayRefresh) {
    ZaloArticleClient z = services.get(PlatformClients.class).zaloArticles();
    Future<SendResult> article = d.articleId() != null ? Future.succeededFuture(new SendResult.Sent(d.articleId()))
        : z.createArticle(token, new ZaloArticleClient.Article(a.title(), a.tenantName(), a.body(),
            a.body() + "\n\nXác minh cảnh báo này tại: " + link(a.id()),
            a.images().isEmpty() ? publicUrl + "/static/icons/icon-512.png" : firstImage(a)));
    return article.compose(created -> {
      if (!(created instanceof SendResult.Sent art)) {
        return Future.succeededFuture(new Outcome(created, null));
      }
      return z.broadcastArticle(token, art.messageId()).map(sent -> new Outcome(sent, art.messageId()));
    }).compose(o -> {
      if (o.result() instanceof SendResult.InvalidToken && mayRefresh && s.refreshToken() != null && s.appId() != null) {
        return refreshed(cred, token).compose(fresh -> fresh == null ? Future.succeededFuture(o)
            : zalo(withArticle(d, o.articleId()), cred, s, a, fresh, false));
      }
      return Future.succeededFuture(o);
    });
  }

  private static AlertDeliveryRepository.Claimed withArticle(AlertDeliveryRepository.Claimed d, String articleId) {
    return articleId == null ? d : new AlertDeliveryRepository.Claimed(d.id(), d.alertId(), d.channelId(),
        d.tenantPath(), d.platform(), articleId, d.attempts());
  }

  /**
   * A fresh OA access token through Zalo's refresh flow, stored at once in its own transaction (a
   * refresh token works once), or null when Zalo refused. The credential row is locked: a delivery
   * that finds it refreshed by another since {@code used} takes the stored token instead.
   */
  private Future<String> refreshed(AlertDeliveryRepository.Credential cred, String used) {
    ZaloOAuthClient oauth = services.get(PlatformClients.class).zaloOAuth(settings.zaloOAuthUrl());
    return services.db().inScope(cred.tenantPath(), tx -> repo.credential(tx, cred.channelId(), true).compose(now -> {
      Secrets current = open(now.orElseThrow());
      if (!used.equals(current.accessToken())) {
        return Future.succeededFuture(current.accessToken());
      }
      return oauth.refresh(current.appId(), current.appSecret(), current.refreshToken()).compose(r -> {
        if (r instanceof ZaloOAuthClient.Refresh.Tokens t) {
          Secrets next = new Secrets(t.accessToken(), t.refreshToken(), current.appId(), current.appSecret());
          log.info("Zalo OA access token of channel {} refreshed", cred.channelId());
          return repo.updateSealed(tx, cred.channelId(), seal(cred.channelId(), next),
              Instant.now().plusSeconds(t.expiresInSeconds())).map(t.accessToken());
        }
        ZaloOAuthClient.Refresh.Refused no = (ZaloOAuthClient.Refresh.Refused) r;
        log.warn("Zalo refused to refresh the access token of channel {}: {} {}", cred.channelId(), no.code(), no.message());
        return Future.<String>succeededFuture(null);
      });
    }));
  }

  private Future<Void> record(SqlClient tx, AlertDeliveryRepository.Claimed d, SendResult r, String articleId,
      String platform) {
    if (r instanceof SendResult.Sent s) {
      return repo.sent(tx, d.id(), s.messageId(), articleId);
    }
    if (r instanceof SendResult.RateLimited l) {
      // Rolls the transaction back; deliver() records the attempt (and the article) and the outbox retries.
      return Future.failedFuture(new RetryLater(platform + " giới hạn tần suất (" + l.code() + "): " + l.message(),
          articleId));
    }
    if (r instanceof SendResult.InvalidToken t) {
      return failed(tx, d, "invalid-token", platform, t.code(), t.message());
    }
    if (r instanceof SendResult.Refused f) {
      return failed(tx, d, "refused", platform, f.code(), f.message());
    }
    SendResult.OutsideWindow w = (SendResult.OutsideWindow) r;
    return failed(tx, d, "refused", platform, w.code(), w.message());
  }

  private Future<Void> failed(SqlClient tx, AlertDeliveryRepository.Claimed d, String reason, String platform, int code,
      String message) {
    log.warn("Alert {} to channel {} refused by {}: {} {}", d.alertId(), d.channelId(), platform, code, message);
    return repo.failed(tx, d.id(), reason, cut(platform + " từ chối (" + code + "): " + message));
  }

  // ---- staff operations

  /**
   * Stores (replacing) the credentials that post alerts on one of {@code unit}'s Facebook pages or
   * Zalo OAs, sealed, and queues again the channel's deliveries that found it not connected, for
   * alerts still in force. MANAGE on the unit was checked by the scope handler.
   *
   * @throws DomainError.NotFound when the unit has no such channel
   * @throws DomainError.Invalid {@code alert-credentials-platform} for another platform,
   *     {@code alert-credentials-zalo-app} for a Zalo refresh token without the app's id and secret
   */
  public Future<Void> setCredentials(Principal p, Tenant unit, long channelId, CredentialInput in, String requestId) {
    services.policy().check(p, unit.path(), Action.MANAGE);
    return services.db().inScope(unit.path(), tx -> channels.findById(tx, channelId).compose(found -> {
      Channel c = found.filter(ch -> ch.tenantId() == unit.id()).orElseThrow(() -> new DomainError.NotFound(
          "Đơn vị " + unit.name() + " không có trang/nhóm này / unit " + unit.code() + " has no channel " + channelId));
      if (c.platform() != Platform.FACEBOOK_PAGE && c.platform() != Platform.ZALO_OA) {
        throw new DomainError.Invalid("alert-credentials-platform", new Bilingual(
            "Chỉ trang Facebook và Zalo OA đăng cảnh báo qua API; nhóm cộng đồng được đăng thủ công.",
            "Only Facebook pages and Zalo OAs post alerts through an API; community groups are posted by hand."));
      }
      boolean zalo = c.platform() == Platform.ZALO_OA;
      if (zalo && in.refreshToken() != null && (blank(in.appId()) || blank(in.appSecret()))) {
        throw new DomainError.Invalid("alert-credentials-zalo-app", new Bilingual(
            "Làm mới mã truy cập Zalo cần app id và khóa bí mật của ứng dụng.",
            "Refreshing a Zalo access token needs the app's id and secret key."));
      }
      Secrets s = new Secrets(in.accessToken(), zalo ? in.refreshToken() : null, zalo ? in.appId() : null,
          zalo ? in.appSecret() : null);
      Instant expires = in.expiresInSeconds() == null ? null : Instant.now().plusSeconds(in.expiresInSeconds());
      return repo.upsertCredential(tx, new AlertDeliveryRepository.Credential(c.id(), c.tenantPath(),
              c.platform().id(), in.targetId(), seal(c.id(), s), expires), p.username())
          .compose(x -> repo.requeueUnconnected(tx, c.id()))
          .compose(again -> work(tx, again).compose(x -> services.audit().append(tx, new AuditEntry(p.userId(),
              p.username(), c.tenantPath(), "alert.credentials.set", "channel:" + c.id(), null, new JsonObject()
                  .put("targetId", in.targetId()).put("refresh", s.refreshToken() != null).put("requeued", again.size()),
              requestId))));
    })).onSuccess(x -> services.outbox().kick());
  }

  /**
   * A ward officer has pasted the alert into a community group ({@code postLink}: the post, if
   * given). OPERATE on the unit was checked by the scope handler.
   *
   * @throws DomainError.Conflict {@code alert-delivery-not-ready} unless it is one of the unit's
   *     manual deliveries still ready to post
   */
  public Future<AlertDelivery> markPosted(Principal p, Tenant unit, long deliveryId, String postLink) {
    services.policy().check(p, unit.path(), Action.OPERATE);
    return services.db().inScope(unit.path(), tx -> repo.posted(tx, deliveryId, unit.path(), p.username(), postLink)
        .compose(done -> {
          if (!done) {
            throw new DomainError.Conflict("alert-delivery-not-ready", new Bilingual(
                "Cảnh báo này không chờ đăng thủ công ở đơn vị " + unit.name() + ".",
                "This delivery is not waiting to be posted by hand at unit " + unit.code() + "."));
          }
          return services.audit().append(tx, new AuditEntry(p.userId(), p.username(), unit.path(), "alert.posted",
              "alert-delivery:" + deliveryId, null, new JsonObject().put("link", postLink), null));
        })
        .compose(x -> repo.byId(tx, deliveryId)).map(o -> o.orElseThrow()));
  }

  /** The deliveries to the channels of the unit and its subtree, newest first. */
  public Future<List<AlertDelivery>> forUnit(Tenant unit, int limit) {
    return services.db().inScope(unit.path(), tx -> repo.forUnit(tx, unit.path(), Math.min(limit, MAX_LIST)));
  }

  /**
   * The deliveries of one alert, seen from {@code unit}'s scope (the issuer sees them all).
   *
   * @throws DomainError.NotFound for an unknown alert
   */
  public Future<List<AlertDelivery>> forAlert(Tenant unit, String alertId, int limit) {
    return services.db().inScope(unit.path(), tx -> alerts.byId(tx, alertId).compose(found -> {
      found.orElseThrow(() -> new DomainError.NotFound("Không có cảnh báo " + alertId + " / no alert " + alertId));
      return repo.forAlert(tx, alertId, Math.min(limit, MAX_LIST));
    }));
  }

  /**
   * For each listed alert, its deliveries to channels inside {@code unit}'s subtree counted by
   * state ({@code queued}, {@code sent}, {@code failed}, {@code not-connected}, {@code ready},
   * {@code posted}, {@code cancelled}); alerts without any are absent.
   */
  public Future<Map<String, Map<String, Long>>> summaries(Tenant unit, List<String> alertIds) {
    if (alertIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return services.db().inScope(unit.path(), tx -> repo.summary(tx, alertIds, unit.path()));
  }

  /**
   * The figures of the unit's subtree, one row per child that has any ('' for the unit itself),
   * and the followers reached by child: for each alert that reached a channel, the followers its
   * unit reported for it (null when no module offers {@link ChannelFollowers}).
   */
  Future<Figures> figures(Tenant unit) {
    Optional<ChannelFollowers> followers = services.find(ChannelFollowers.class);
    return services.db().inScope(unit.path(), tx -> repo.figures(tx, unit.path()).compose(rows -> {
      if (followers.isEmpty()) {
        return Future.succeededFuture(new Figures(rows, null));
      }
      return repo.reached(tx, unit.path()).compose(reached -> followers.get()
          .of(tx, reached.stream().map(AlertDeliveryRepository.Reached::channelId).collect(Collectors.toSet()))
          .map(byChannel -> {
            Map<String, Long> byChild = new HashMap<>();
            reached.forEach(r -> byChild.merge(r.child(), r.deliveries() * byChannel.getOrDefault(r.channelId(), 0L),
                Long::sum));
            return new Figures(rows, byChild);
          }));
    }));
  }

  /** Figures by child, and followers reached by child (null: not known). */
  record Figures(List<AlertDeliveryRepository.Figures> rows, Map<String, Long> followersByChild) {}

  // ---- sealing

  private AeadKey key() {
    return services.masterKey().derive("alert-credentials");
  }

  /** The sealed form of a channel's secrets (package-private: the delivery benchmark seeds credentials with it). */
  byte[] seal(long channelId, Secrets s) {
    return key().seal(s.json().encode().getBytes(StandardCharsets.UTF_8), aad(channelId));
  }

  private Secrets open(AlertDeliveryRepository.Credential c) {
    return Secrets.of(new JsonObject(new String(key().open(c.sealed(), aad(c.channelId())), StandardCharsets.UTF_8)));
  }

  private static byte[] aad(long channelId) {
    return ("alert-credential:channel:" + channelId).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String cut(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }
}
