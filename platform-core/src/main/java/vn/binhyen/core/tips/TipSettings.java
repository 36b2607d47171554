package vn.binhyen.core.tips;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The tips module's settings, read once at start from the environment (documented in
 * docs/tips.md): public rate limits, attachment limits, the SLA sweep period, the order of the
 * parts of Zalo's event signature, and the origins platform attachments are fetched from.
 */
public record TipSettings(int submitPerIpPerMinute, int followPerIpPerMinute, int secretFailuresPerReceipt,
    long maxAttachmentBytes, int maxAttachments, Duration slaSweep, ZoneId zone, String zaloMacOrder,
    String webhookMediaOrigins) {

  public static final String ZALO_MAC_DEFAULT = "app_id,body,timestamp,secret";

  /** The environment, where a JVM system property of the same name fills a missing variable. */
  public static TipSettings fromEnvironment() {
    Map<String, String> env = new java.util.HashMap<>();
    for (String key : new String[] {"BINHYEN_TIPS_SUBMIT_PER_MINUTE", "BINHYEN_TIPS_FOLLOW_PER_MINUTE",
        "BINHYEN_TIPS_SECRET_FAILURES", "BINHYEN_TIPS_ATTACHMENT_MB", "BINHYEN_TIPS_MAX_ATTACHMENTS",
        "BINHYEN_TIPS_SLA_SWEEP_SECONDS", "BINHYEN_TIPS_ZONE", "BINHYEN_ZALO_MAC_ORDER",
        "BINHYEN_WEBHOOK_MEDIA_ORIGINS"}) {
      String v = System.getenv(key) != null ? System.getenv(key) : System.getProperty(key);
      if (v != null) {
        env.put(key, v);
      }
    }
    return fromEnv(env);
  }

  public static TipSettings fromEnv(Map<String, String> env) {
    return new TipSettings(
        intOf(env, "BINHYEN_TIPS_SUBMIT_PER_MINUTE", 20),
        intOf(env, "BINHYEN_TIPS_FOLLOW_PER_MINUTE", 60),
        intOf(env, "BINHYEN_TIPS_SECRET_FAILURES", 10),
        intOf(env, "BINHYEN_TIPS_ATTACHMENT_MB", 20) * 1024L * 1024L,
        intOf(env, "BINHYEN_TIPS_MAX_ATTACHMENTS", 5),
        Duration.ofSeconds(intOf(env, "BINHYEN_TIPS_SLA_SWEEP_SECONDS", 60)),
        ZoneId.of(env.getOrDefault("BINHYEN_TIPS_ZONE", "Asia/Ho_Chi_Minh")),
        env.getOrDefault("BINHYEN_ZALO_MAC_ORDER", ZALO_MAC_DEFAULT),
        env.getOrDefault("BINHYEN_WEBHOOK_MEDIA_ORIGINS", vn.binhyen.core.tips.webhook.MediaFetcher.DEFAULT_ORIGINS));
  }

  private static int intOf(Map<String, String> env, String key, int fallback) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new vn.binhyen.core.config.ConfigException(key, "must be a whole number");
    }
  }
}
