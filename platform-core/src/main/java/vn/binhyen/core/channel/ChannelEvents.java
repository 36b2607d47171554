package vn.binhyen.core.channel;

/**
 * Names of what happens to channels. {@link #CHANGED} and {@link #OWNER_CHANGED} are clustered
 * event-bus addresses (every node hears them; published through the outbox after commit);
 * {@link #APPROVED} and {@link #REISSUE} are outbox topics (one node handles each row, at least
 * once: the handler is idempotent).
 */
public final class ChannelEvents {

  /**
   * A channel was created, edited, moved or changed status: caches drop it. Body: a JSON object
   * with {@code channelId} and {@code normalizedId}.
   */
  public static final String CHANGED = "binhyen.channel.changed";

  /**
   * Outbox topic: a province admin approved a channel's verification request; the verifier
   * issues its attestation. Payload: {@code channelId}, {@code normalizedId}, {@code approvedBy}
   * (user id), {@code tenantPath}.
   */
  public static final String APPROVED = "binhyen.channel.approved";

  /**
   * A reorganisation moved channels to a new owner: every node's caches hear it. Body:
   * {@code channelIds}, a JSON array.
   */
  public static final String OWNER_CHANGED = "binhyen.channel.owner-changed";

  /**
   * Outbox topic: the same move; the verifier re-issues the attestation of each moved, verified
   * channel so that it names its new unit. Payload: {@code channelIds}, a JSON array.
   */
  public static final String REISSUE = "binhyen.channel.reissue";

  private ChannelEvents() {}
}
