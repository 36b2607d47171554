package vn.binhyen.core.channel;

/**
 * Event-bus addresses about channels (clustered: every node hears them). Bodies are JSON objects
 * with at least {@code channelId} and {@code normalizedId}.
 */
public final class ChannelEvents {

  /** A channel was created, edited, moved or changed status: caches drop it. */
  public static final String CHANGED = "binhyen.channel.changed";

  /**
   * A province admin approved a channel's verification request: the verifier issues its
   * attestation. Body also carries {@code approvedBy} (user id) and {@code tenantPath}.
   * Point-to-point: send it (one node issues), never publish.
   */
  public static final String APPROVED = "binhyen.channel.approved";

  /** A reorganisation moved channels to a new owner: every node's caches hear it (published). */
  public static final String OWNER_CHANGED = "binhyen.channel.owner-changed";

  /** The same move, point-to-point: one node's verifier re-issues the attestation (sent). */
  public static final String REISSUE = "binhyen.channel.reissue";

  private ChannelEvents() {}
}
