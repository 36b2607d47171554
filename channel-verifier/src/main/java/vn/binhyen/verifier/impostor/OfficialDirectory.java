package vn.binhyen.verifier.impostor;

import java.util.List;

/**
 * What the scorer knows about the official world: verified channels, the names of police units
 * (administrative units and national police bodies) and the published impostors. Implemented from
 * the database and the cluster cache; {@link InMemoryOfficialDirectory} for tests and tools.
 */
public interface OfficialDirectory {

    /** Verified official channels. */
    List<OfficialChannel> officialChannels();

    /** Units whose police may be named. */
    List<UnitName> unitNames();

    /** Channels confirmed and published as impostors. */
    List<ConfirmedImpostor> confirmedImpostors();
}
