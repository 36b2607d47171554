package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tells a citizen whether a page, group, account or web site is an official police channel, a
 * published impostor, a suspected impostor or simply not registered, with a suspicion score, the
 * reasons and the official channels it imitates. Pure and thread-safe: the indexes are built once
 * from the {@link OfficialDirectory} at construction; build a new scorer when the directory changes.
 * Platform verification badges are not an input: impostor pages with blue ticks are documented.
 */
public final class ImpostorScorer {

    private static final int MAX_AFFIX = 8;

    private final ScoringThresholds thresholds;
    private final DirectoryIndex index;
    private final NameSignals text;

    public ImpostorScorer(ScoringThresholds thresholds, OfficialDirectory directory) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.index = new DirectoryIndex(Objects.requireNonNull(directory, "directory"), thresholds);
        this.text = new NameSignals(index, thresholds);
    }

    /** Scores one request; never fails, an empty request is simply not registered. */
    public Verdict check(CheckRequest request) {
        ChannelLink link = ChannelLink.of(request.link(), request.normalizedLink());
        if (link != null) {
            String key = DirectoryIndex.key(link.normalizedId());
            ConfirmedImpostor impostor = index.impostorById.get(key);
            if (impostor != null) {
                return confirmed(impostor);
            }
            OfficialChannel official = index.officialById.get(key);
            if (official == null && link.isWebsite()) {
                official = index.domains.officialParent(link.host());
            }
            if (official != null) {
                return official(official);
            }
        }
        Findings f = new Findings();
        if (link != null) {
            linkSignals(link, f);
        }
        PoliceClaim claim = text.name(request.name(), link != null, f);
        text.about(request.about(), request.name(), link, claim, f);
        text.scamPhrases(request.name(), request.about(), f);
        text.authorityService(request.name(), request.about(), claim, f);
        List<OfficialChannel> named = channelsOfNamedUnits(f);
        double score = f.score();
        Verdict.Kind kind = score >= thresholds.suspectThreshold()
                ? Verdict.Kind.SUSPECTED_IMPOSTOR : Verdict.Kind.NOT_REGISTERED;
        return new Verdict(kind, score, f.reasons(), f.resemblances(thresholds.maxResemblances()), named,
                List.copyOf(f.namedUnits()));
    }

    private void linkSignals(ChannelLink link, Findings f) {
        // the link's own words: a handle or host that sells money recovery ("hotro.laylaitien", "thuhoitien24h.com")
        String words = (link.isWebsite() ? link.host() : link.handle()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        List<ScamPhrases.Found> sold = ScamPhrases.inLink(words);
        if (!sold.isEmpty()) {
            List<String> phrases = new ArrayList<>();
            sold.forEach(p -> phrases.add("\"" + p.phrase() + "\""));
            f.add(Signal.SCAM_PHRASE.reason(String.join(", ", phrases), Signal.SCAM_PHRASE.weight(),
                    "found in the link " + link.normalizedId()));
        }
        // an authority and a service it never sells, both run together in the link (issue 16, tactics 1 and 2)
        ScamVocabulary v = ScamVocabulary.DEFAULT;
        List<ScamVocabulary.Phrase> who = new ArrayList<>(v.findRunTogether(ScamVocabulary.Kind.AUTHORITY, words, 6));
        for (String police : List.of("bocongan", "congan", "canhsat")) {
            if (words.contains(police) && who.isEmpty()) {
                who.add(new ScamVocabulary.Phrase(police, police));
            }
        }
        List<ScamVocabulary.Phrase> what = who.isEmpty() ? List.of() : v.findRunTogether(ScamVocabulary.Kind.SERVICE, words, 7);
        if (!what.isEmpty()) {
            List<String> parts = new ArrayList<>();
            who.forEach(p -> parts.add("\u201c" + p.display() + "\u201d"));
            what.forEach(p -> parts.add("\u201c" + p.display() + "\u201d"));
            f.add(Signal.AUTHORITY_SELLS_SERVICE.reason(link.normalizedId() + ": " + String.join(", ", parts),
                    Signal.AUTHORITY_SELLS_SERVICE.weight(), "words run together in the link"));
        }
        if (link.isWebsite()) {
            for (DomainIndex.Lookalike l : index.domains.lookalikes(link.host(), thresholds.maxHandleEditDistance())) {
                f.add(Signal.LOOKALIKE_DOMAIN.reason(link.host() + " \u2192 " + l.channel().normalizedId(),
                        Signal.LOOKALIKE_DOMAIN.weight(), l.how()));
                f.resembles(l.channel(), l.similarity());
                f.namesUnit(l.channel().unitCode());
            }
            for (ScamVocabulary.Phrase core : ScamVocabulary.DEFAULT.domainCores(link.host())) {
                f.add(Signal.LOOKALIKE_DOMAIN.reason(link.host() + " \u2192 " + core.officialHost(),
                        Signal.LOOKALIKE_DOMAIN.weight(), "host contains the official core \"" + core.folded() + "\""));
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ScamVocabulary.HostImitation imitation : ScamVocabulary.DEFAULT.hostImitations(link.host())) {
                if (seen.add(imitation.imitates())) {
                    f.add(Signal.LOOKALIKE_DOMAIN.reason(link.host() + " \u2192 " + imitation.imitates(),
                            Signal.LOOKALIKE_DOMAIN.weight(), imitation.how()));
                }
            }
            return;
        }
        FuzzyKeyIndex<OfficialChannel> handles = index.handlesByHost.get(link.host());
        String handle = link.handle().toLowerCase(Locale.ROOT);
        if (handles == null || !DirectoryIndex.isTypoComparable(handle)) {
            return;
        }
        List<FuzzyKeyIndex.Match<OfficialChannel>> near = new ArrayList<>(
                handles.near(handle, thresholds.editsAllowed(handle.length())));
        if (near.isEmpty()) {
            near.addAll(handles.withAffix(handle, thresholds.handleLengthPerEdit() + 1, MAX_AFFIX));
        }
        for (FuzzyKeyIndex.Match<OfficialChannel> m : near) {
            String how = m.sameReading() ? "reads the same (doubled letters, digits for letters, separators)"
                    : "edit distance " + m.distance();
            f.add(Signal.HANDLE_TYPOSQUAT.reason(link.host() + "/" + handle + " \u2192 " + m.value().normalizedId(),
                    Signal.HANDLE_TYPOSQUAT.weight(), how));
            f.resembles(m.value(), 1.0 - (double) Math.max(1, m.distance()) / Math.max(handle.length(), m.key().length()));
            f.namesUnit(m.value().unitCode());
        }
    }

    private List<OfficialChannel> channelsOfNamedUnits(Findings f) {
        List<OfficialChannel> out = new ArrayList<>();
        for (String code : f.namedUnits()) {
            for (OfficialChannel c : index.channelsByUnit.getOrDefault(code, List.of())) {
                if (out.size() < thresholds.maxNamedUnitChannels() && !out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private Verdict confirmed(ConfirmedImpostor impostor) {
        // the day of the confirmation reaches citizens; the instant is for officers
        String detail = impostor.normalizedId() + (impostor.confirmedAt() == null ? ""
                : ", " + impostor.confirmedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        String technical = impostor.confirmedAt() == null ? "" : "confirmed at " + impostor.confirmedAt();
        List<OfficialChannel> named = impostor.unitCode() == null ? List.of()
                : index.channelsByUnit.getOrDefault(impostor.unitCode(), List.of()).stream()
                        .limit(thresholds.maxNamedUnitChannels()).toList();
        return new Verdict(Verdict.Kind.CONFIRMED_IMPOSTOR, 1.0, List.of(Signal.CONFIRMED_IMPOSTOR.reason(detail, 1.0, technical)),
                List.of(), named);
    }

    private Verdict official(OfficialChannel channel) {
        String detail = channel.displayName() + " (" + channel.normalizedId() + ")";
        return new Verdict(Verdict.Kind.OFFICIAL, 0.0, List.of(Signal.REGISTERED_OFFICIAL.reason(detail)),
                List.of(new Resemblance(channel, 1.0)),
                index.channelsByUnit.getOrDefault(channel.unitCode(), List.of()).stream()
                        .limit(thresholds.maxNamedUnitChannels()).toList());
    }
}
