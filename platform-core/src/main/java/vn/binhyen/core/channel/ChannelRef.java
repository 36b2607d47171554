package vn.binhyen.core.channel;

import java.util.Objects;

/**
 * A channel as the platform knows it, in the one canonical form produced by
 * {@link ChannelLinks#normalize(String)}: two links to the same page give equal refs. The
 * {@code normalizedId} is a scheme-less URL ({@code facebook.com/conganthudo}, {@code zalo.me/g/AbCdEf},
 * {@code mps.gov.vn}), so {@link ChannelLinks#url(ChannelRef)} only has to add {@code https://}.
 */
public record ChannelRef(Platform platform, String normalizedId) {

  public ChannelRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(normalizedId, "normalizedId");
    if (normalizedId.isBlank() || normalizedId.contains("://") || normalizedId.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("normalizedId must be a canonical scheme-less id: " + normalizedId);
    }
  }
}
