package vn.binhyen.core.tips;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Announces every new tip and transition on the clustered event bus, so a dashboard open on any
 * node sees a tip received on any other. The body carries figures' dimensions only, no content.
 */
public final class TipLive {

  public static final String ADDRESS = "binhyen.tips.changed";

  private TipLive() {}

  static void publish(Vertx vertx, String kind, Tip tip, String fromPath) {
    vertx.eventBus().publish(ADDRESS, new JsonObject()
        .put("kind", kind)
        .put("tipId", tip.id())
        .put("unitPath", tip.tenantPath())
        .put("fromPath", fromPath)
        .put("category", tip.category())
        .put("status", tip.status().id()));
  }
}
