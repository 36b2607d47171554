package vn.binhyen.core.tips.webhook;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.crypto.AeadKey;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.outbox.Outbox;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tips.NewTip;
import vn.binhyen.core.tips.TipService;

/**
 * The durable webhook inbox. A signed delivery is stored before the platform gets its 200 (an
 * outbox row per receiving channel, its body sealed under a key derived from the master key: the
 * body names the sender); the outbox relay then turns each row into tips, at least once, with
 * retries and backoff. A message already received (platform message id, unique per source) is
 * skipped, so a redelivery by the platform or by the relay is the same tip.
 */
public final class WebhookIntake {

  /** The outbox topic of stored deliveries. */
  public static final String TOPIC = "tips.webhook";

  private final Services services;
  private final TipService tips;
  private final MediaFetcher media;
  private final int maxAttachments;
  private final AeadKey sealKey;
  private final ChannelRepository channels = new ChannelRepository();
  private final SenderKeys senderKeys;

  public WebhookIntake(Services services, TipService tips, MediaFetcher media, int maxAttachments) {
    this.services = services;
    this.tips = tips;
    this.media = media;
    this.maxAttachments = maxAttachments;
    this.sealKey = services.masterKey().derive("webhook-inbox");
    this.senderKeys = new SenderKeys(services.masterKey());
  }

  /** Registers the relay's handler of stored deliveries (once per node). */
  public void register(Outbox outbox) {
    outbox.handle(TOPIC, this::process);
  }

  /** A verified delivery for one or more of our channels: stored in one transaction, then relayed. */
  public Future<Void> store(String source, List<Channel> channels, List<String> platformIds, byte[] raw) {
    return services.db().inTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < channels.size(); i++) {
        Channel channel = channels.get(i);
        String sealed = Base64.getEncoder().encodeToString(sealKey.seal(raw, aad(source, channel.id())));
        JsonObject row = new JsonObject().put("source", source).put("channelId", channel.id())
            .put("unitId", channel.tenantId()).put("platformId", platformIds.get(i)).put("body", sealed);
        chain = chain.compose(x -> services.outbox().add(tx, TOPIC, row));
      }
      return chain;
    }).onSuccess(x -> services.outbox().kick());
  }

  private Future<Void> process(JsonObject row) {
    String source = row.getString("source");
    long channelId = row.getLong("channelId");
    JsonObject body = new JsonObject(new String(sealKey.open(Base64.getDecoder().decode(row.getString("body")),
        aad(source, channelId)), StandardCharsets.UTF_8));
    // The channel's unit now (after a reorganisation between receipt and relay, its successor);
    // the unit at receipt if the channel is no longer public.
    return channels.findById(services.db().pool(), channelId)
        .map(found -> found.map(Channel::tenantId).orElse(row.getLong("unitId")))
        .compose(unitId -> services.tenantDirectory().byId(unitId))
        .compose(unit -> receiveAll(unit, source, channelId, messages(source, body, row.getString("platformId")))
            .compose(x -> receipts(unit, channelId, ReplyReceipts.of(source, body, row.getString("platformId")))));
  }

  // Idempotent by construction: a receipt only moves a reply forward.
  private Future<Void> receipts(Tenant unit, long channelId, List<ReplyReceipts.Receipt> receipts) {
    Future<Void> chain = Future.succeededFuture();
    for (ReplyReceipts.Receipt r : receipts) {
      byte[] sender = r.watermarkMs() == null ? null : senderKeys.of(unit.code(), channelId, r.user());
      OffsetDateTime watermark = r.watermarkMs() == null ? null
          : OffsetDateTime.ofInstant(Instant.ofEpochMilli(r.watermarkMs()), ZoneOffset.UTC);
      chain = chain.compose(x -> tips.replyReceipt(unit, r.messageIds(), sender, watermark, r.status()));
    }
    return chain;
  }

  private Future<Void> receiveAll(Tenant unit, String source, long channelId, List<Message> messages) {
    Future<Void> chain = Future.succeededFuture();
    for (Message m : messages) {
      chain = chain.compose(x -> receive(unit, source, channelId, m));
    }
    return chain;
  }

  /**
   * One message: a new tip, or (the same sender writing again to the same page within the
   * conversation period) an addition to their open tip, recorded with the links of what they sent.
   */
  private Future<Void> receive(Tenant unit, String source, long channelId, Message m) {
    String body = m.text() == null || m.text().isBlank() ? "(tệp đính kèm / attachment)" : m.text();
    // The platform's links expire: fetch what may be fetched (up to the attachment limit) into
    // the store; the rest stays on the tip as links.
    List<String> fetch = m.urls().subList(0, Math.min(m.urls().size(), maxAttachments));
    List<String> beyond = m.urls().subList(fetch.size(), m.urls().size());
    byte[] sender = m.sender() == null ? null : senderKeys.of(unit.code(), channelId, m.sender());
    String joined = m.urls().isEmpty() ? body : body + "\n" + String.join("\n", m.urls());
    return tips.alreadyReceived(source, m.id())
        .compose(seen -> seen ? Future.<Void>succeededFuture() : media.fetchAll(fetch).compose(fetched -> {
          NewTip tip = new NewTip(unit.code(), "other", body, null, null, null, m.sender(),
              source, m.id(), fetched.files(), concat(fetched.links(), beyond));
          Future<?> done = sender == null ? tips.receive(unit, tip, null) : tips.receiveMessage(unit, tip, sender, channelId, joined);
          return done.eventually(() -> media.discard(fetched));
        }).<Void>mapEmpty())
        // The same message received twice at once: the unique key kept one.
        .recover(e -> e instanceof DomainError.Conflict ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /** One platform message: id, text, sender account id, attachment links. */
  record Message(String id, String text, String sender, List<String> urls) {}

  static List<Message> messages(String source, JsonObject body, String platformId) {
    return "facebook".equals(source) ? facebook(body, platformId) : zalo(body);
  }

  private static List<Message> facebook(JsonObject body, String pageId) {
    List<Message> out = new ArrayList<>();
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
        String sender = Optional.ofNullable(messaging.getJsonObject("sender"))
            .map(s -> String.valueOf(s.getValue("id"))).orElse(null);
        out.add(new Message(message.getString("mid"), message.getString("text"), sender,
            urls(message.getJsonArray("attachments"))));
      }
    }
    return out;
  }

  private static List<Message> zalo(JsonObject body) {
    String event = body.getString("event_name", "");
    JsonObject message = body.getJsonObject("message", new JsonObject());
    if (!(event.startsWith("user_send_") || event.equals("anonymous_send_text")) || message.getString("msg_id") == null) {
      return List.of();
    }
    String sender = String.valueOf(body.getJsonObject("sender", new JsonObject()).getValue("id"));
    return List.of(new Message(message.getString("msg_id"), message.getString("text"), sender,
        urls(message.getJsonArray("attachments"))));
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

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static byte[] aad(String source, long channelId) {
    return (TOPIC + ":" + source + ":" + channelId).getBytes(StandardCharsets.UTF_8);
  }
}
