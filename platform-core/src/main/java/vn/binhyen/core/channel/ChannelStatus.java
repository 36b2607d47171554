package vn.binhyen.core.channel;

import java.util.Locale;

/** Where a channel stands: registered and waiting, verified (official), suspended, or revoked. */
public enum ChannelStatus {
  PENDING, VERIFIED, SUSPENDED, REVOKED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ChannelStatus parse(String s) {
    return ChannelStatus.valueOf(s.toUpperCase(Locale.ROOT));
  }
}
