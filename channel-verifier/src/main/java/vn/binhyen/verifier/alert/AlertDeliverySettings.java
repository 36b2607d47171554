package vn.binhyen.verifier.alert;

import vn.binhyen.core.config.Settings;

/**
 * How alerts are delivered (docs/configuration.md): how many attempts one channel's delivery gets
 * before it is reported failed (rate-limit answers and transport failures count; the outbox's
 * backoff spaces them 1, 2, 4, … s apart), and where Zalo's OAuth v4 token endpoint is.
 */
public record AlertDeliverySettings(int maxAttempts, String zaloOAuthUrl) {

  public static final String ZALO_OAUTH_DEFAULT = "https://oauth.zaloapp.com";

  public static AlertDeliverySettings from(Settings s) {
    return new AlertDeliverySettings(s.integer("BINHYEN_ALERT_DELIVERY_ATTEMPTS", 8, 1, 50),
        s.text("BINHYEN_ZALO_OAUTH_URL", ZALO_OAUTH_DEFAULT));
  }
}
