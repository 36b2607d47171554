package vn.binhyen.core.platform;

import java.net.URI;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.Settings;

/**
 * Where the platforms' APIs are (docs/tips.md, "Replies through the platforms"): the real ones by
 * default; tests and staging point them at local fakes.
 */
public record PlatformSettings(String zaloOpenApiUrl, String facebookGraphUrl) {

  public static final String ZALO_DEFAULT = "https://openapi.zalo.me";
  public static final String FACEBOOK_DEFAULT = "https://graph.facebook.com";

  public PlatformSettings {
    zaloOpenApiUrl = base("BINHYEN_ZALO_OPENAPI_URL", zaloOpenApiUrl);
    facebookGraphUrl = base("BINHYEN_FACEBOOK_GRAPH_URL", facebookGraphUrl);
  }

  public static PlatformSettings from(Settings s) {
    return new PlatformSettings(s.text("BINHYEN_ZALO_OPENAPI_URL", ZALO_DEFAULT),
        s.text("BINHYEN_FACEBOOK_GRAPH_URL", FACEBOOK_DEFAULT));
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
