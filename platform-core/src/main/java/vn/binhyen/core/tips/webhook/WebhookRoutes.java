package vn.binhyen.core.tips.webhook;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tips.NewTip;
import vn.binhyen.core.tips.TipService;

/**
 * {@code /webhooks/facebook} and {@code /webhooks/zalo}: the receiving channel is found from the
 * payload, the signature is checked over the raw bytes with that channel's secret, the platform
 * gets its 200 at once, and the messages become tips afterwards (a redelivery is the same tip).
 * Unsigned or wrongly signed requests get 401 and change nothing.
 */
public final class WebhookRoutes {

  private static final Logger log = LoggerFactory.getLogger(WebhookRoutes.class);

  private final Services services;
  private final TipService tips;
  private final WebhookSecretService secrets;
  private final Signatures signatures;
  private final MediaFetcher media;
  private final int maxAttachments;
  private final ChannelRepository channels = new ChannelRepository();

  public WebhookRoutes(Services services, TipService tips, WebhookSecretService secrets, Signatures signatures,
      MediaFetcher media, int maxAttachments) {
    this.media = media;
    this.maxAttachments = maxAttachments;
    this.services = services;
    this.tips = tips;
    this.secrets = secrets;
    this.signatures = signatures;
  }

  public void mount(Router router) {
    router.get("/webhooks/facebook").handler(this::facebookSubscribe);
    router.post("/webhooks/facebook").handler(this::facebook);
    router.post("/webhooks/zalo").handler(this::zalo);
  }

  private void facebookSubscribe(RoutingContext ctx) {
    var req = ctx.request();
    String challenge = req.getParam("hub.challenge");
    if (!"subscribe".equals(req.getParam("hub.mode")) || challenge == null || challenge.length() > 200) {
      ctx.fail(new DomainError.Forbidden("subscription refused"));
      return;
    }
    secrets.verifyTokenKnown(req.getParam("hub.verify_token")).onSuccess(known -> {
      if (known) {
        ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(challenge);
      } else {
        ctx.fail(new DomainError.Forbidden("subscription refused: wrong verify token"));
      }
    }).onFailure(ctx::fail);
  }

  private void facebook(RoutingContext ctx) {
    byte[] raw = raw(ctx);
    String header = ctx.request().getHeader("X-Hub-Signature-256");
    JsonObject body = parse(raw);
    if (body == null || header == null) {
      ctx.fail(unsigned());
      return;
    }
    Set<String> pageIds = new LinkedHashSet<>();
    body.getJsonArray("entry", new JsonArray()).forEach(e -> {
      if (e instanceof JsonObject entry && entry.getValue("id") != null) {
        pageIds.add(entry.getValue("id").toString());
      }
    });
    if (pageIds.isEmpty()) {
      ctx.fail(unsigned());
      return;
    }
    // Every page named in the delivery must be ours and the signature valid under its secret.
    List<Future<Channel>> checks = new ArrayList<>();
    for (String pageId : pageIds) {
      checks.add(channel(pageId, Platform.FACEBOOK_PAGE).compose(c -> secrets.load(c).map(s -> {
        if (s.isEmpty() || !Signatures.facebookValid(raw, header, s.get().secret())) {
          throw unsigned();
        }
        return c;
      })));
    }
    Future.all(checks).onSuccess(all -> {
      ok(ctx);
      List<Channel> list = all.list();
      for (int i = 0; i < list.size(); i++) {
        processFacebook(body, list.get(i), pageIds.toArray(String[]::new)[i]);
      }
    }).onFailure(e -> ctx.fail(e instanceof DomainError ? e : unsigned()));
  }

  private void processFacebook(JsonObject body, Channel channel, String pageId) {
    for (Object e : body.getJsonArray("entry", new JsonArray())) {
      if (!(e instanceof JsonObject entry) || !pageId.equals(String.valueOf(entry.getValue("id")))) {
        continue;
      }
      for (Object m : entry.getJsonArray("messaging", new JsonArray())) {
        if (!(m instanceof JsonObject messaging) || messaging.getJsonObject("message") == null) {
          continue;
        }
        JsonObject message = messaging.getJsonObject("message");
        if (message.getBoolean("is_echo", false) || message.getString("mid") == null) {
          continue;
        }
        String sender = Optional.ofNullable(messaging.getJsonObject("sender")).map(s -> String.valueOf(s.getValue("id"))).orElse(null);
        process(channel, "facebook", message.getString("mid"), message.getString("text"), sender,
            urls(message.getJsonArray("attachments")));
      }
    }
  }

  private void zalo(RoutingContext ctx) {
    byte[] raw = raw(ctx);
    String header = ctx.request().getHeader("X-ZEvent-Signature");
    JsonObject body = parse(raw);
    if (body == null || header == null) {
      ctx.fail(unsigned());
      return;
    }
    String event = body.getString("event_name", "");
    JsonObject recipient = body.getJsonObject("recipient", new JsonObject());
    JsonObject sender = body.getJsonObject("sender", new JsonObject());
    // For user_* events the OA is the recipient; for receipts it is the sender.
    String oaId = String.valueOf((event.startsWith("user_send") || event.startsWith("anonymous_send")
        ? recipient : sender).getValue("id"));
    String appId = String.valueOf(body.getValue("app_id"));
    String timestamp = String.valueOf(body.getValue("timestamp"));
    channel(oaId, Platform.ZALO_OA).compose(c -> secrets.load(c).map(s -> {
      if (s.isEmpty() || !appId.equals(s.get().appId())
          || !signatures.zaloValid(raw, header, appId, timestamp, s.get().secret())) {
        throw unsigned();
      }
      return c;
    })).onSuccess(c -> {
      ok(ctx);
      JsonObject message = body.getJsonObject("message", new JsonObject());
      if ((event.startsWith("user_send_") || event.equals("anonymous_send_text")) && message.getString("msg_id") != null) {
        process(c, "zalo", message.getString("msg_id"), message.getString("text"),
            String.valueOf(sender.getValue("id")), urls(message.getJsonArray("attachments")));
      }
    }).onFailure(e -> ctx.fail(e instanceof DomainError ? e : unsigned()));
  }

  /** After the 200: one message becomes one tip of the channel's unit; a redelivery is skipped. */
  private void process(Channel channel, String source, String messageId, String text, String account, List<String> urls) {
    String body = text == null || text.isBlank() ? "(tệp đính kèm / attachment)" : text;
    // The platform's links expire: fetch what may be fetched (up to the attachment limit) into
    // the store; the rest stays on the tip as links.
    List<String> fetch = urls.subList(0, Math.min(urls.size(), maxAttachments));
    List<String> beyond = urls.subList(fetch.size(), urls.size());
    tips.alreadyReceived(source, messageId)
        .compose(seen -> seen ? Future.succeededFuture() : media.fetchAll(fetch).compose(fetched ->
            services.tenantDirectory().byId(channel.tenantId())
                .compose(unit -> tips.receive(unit, new NewTip(unit.code(), "other", body, null, null, null, account,
                    source, messageId, fetched.files(), concat(fetched.links(), beyond)), null))
                .eventually(() -> media.discard(fetched))).mapEmpty())
        .onFailure(e -> {
          if (e instanceof DomainError.Conflict) {
            return; // the same message delivered twice at once: the unique key kept one
          }
          log.warn("Webhook {} message {} for channel {} not received: {}", source, messageId, channel.id(), e.toString());
        });
  }

  private Future<Channel> channel(String platformId, Platform platform) {
    String normalized;
    try {
      normalized = ChannelLinks.normalize(platformId, platform).normalizedId();
    } catch (DomainError e) {
      return Future.failedFuture(unsigned());
    }
    return channels.findByNormalizedId(services.db().pool(), normalized).map(found -> found
        .filter(c -> c.status() == ChannelStatus.VERIFIED)
        .orElseThrow(WebhookRoutes::unsigned));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<String> urls(JsonArray attachments) {
    List<String> out = new ArrayList<>();
    if (attachments == null) {
      return out;
    }
    for (Object a : attachments) {
      if (a instanceof JsonObject o && o.getJsonObject("payload") != null && o.getJsonObject("payload").getString("url") != null
          && List.of("image", "video", "audio").contains(o.getString("type"))) {
        String url = o.getJsonObject("payload").getString("url");
        if (url.length() <= 2000) {
          out.add(url);
        }
      }
    }
    return out;
  }

  private static byte[] raw(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
  }

  private static JsonObject parse(byte[] raw) {
    try {
      return raw.length == 0 ? null : new JsonObject(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static void ok(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("EVENT_RECEIVED");
  }

  private static DomainError unsigned() {
    return new DomainError.Unauthenticated("Chữ ký webhook không hợp lệ / invalid webhook signature");
  }
}
