package vn.binhyen.core.tips;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.crypto.AeadKey;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.outbox.Outbox;
import vn.binhyen.core.platform.MessengerClient;
import vn.binhyen.core.platform.PlatformClients;
import vn.binhyen.core.platform.SendResult;
import vn.binhyen.core.platform.ZaloOaClient;
import vn.binhyen.core.tips.attachments.AttachmentStore;
import vn.binhyen.core.tips.webhook.WebhookSecretService;

/**
 * Sends officers' replies to tips that came from Zalo or Messenger back into the citizen's
 * conversation, as outbox work of topic {@link #TOPIC} (payload: the reply event's id, its
 * idempotency key). The delivery row is locked while sending and only a queued reply is sent, so
 * a row delivered twice sends once. Outside the platform's window the reply is held until the
 * citizen writes again; a rate-limit answer fails the handler (the outbox retries with backoff);
 * an invalid token or another refusal marks it failed, with the platform's reason.
 */
final class ReplySender {

  static final String TOPIC = "tips.reply";

  private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

  private final Services services;
  private final ReplyRepository repo;
  private final IdentitySeal seal;
  private final WebhookSecretService secrets;
  private final AeadKey textKey;
  private final AttachmentStore store;

  ReplySender(Services services, ReplyRepository repo, IdentitySeal seal, WebhookSecretService secrets,
      AttachmentStore store) {
    this.services = services;
    this.store = store;
    this.repo = repo;
    this.seal = seal;
    this.secrets = secrets;
    this.textKey = services.masterKey().derive("reply-text");
  }

  void register(Outbox outbox) {
    outbox.handle(TOPIC, this::deliver);
  }

  /** Adds the outbox work of these replies to {@code tx} (queued rows of {@code tip_reply_delivery}). */
  Future<Void> enqueue(SqlClient tx, String tipPath, List<Long> eventIds) {
    Future<Void> chain = Future.succeededFuture();
    for (long id : eventIds) {
      chain = chain.compose(x -> services.outbox().add(tx, TOPIC, payload(tipPath, id)));
    }
    return chain;
  }

  /** Adds the outbox work of one reply whose text is sent as {@code text} (sealed in the row), not as kept. */
  Future<Void> enqueueText(SqlClient tx, String tipPath, long eventId, String text) {
    String sealed = Base64.getEncoder().encodeToString(textKey.seal(text.getBytes(StandardCharsets.UTF_8), aad(eventId)));
    return services.outbox().add(tx, TOPIC, payload(tipPath, eventId).put("text", sealed));
  }

  private static byte[] aad(long eventId) {
    return (TOPIC + ":" + eventId).getBytes(StandardCharsets.UTF_8);
  }

  // The reply is read in the scope of the tip's country (its root unit): a tip forwarded to
  // another branch after the reply is still found.
  private static JsonObject payload(String tipPath, long eventId) {
    int cut = tipPath.indexOf('/');
    return new JsonObject().put("event", eventId).put("scope", cut < 0 ? tipPath : tipPath.substring(0, cut));
  }

  private Future<Void> deliver(JsonObject payload) {
    long eventId = payload.getLong("event");
    String scope = payload.getString("scope");
    String sealedText = text(payload, eventId);
    // A Messenger reply with a photo is two messages: the text is committed as sent in a first
    // step, so that a retry after the photo's failure sends only the photo.
    return step(scope, eventId, sealedText)
        .compose(more -> more ? step(scope, eventId, sealedText).<Void>mapEmpty() : Future.<Void>succeededFuture());
  }

  /** One transaction: claims the reply if still queued and sends what is left of it; true when its photo remains. */
  private Future<Boolean> step(String scope, long eventId, String sealedText) {
    return services.db().inScope(scope, tx -> repo.claim(tx, eventId)
        .compose(found -> found.isEmpty() ? Future.succeededFuture(false) : send(tx, scope, found.get(), sealedText)));
  }

  private String text(JsonObject payload, long eventId) {
    String sealed = payload.getString("text");
    return sealed == null ? null
        : new String(textKey.open(Base64.getDecoder().decode(sealed), aad(eventId)), StandardCharsets.UTF_8);
  }

  private Future<Boolean> send(SqlClient tx, String scope, ReplyRepository.Pending r, String sealedText) {
    String text = sealedText != null ? sealedText : r.text();
    if (r.accessTokenSealed() == null || r.channelId() == null) {
      return repo.mark(tx, r.eventId(), "failed", null, "no-access-token", null).map(false);
    }
    Duration since = Duration.between(r.citizenLastAt(), OffsetDateTime.now(ZoneOffset.UTC));
    Duration window = "zalo".equals(r.source()) ? ZaloOaClient.CONSULTATION_WINDOW : MessengerClient.HUMAN_AGENT_WINDOW;
    if (since.compareTo(window) >= 0) {
      // Past the longest window the platform allows: the platform would refuse it, so it is not asked.
      return repo.mark(tx, r.eventId(), "held", null, "outside-window", null).map(false);
    }
    String token = secrets.openAccessToken(r.channelId(), r.accessTokenSealed());
    String recipient = seal.open(r.keyTenant(), r.receipt(), "account", r.accountSealed());
    PlatformClients clients = services.get(PlatformClients.class);
    ReplyRepository.Image image = r.image();
    boolean textFirst = "facebook".equals(r.source()) && image != null && r.textMessageId() == null
        && text != null && !text.isBlank();
    if (textFirst) {
      return withRefresh(scope, r, token, t -> clients.messenger().sendText(t, recipient, text, since))
          .compose(result -> result instanceof SendResult.Sent s
              ? repo.textSent(tx, r.eventId(), s.messageId()).map(true)
              : record(tx, r, result).map(false));
    }
    Function<String, Future<SendResult>> call = switch (r.source()) {
      case "zalo" -> image == null ? t -> clients.zalo().sendText(t, recipient, text)
          : t -> photo(image).compose(bytes -> clients.zalo().uploadImage(t, image.mediaType(), bytes))
              .compose(up -> up instanceof SendResult.Sent u
                  ? clients.zalo().sendImage(t, recipient, text, u.messageId()) : Future.succeededFuture(up));
      case "facebook" -> image == null ? t -> clients.messenger().sendText(t, recipient, text, since)
          : t -> photo(image).compose(bytes -> clients.messenger().uploadImage(t, image.mediaType(), bytes))
              .compose(up -> up instanceof SendResult.Sent u
                  ? clients.messenger().sendImage(t, recipient, u.messageId(), since) : Future.succeededFuture(up));
      default -> t -> Future.failedFuture(new IllegalStateException("no platform for source " + r.source()));
    };
    return withRefresh(scope, r, token, call).compose(result -> record(tx, r, result)).map(false);
  }

  /**
   * Makes the call with {@code token}; when Zalo answers that the OA access token is invalid or
   * expired, gets a new one through Zalo's refresh flow (stored before it is used) and makes the
   * call once more. Messenger's page tokens have no refresh flow: an officer sets a new one.
   */
  private Future<SendResult> withRefresh(String scope, ReplyRepository.Pending r, String token,
      Function<String, Future<SendResult>> call) {
    return call.apply(token).compose(result -> {
      if (!(result instanceof SendResult.InvalidToken) || !"zalo".equals(r.source())) {
        return Future.succeededFuture(result);
      }
      return secrets.refreshedAccessToken(scope, r.channelId(), token)
          .compose(fresh -> fresh == null || fresh.equals(token) ? Future.succeededFuture(result) : call.apply(fresh));
    });
  }

  private Future<io.vertx.core.buffer.Buffer> photo(ReplyRepository.Image image) {
    return store.get(image.sha256());
  }

  private Future<Void> record(SqlClient tx, ReplyRepository.Pending r, SendResult result) {
    if (result instanceof SendResult.Sent s) {
      return repo.mark(tx, r.eventId(), "sent", s.messageId(), null, null);
    }
    if (result instanceof SendResult.OutsideWindow w) {
      return repo.mark(tx, r.eventId(), "held", null, "outside-window", error(w.code(), w.message()));
    }
    if (result instanceof SendResult.InvalidToken t) {
      return refused(tx, r, "invalid-token", t.code(), t.message());
    }
    if (result instanceof SendResult.RateLimited l) {
      // Rolls the transaction back: the reply stays queued and the outbox tries again with backoff.
      return Future.failedFuture(new IllegalStateException(r.source() + " rate limit (" + l.code() + "): " + l.message()));
    }
    SendResult.Refused f = (SendResult.Refused) result;
    return refused(tx, r, "refused", f.code(), f.message());
  }

  private Future<Void> refused(SqlClient tx, ReplyRepository.Pending r, String reason, int code, String message) {
    log.warn("Reply {} to tip {} through {} refused: {} {}", r.eventId(), r.tipId(), r.source(), code, message);
    return repo.mark(tx, r.eventId(), "failed", null, reason, error(code, message));
  }

  private static String error(int code, String message) {
    String text = code + ": " + message;
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
