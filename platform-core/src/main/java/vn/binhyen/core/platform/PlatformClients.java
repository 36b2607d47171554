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
  private final PlatformHttp http;
  private final FacebookPageClient pages;
  private final ZaloArticleClient zaloArticles;
  private final ZaloOAuthClient oauth;

  public PlatformClients(Vertx vertx, PlatformSettings settings) {
    this.http = new PlatformHttp(vertx, settings);
    this.oauth = new ZaloOAuthClient(http, settings.zaloOAuthUrl());
    this.pages = new FacebookPageClient(http, settings.facebookGraphUrl() + "/" + settings.facebookGraphVersion());
    this.zaloArticles = new ZaloArticleClient(http, settings.zaloOpenApiUrl());
    this.zalo = new ZaloOaClient(http, settings.zaloOpenApiUrl());
    this.messenger = new MessengerClient(http, settings.facebookGraphUrl() + "/" + settings.facebookGraphVersion());
  }

  public ZaloOaClient zalo() {
    return zalo;
  }

  public MessengerClient messenger() {
    return messenger;
  }

  /** Facebook Page feed posts (scam alerts). */
  public FacebookPageClient pages() {
    return pages;
  }

  /** Zalo OA articles and their broadcast (scam alerts). */
  public ZaloArticleClient zaloArticles() {
    return zaloArticles;
  }

  /** Zalo's OAuth v4 token refresh at {@code BINHYEN_ZALO_OAUTH_URL}. */
  public ZaloOAuthClient zaloOAuth() {
    return oauth;
  }

  /**
   * Zalo's OAuth v4 token refresh at {@code oauthBase} (Zalo serves it from another host than the
   * Open API: {@code https://oauth.zaloapp.com}), on this node's one HTTP client.
   */
  public ZaloOAuthClient zaloOAuth(String oauthBase) {
    return new ZaloOAuthClient(http, oauthBase);
  }
}
