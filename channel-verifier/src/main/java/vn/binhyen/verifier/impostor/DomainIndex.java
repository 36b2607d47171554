package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Look-alike web domains of official sites. Each official host is reduced to its core, the labels
 * before the public suffix without separators ("bocongan.gov.vn" gives "bocongan",
 * "congan.hanoi.gov.vn" gives "conganhanoi"); another host looks alike when its own core (with a
 * trailing "gov" dropped, so "mpsgov.vn" and "mps.gov.com" both give "mps") equals an official core,
 * is a typo of one, or is one with a few letters added before or after ("hotro-bocongan.com").
 */
final class DomainIndex {

    /** An official site a host imitates, and how. */
    record Lookalike(OfficialChannel channel, String how, double similarity) {
    }

    private static final Set<String> SUFFIX_LABELS = Set.of("vn", "com", "net", "org", "gov", "edu", "info",
            "xyz", "top", "site", "online", "io", "co", "cc", "me", "asia", "pro", "vip", "club", "biz", "shop",
            "store", "app", "link", "live", "web", "website", "tk", "ml", "ga", "cf", "gq", "icu", "cyou", "work");
    private static final int MAX_EXTRA = 8;

    private final Map<String, List<OfficialChannel>> byCore = new HashMap<>();
    private final Map<String, OfficialChannel> byHost = new HashMap<>();
    private final FuzzyKeyIndex<OfficialChannel> fuzzy = new FuzzyKeyIndex<>();
    private final int minCoreLength;

    DomainIndex(List<OfficialChannel> websites, int minCoreLength) {
        this.minCoreLength = minCoreLength;
        for (OfficialChannel site : websites) {
            String host = site.normalizedId().toLowerCase();
            byHost.put(host, site);
            String core = core(host);
            if (core.length() >= 3) {
                byCore.computeIfAbsent(core, k -> new ArrayList<>(1)).add(site);
                fuzzy.add(core, site);
            }
            // canhbao.khonggianmang.gov.vn: a long registrable name is distinctive on its own,
            // a short one ("hanoi" of congan.hanoi.gov.vn) belongs to a whole city, not its police
            String registrable = core(registrableLabel(host));
            if (!registrable.equals(core) && registrable.length() >= 2 * minCoreLength) {
                byCore.computeIfAbsent(registrable, k -> new ArrayList<>(1)).add(site);
                fuzzy.add(registrable, site);
            }
        }
        fuzzy.freeze();
    }

    /** The official site owning this host or one of its parent domains, if it is a .gov.vn site. */
    OfficialChannel officialParent(String host) {
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            OfficialChannel parent = byHost.get(host.substring(dot + 1));
            if (parent != null && parent.normalizedId().endsWith(".gov.vn")) {
                return parent;
            }
        }
        return null;
    }

    /**
     * The official sites this (unregistered) host imitates. Digits put into an official name
     * ("congan.113hanoi.com": the police hotline, a year, "24h") do not hide it: when the host as
     * written imitates nothing, its core without digits is compared the same way.
     */
    List<Lookalike> lookalikes(String host, int maxEdits) {
        if (byHost.containsKey(host)) {
            return new ArrayList<>();
        }
        String core = core(host);
        List<Lookalike> out = lookalikesOfCore(core, maxEdits, "");
        String letters = core.replaceAll("[0-9]", "");
        if (out.isEmpty() && !letters.equals(core) && letters.length() >= minCoreLength) {
            out = lookalikesOfCore(letters, maxEdits, ", digits inserted");
        }
        return out;
    }

    private List<Lookalike> lookalikesOfCore(String core, int maxEdits, String note) {
        List<Lookalike> out = new ArrayList<>();
        if (core.length() < 3) {
            return out;
        }
        for (OfficialChannel site : byCore.getOrDefault(core, List.of())) {
            out.add(new Lookalike(site, "same name under another suffix or with separators" + note, 0.95));
        }
        if (out.isEmpty() && core.length() >= minCoreLength) {
            int edits = core.length() >= 2 * minCoreLength ? maxEdits : Math.min(1, maxEdits);
            for (FuzzyKeyIndex.Match<OfficialChannel> m : fuzzy.near(core, edits)) {
                out.add(new Lookalike(m.value(), "one or two letters away" + note, 1.0 - (double) m.distance() / core.length()));
            }
        }
        for (int k = 1; out.isEmpty() && k <= MAX_EXTRA && core.length() - k >= minCoreLength; k++) {
            for (String part : List.of(core.substring(k), core.substring(0, core.length() - k))) {
                for (OfficialChannel site : byCore.getOrDefault(part, List.of())) {
                    out.add(new Lookalike(site, "official name with letters added" + note, 0.9));
                }
            }
        }
        return out;
    }

    /** The last label before the public suffix: "khonggianmang" of "canhbao.khonggianmang.gov.vn". */
    private static String registrableLabel(String host) {
        String[] labels = host.split("\\.");
        int end = labels.length;
        while (end > 1 && SUFFIX_LABELS.contains(labels[end - 1])) {
            end--;
        }
        return labels[end - 1];
    }

    /** The labels before the public suffix, without separators and without a trailing "gov". */
    static String core(String host) {
        String[] labels = host.toLowerCase().split("\\.");
        int end = labels.length;
        while (end > 1 && SUFFIX_LABELS.contains(labels[end - 1])) {
            end--;
        }
        int start = labels.length > 1 && labels[0].equals("www") ? 1 : 0;
        StringBuilder b = new StringBuilder();
        for (int i = start; i < end; i++) {
            for (char c : labels[i].toCharArray()) {
                if (Character.isLetterOrDigit(c)) {
                    b.append(c);
                }
            }
        }
        String core = b.toString();
        for (String tail : List.of("govvn", "gov")) {
            if (core.endsWith(tail) && core.length() > tail.length() + 2) {
                return core.substring(0, core.length() - tail.length());
            }
        }
        return core;
    }
}
