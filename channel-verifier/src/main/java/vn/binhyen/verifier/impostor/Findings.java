package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one check has found so far: the reasons (each code once), the official channels the page
 * resembles with their best similarity, and the units its name or about text names.
 */
final class Findings {

    private final Map<String, Reason> reasons = new LinkedHashMap<>();
    private final Map<String, Resemblance> resembles = new LinkedHashMap<>();
    private final Set<String> namedUnits = new LinkedHashSet<>();

    /** Adds a reason unless one with the same code and at least its weight is there already. */
    void add(Reason reason) {
        Reason old = reasons.get(reason.code());
        if (old == null || old.weight() < reason.weight()) {
            reasons.put(reason.code(), reason);
        }
    }

    boolean has(Signal signal) {
        return reasons.containsKey(signal.name());
    }

    void resembles(OfficialChannel channel, double similarity) {
        Resemblance old = resembles.get(channel.channelId());
        if (old == null || old.similarity() < similarity) {
            resembles.put(channel.channelId(), new Resemblance(channel, Math.min(1.0, similarity)));
        }
    }

    void namesUnit(String unitCode) {
        namedUnits.add(unitCode);
    }

    Set<String> namedUnits() {
        return namedUnits;
    }

    /** Suspicion from 0 to 1: reasons combine as independent evidence, 1 - Π(1 - weight). */
    double score() {
        double clean = 1.0;
        for (Reason r : reasons.values()) {
            clean *= 1.0 - Math.max(0.0, Math.min(1.0, r.weight()));
        }
        return Math.round((1.0 - clean) * 1000.0) / 1000.0;
    }

    List<Reason> reasons() {
        List<Reason> out = new ArrayList<>(reasons.values());
        out.sort(Comparator.comparingDouble(Reason::weight).reversed());
        return out;
    }

    List<Resemblance> resemblances(int limit) {
        return resembles.values().stream()
                .sorted(Comparator.comparingDouble(Resemblance::similarity).reversed())
                .limit(limit)
                .toList();
    }
}
