package vn.binhyen.core.platform;

/**
 * What a platform answered to one message sent through its send API. A transport failure (no
 * answer, a 5xx) is not a result: the call's future fails, and the caller (the outbox) retries.
 */
public sealed interface SendResult {

  /** Accepted; {@code messageId} is the platform's id of the message. */
  record Sent(String messageId) implements SendResult {}

  /** The user's reply window is closed (Zalo's 48 hours, Messenger's 24 hours / 7 days with HUMAN_AGENT). */
  record OutsideWindow(int code, String message) implements SendResult {}

  /** Too many calls or out of quota for now: try again later. */
  record RateLimited(int code, String message) implements SendResult {}

  /** The page or OA access token is invalid or expired: nothing is sent until it is replaced. */
  record InvalidToken(int code, String message) implements SendResult {}

  /** Any other refusal (bad recipient, blocked, bad parameter): sending again would not help. */
  record Refused(int code, String message) implements SendResult {}
}
