package vn.binhyen.verifier.registry;

import java.time.Instant;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.channel.Platform;

/**
 * A published channel as the verification registry holds it: what a citizen's question is
 * answered from. {@code token} and the attestation fields are null when the channel has no
 * current (unrevoked) attestation.
 */
public record RegistryEntry(long channelId, Platform platform, String normalizedId, String url, String displayName,
    ChannelStatus status, String statusReason, Instant since, String tenantCode, String tenantName, String tenantPath,
    String token, String jti, String kid, Long logIndex, Instant issuedAt, Instant expiresAt) {

  public boolean official() {
    return status == ChannelStatus.VERIFIED && token != null;
  }
}
