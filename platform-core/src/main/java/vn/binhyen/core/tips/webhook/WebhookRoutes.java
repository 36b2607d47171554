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
import java.util.Set;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;

/**
 * {@code /webhooks/facebook} and {@code /webhooks/zalo}: the receiving channel is found from the
 * payload, the signature is checked over the raw bytes with that channel's secret, the delivery is
 * stored in the durable inbox ({@link WebhookIntake}), and only then does the platform get its
 * 200; the messages become tips afterwards, at least once (a redelivery is the same tip). Unsigned
 * or wrongly signed requests get 401 and change nothing; a delivery that could not be stored gets
 * 503, so the platform delivers it again.
 */
public final class WebhookRoutes {

  private final Services services;
  private final WebhookSecretService secrets;
  private final Signatures signatures;
  private final WebhookIntake intake;
  private final ChannelRepository channels = new ChannelRepository();

  public WebhookRoutes(Services services, WebhookSecretService secrets, Signatures signatures, WebhookIntake intake) {
    this.services = services;
    this.secrets = secrets;
    this.signatures = signatures;
    this.intake = intake;
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
    Future.all(checks)
        .compose(all -> intake.store("facebook", all.list(), List.copyOf(pageIds), raw))
        .onSuccess(x -> ok(ctx))
        .onFailure(ctx::fail);
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
    }))
        .compose(c -> intake.store("zalo", List.of(c), List.of(oaId), raw))
        .onSuccess(x -> ok(ctx))
        .onFailure(ctx::fail);
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
