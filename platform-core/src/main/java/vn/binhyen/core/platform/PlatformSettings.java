package vn.binhyen.core.platform;

import java.net.URI;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.Settings;

/**
 * Where the platforms' APIs are and how long a call to them may take (docs/tips.md, "Replies
 * through the platforms"): the real ones by default; tests and staging point them at local fakes.
 * {@code connectTimeoutMs} bounds getting a connection (the pool's wait included),
 * {@code idleTimeoutMs} a silence while the answer is awaited, {@code callTimeoutMs} the whole call.
 */
public record PlatformSettings(String zaloOpenApiUrl, String facebookGraphUrl, int connectTimeoutMs,
    int idleTimeoutMs, int callTimeoutMs, String zaloOAuthUrl, String facebookGraphVersion) {

  public static final String ZALO_DEFAULT = "https://openapi.zalo.me";
  public static final String FACEBOOK_DEFAULT = "https://graph.facebook.com";
  /** The Graph API version the Messenger and Page clients call (Meta retires versions about two years after release). */
  public static final String GRAPH_VERSION_DEFAULT = "v21.0";
  private static final java.util.regex.Pattern GRAPH_VERSION = java.util.regex.Pattern.compile("v[1-9][0-9]{0,2}\\.[0-9]{1,2}");
  /** Zalo serves its OAuth v4 token endpoint from another host than the Open API. */
  public static final String ZALO_OAUTH_DEFAULT = "https://oauth.zaloapp.com";

  public PlatformSettings {
    zaloOpenApiUrl = base("BINHYEN_ZALO_OPENAPI_URL", zaloOpenApiUrl);
    facebookGraphUrl = base("BINHYEN_FACEBOOK_GRAPH_URL", facebookGraphUrl);
    zaloOAuthUrl = base("BINHYEN_ZALO_OAUTH_URL", zaloOAuthUrl);
    if (facebookGraphVersion == null || !GRAPH_VERSION.matcher(facebookGraphVersion).matches()) {
      throw new ConfigException("BINHYEN_FACEBOOK_GRAPH_VERSION", "must be a Graph API version such as "
          + GRAPH_VERSION_DEFAULT + " (got \"" + facebookGraphVersion + "\")");
    }
    if (connectTimeoutMs <= 0 || idleTimeoutMs <= 0 || callTimeoutMs <= 0) {
      throw new IllegalArgumentException("platform timeouts must be positive");
    }
  }

  /** The real platforms' addresses with the default timeouts (10 s connect, 15 s idle, 30 s a call). */
  public PlatformSettings(String zaloOpenApiUrl, String facebookGraphUrl) {
    this(zaloOpenApiUrl, facebookGraphUrl, 10_000, 15_000, 30_000);
  }

  /** These addresses and timeouts, with Zalo's real OAuth host. */
  public PlatformSettings(String zaloOpenApiUrl, String facebookGraphUrl, int connectTimeoutMs, int idleTimeoutMs,
      int callTimeoutMs) {
    this(zaloOpenApiUrl, facebookGraphUrl, connectTimeoutMs, idleTimeoutMs, callTimeoutMs, ZALO_OAUTH_DEFAULT,
        GRAPH_VERSION_DEFAULT);
  }

  public static PlatformSettings from(Settings s) {
    return new PlatformSettings(s.text("BINHYEN_ZALO_OPENAPI_URL", ZALO_DEFAULT),
        s.text("BINHYEN_FACEBOOK_GRAPH_URL", FACEBOOK_DEFAULT),
        s.integer("BINHYEN_PLATFORM_CONNECT_TIMEOUT_MS", 10_000, 100, 120_000),
        s.integer("BINHYEN_PLATFORM_IDLE_TIMEOUT_MS", 15_000, 100, 300_000),
        s.integer("BINHYEN_PLATFORM_CALL_TIMEOUT_MS", 30_000, 100, 600_000),
        s.text("BINHYEN_ZALO_OAUTH_URL", ZALO_OAUTH_DEFAULT),
        s.text("BINHYEN_FACEBOOK_GRAPH_VERSION", GRAPH_VERSION_DEFAULT));
  }

  private static String base(String key, String url) {
    try {
      URI u = URI.create(url);
      if ((u.getScheme().equals("https") || u.getScheme().equals("http")) && u.getHost() != null
          && (u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/")) && u.getQuery() == null) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw new ConfigException(key, "must be an http(s) base address without a path, such as " + ZALO_DEFAULT
        + " (got \"" + url + "\")");
  }
}
