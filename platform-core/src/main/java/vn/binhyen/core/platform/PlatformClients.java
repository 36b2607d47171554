package vn.binhyen.core.platform;

import io.vertx.core.Vertx;

/**
 * The one outbound client of the platforms' APIs, shared by officers' replies and scam alerts:
 * one HTTP client per node, base addresses from {@link PlatformSettings}. Registered in
 * {@code Services} at start ({@code services.get(PlatformClients.class)}).
 */
public final class PlatformClients {

  private final ZaloOaClient zalo;
  private final MessengerClient messenger;

  public PlatformClients(Vertx vertx, PlatformSettings settings) {
    PlatformHttp http = new PlatformHttp(vertx, settings);
    this.zalo = new ZaloOaClient(http, settings.zaloOpenApiUrl());
    this.messenger = new MessengerClient(http, settings.facebookGraphUrl());
  }

  public ZaloOaClient zalo() {
    return zalo;
  }

  public MessengerClient messenger() {
    return messenger;
  }
}
