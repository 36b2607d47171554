package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words of impersonation scams, read once from {@code impostor/scam-vocabulary.tsv} (each row
 * names its source): the authorities scammers speak for, the services they sell, the vocabulary of
 * bodies that do not exist, and the traffic-fine and identity-app pairs. Knowledge lives in that
 * file, not here; this class only folds the phrases and finds them in a folded text.
 */
final class ScamVocabulary {

    enum Kind { AUTHORITY, SERVICE, INVENTED, TRAFFIC, TRAFFIC_SERVICE, IDENTITY, IDENTITY_SERVICE, DOMAIN_CORE,
        /** A kind of body that has no place inside the police: "UBND Công an tỉnh ..." is invented. */
        NOT_POLICE_PARENT }

    /** A phrase as written in the file and in its folded form. */
    record Phrase(String display, String folded) {

        /**
         * For a {@code domain_core} row, the official host it stands for: the row's own host when it
         * is written as one ("chinhphu.vn"), else the core under .gov.vn ("bhxh" stands for bhxh.gov.vn).
         */
        String officialHost() {
            return display.indexOf('.') >= 0 ? display.toLowerCase(java.util.Locale.ROOT) : display + ".gov.vn";
        }
    }

    static final ScamVocabulary DEFAULT = load("/impostor/scam-vocabulary.tsv");

    static final List<String> WARNINGS = List.of("canh bao", "khong co", "dung tin", "gia mao",
            "mao danh", "thu doan", "coi chung", "khong bao gio");

    private final Map<Kind, List<Phrase>> phrases;

    private ScamVocabulary(Map<Kind, List<Phrase>> phrases) {
        this.phrases = phrases;
    }

    static ScamVocabulary load(String resource) {
        Map<Kind, List<Phrase>> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, new ArrayList<>());
        }
        for (String[] c : SourcedRows.read(ScamVocabulary.class, resource, 3, Integer.MAX_VALUE, 2, false)) {
            Kind kind = Kind.valueOf(c[0].toUpperCase(java.util.Locale.ROOT));
            // a domain core may be written as the official host itself: its core is what others copy
            String folded = kind == Kind.DOMAIN_CORE && c[1].indexOf('.') >= 0 ? DomainIndex.core(c[1])
                    : VietnameseText.normalize(c[1]);
            out.get(kind).add(new Phrase(c[1], folded));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new ScamVocabulary(out);
    }

    /** The phrases of one kind found in a folded text, each once, skipping those just after a warning. */
    List<Phrase> find(Kind kind, String folded) {
        String text = " " + folded + " ";
        List<Phrase> found = new ArrayList<>();
        for (Phrase p : phrases.get(kind)) {
            int at = text.indexOf(" " + p.folded() + " ");
            if (at >= 0 && !warnedBefore(text, at)) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * The phrases of one kind found in a folded text immediately before one of {@code followers}
     * ("uy ban nhan dan" before "cong an"), each once, skipping those just after a warning.
     */
    List<Phrase> findBefore(Kind kind, String folded, List<String> followers) {
        String text = " " + folded + " ";
        List<Phrase> found = new ArrayList<>();
        for (Phrase p : phrases.get(kind)) {
            for (String next : followers) {
                int at = text.indexOf(" " + p.folded() + " " + next + " ");
                if (at >= 0 && !warnedBefore(text, at) && found.stream().noneMatch(f -> f.folded().equals(p.folded()))) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    /**
     * The official host cores a host contains, unless it is a .gov.vn host (those are checked against
     * the registry) or the official host itself or one of its sub-domains ("www.chinhphu.vn").
     */
    List<Phrase> domainCores(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.endsWith(".gov.vn")) {
            return List.of();
        }
        String compact = h.replaceAll("[^a-z0-9]", "");
        return phrases.get(Kind.DOMAIN_CORE).stream()
                .filter(p -> compact.contains(p.folded()))
                .filter(p -> !h.equals(p.officialHost()) && !h.endsWith("." + p.officialHost()))
                .toList();
    }

    private static boolean warnedBefore(String text, int at) {
        String window = text.substring(Math.max(0, at - 40), at + 1);
        return WARNINGS.stream().anyMatch(w -> window.contains(" " + w + " "));
    }
}
