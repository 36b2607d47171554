package vn.binhyen.verifier.impostor;

import java.util.List;

/**
 * The answer to a check: what the page is, a suspicion score from 0 (nothing suspicious) to 1, the
 * reasons, the official channels it resembles most, and, when its name names a real police unit,
 * that unit's official channels: "the only official pages of this unit are ...; if the page you see
 * is not one of them, it is not official". {@code namedUnitCodes} are the codes of the units the
 * page names or imitates, in the order found, whether or not they have official channels.
 */
public record Verdict(Kind verdict, double score, List<Reason> reasons, List<Resemblance> resembles,
                      List<OfficialChannel> officialChannelsOfNamedUnit, List<String> namedUnitCodes) {

    /** The four answers a citizen can get. */
    public enum Kind {
        /** Registered and verified in the registry. */
        OFFICIAL,
        /** On the published list of confirmed impostors. */
        CONFIRMED_IMPOSTOR,
        /** Not registered, and its signals reach the suspicion threshold. */
        SUSPECTED_IMPOSTOR,
        /** Not registered, with no strong sign of imitating the police. */
        NOT_REGISTERED
    }

    /** A verdict that names no unit beyond the official channels listed. */
    public Verdict(Kind verdict, double score, List<Reason> reasons, List<Resemblance> resembles,
                   List<OfficialChannel> officialChannelsOfNamedUnit) {
        this(verdict, score, reasons, resembles, officialChannelsOfNamedUnit, List.of());
    }

    public Verdict {
        namedUnitCodes = List.copyOf(namedUnitCodes);
        reasons = List.copyOf(reasons);
        resembles = List.copyOf(resembles);
        officialChannelsOfNamedUnit = List.copyOf(officialChannelsOfNamedUnit);
    }

    /** The codes of the reasons, in order. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
