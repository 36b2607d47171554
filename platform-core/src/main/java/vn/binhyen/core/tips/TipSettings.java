package vn.binhyen.core.tips;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.Settings;

/**
 * The tips module's settings, read once at start from the node's configuration (documented in
 * docs/tips.md): public rate limits, attachment limits, the SLA sweep period, the order of the
 * parts of Zalo's event signature, and the origins platform attachments are fetched from.
 */
public record TipSettings(int submitPerIpPerMinute, int followPerIpPerMinute, int secretFailuresPerReceipt,
    long maxAttachmentBytes, int maxAttachments, Duration slaSweep, ZoneId zone, String zaloMacOrder,
    String webhookMediaOrigins, int conversationHours) {

  public static final String ZALO_MAC_DEFAULT = "app_id,body,timestamp,secret";

  /** The process's configuration (environment over the BINHYEN_CONFIG file), as a node reads it. */
  public static TipSettings fromEnvironment() {
    return from(vn.binhyen.core.config.ConfigLoader.fromEnvironment().settings());
  }

  /** {@code env} plays the environment (tests). */
  public static TipSettings fromEnv(Map<String, String> env) {
    return from(vn.binhyen.core.config.ConfigLoader.settings(env));
  }

  /** From the node's settings; a present but unusable value stops start-up naming its key. */
  public static TipSettings from(Settings s) {
    String zone = s.text("BINHYEN_TIPS_ZONE", "Asia/Ho_Chi_Minh");
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("BINHYEN_TIPS_ZONE", "must be a time zone such as Asia/Ho_Chi_Minh (got \"" + zone + "\")");
    }
    return new TipSettings(
        s.integer("BINHYEN_TIPS_SUBMIT_PER_MINUTE", 20, 0, 1_000_000_000),
        s.integer("BINHYEN_TIPS_FOLLOW_PER_MINUTE", 60, 0, 1_000_000_000),
        s.integer("BINHYEN_TIPS_SECRET_FAILURES", 10, 1, 1_000),
        s.integer("BINHYEN_TIPS_ATTACHMENT_MB", 20, 1, 1_024) * 1024L * 1024L,
        s.integer("BINHYEN_TIPS_MAX_ATTACHMENTS", 5, 0, 50),
        Duration.ofSeconds(s.integer("BINHYEN_TIPS_SLA_SWEEP_SECONDS", 60, 1, 86_400)),
        zoneId,
        s.text("BINHYEN_ZALO_MAC_ORDER", ZALO_MAC_DEFAULT),
        s.text("BINHYEN_WEBHOOK_MEDIA_ORIGINS", vn.binhyen.core.tips.webhook.MediaFetcher.DEFAULT_ORIGINS),
        s.integer("BINHYEN_TIPS_CONVERSATION_HOURS", 24, 0, 24 * 30));
  }
}
