package vn.binhyen.verifier.alert;

import java.time.Instant;

/**
 * One channel's delivery of one alert: through the platform's API ({@code mode api}: queued, sent
 * with the platform's id, failed with its error, or cancelled with the alert) or by hand for a
 * community group ({@code mode manual}: ready to paste, posted by the officer, or cancelled).
 */
public record AlertDelivery(long id, String alertId, String alertTitle, long channelId, String channelName,
    String channelUrl, String tenantPath, String platform, String mode, String status, int attempts,
    String platformRef, String lastError, String failReason, String postedBy, Instant queuedAt, Instant doneAt) {

  /** Statuses. */
  public static final String QUEUED = "queued";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";
  public static final String READY = "ready";
  public static final String POSTED = "posted";
  /** Not a stored status: a failed delivery whose channel has no access token yet (no-credentials). */
  public static final String NOT_CONNECTED = "not-connected";

  /** The status to show: {@link #NOT_CONNECTED} instead of failed when the channel was never connected. */
  public String state() {
    return FAILED.equals(status) && "no-credentials".equals(failReason) ? NOT_CONNECTED : status;
  }
}
