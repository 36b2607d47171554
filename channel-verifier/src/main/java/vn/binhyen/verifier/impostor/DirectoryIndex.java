package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only indexes the scorer queries, built once from an {@link OfficialDirectory}: channels
 * and impostors by identifier, channels by unit, unit phrases, trigram index of official and unit
 * names, handles by platform host, and official web sites.
 */
final class DirectoryIndex {

    final Map<String, OfficialChannel> officialById = new HashMap<>();
    final Map<String, ConfirmedImpostor> impostorById = new HashMap<>();
    final Map<String, List<OfficialChannel>> channelsByUnit = new HashMap<>();
    final Map<String, String> unitNameByCode = new HashMap<>();
    final Map<String, FuzzyKeyIndex<OfficialChannel>> handlesByHost = new HashMap<>();
    final NameIndex<Object> names = new NameIndex<>();
    /** Folded names of the registry's bodies that are not a local police ("cuc canh sat giao thong"): real by definition. */
    final java.util.Set<String> nationalNames = new java.util.HashSet<>();
    final UnitMatcher units;
    final DomainIndex domains;

    DirectoryIndex(OfficialDirectory directory, ScoringThresholds thresholds) {
        List<OfficialChannel> websites = new ArrayList<>();
        for (OfficialChannel c : directory.officialChannels()) {
            officialById.put(key(c.normalizedId()), c);
            channelsByUnit.computeIfAbsent(c.unitCode(), k -> new ArrayList<>()).add(c);
            ChannelLink link = ChannelLink.of(null, c.normalizedId());
            if (link.isWebsite()) {
                websites.add(c);
            } else if (isTypoComparable(link.handle())) {
                handlesByHost.computeIfAbsent(link.host(), k -> new FuzzyKeyIndex<>())
                        .add(link.handle().toLowerCase(Locale.ROOT), c);
            }
            names.add(VietnameseText.normalize(c.displayName()), c);
        }
        for (ConfirmedImpostor i : directory.confirmedImpostors()) {
            impostorById.put(key(i.normalizedId()), i);
        }
        for (UnitName u : directory.unitNames()) {
            unitNameByCode.putIfAbsent(u.code(), u.name());
        }
        units = new UnitMatcher(directory.unitNames());
        for (UnitName u : directory.unitNames()) {
            String n = VietnameseText.normalize(u.name());
            String police = UnitMatcher.levelPrefix(n) != null ? "cong an " + n : n;
            if (UnitMatcher.levelPrefix(n) == null) {
                nationalNames.add(n);
            }
            names.add(police, new UnitMatcher.UnitRef(u.code(), police));
        }
        names.freeze();
        handlesByHost.values().forEach(FuzzyKeyIndex::freeze);
        domains = new DomainIndex(websites, thresholds.minDomainCoreLength());
    }

    /** Lookup key of a canonical identifier. */
    static String key(String normalizedId) {
        return normalizedId.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Numeric ids (Zalo accounts, Facebook groups) and random group codes are assigned by the
     * platform, so one digit away is coincidence, not imitation.
     */
    static boolean isTypoComparable(String handle) {
        return !handle.isEmpty() && !handle.contains("/") && !handle.chars().allMatch(Character::isDigit)
                && handle.length() >= 4;
    }
}
