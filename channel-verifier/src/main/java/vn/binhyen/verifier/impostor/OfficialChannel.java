package vn.binhyen.verifier.impostor;

import java.util.Objects;

/** A verified official page, group, account or web site of a police unit, as the registry holds it. */
public record OfficialChannel(String channelId, String platform, String normalizedId, String displayName,
                              String unitCode, String unitName) {

    public OfficialChannel {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(normalizedId, "normalizedId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(unitCode, "unitCode");
    }
}
