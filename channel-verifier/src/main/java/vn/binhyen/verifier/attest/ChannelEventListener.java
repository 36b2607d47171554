package vn.binhyen.verifier.attest;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.channel.ChannelEvents;

/**
 * Reacts to the administration plane: an approved channel becomes verified with its attestation;
 * a channel whose owner changed (reorganisation) gets a new attestation naming its new unit.
 * Registered as a local consumer on each node: the sender sends (not publishes), so one node acts.
 */
public final class ChannelEventListener {

  private static final Logger log = LoggerFactory.getLogger(ChannelEventListener.class);

  private final AttestationService service;

  public ChannelEventListener(AttestationService service) {
    this.service = service;
  }

  public void register(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(ChannelEvents.APPROVED, msg -> onApproved(msg));
    vertx.eventBus().<JsonObject>consumer(ChannelEvents.REISSUE, msg -> onOwnerChanged(msg));
  }

  private void onApproved(Message<JsonObject> msg) {
    JsonObject body = msg.body();
    if (body == null || !(body.getValue("channelId") instanceof Number)) {
      log.warn("Ignoring an approval without a channelId: {}", body);
      msg.fail(400, "channelId is required");
      return;
    }
    long channelId = body.getLong("channelId");
    String actor = "user:" + body.getValue("approvedBy");
    service.issue(null, channelId, actor)
        .onSuccess(entry -> msg.reply(new JsonObject().put("jti", entry.jti()).put("logIndex", entry.logIndex())))
        .onFailure(e -> {
          log.warn("Could not issue the attestation of approved channel {}: {}", channelId, e.getMessage());
          msg.fail(500, e.getMessage());
        });
  }

  private void onOwnerChanged(Message<JsonObject> msg) {
    JsonObject body = msg.body() == null ? new JsonObject() : msg.body();
    JsonArray ids = body.getJsonArray("channelIds", new JsonArray()).copy();
    if (body.getValue("channelId") != null) {
      ids.add(body.getLong("channelId"));
    }
    var chain = io.vertx.core.Future.<Void>succeededFuture();
    for (Object id : ids) {
      long channelId = ((Number) id).longValue();
      chain = chain.compose(x -> service.reissueIfVerified(channelId, "reorganisation"));
    }
    int count = ids.size();
    chain.onSuccess(x -> msg.reply(new JsonObject().put("checked", count)))
        .onFailure(e -> {
          log.warn("Could not re-issue attestations after an owner change: {}", e.getMessage());
          msg.fail(500, e.getMessage());
        });
  }
}
