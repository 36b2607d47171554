package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of impersonation scams, read once from {@code impostor/scam-vocabulary.tsv} (each row
 * names its source): the authorities scammers speak for, the services they sell, the vocabulary of
 * bodies that do not exist, and the traffic-fine and identity-app pairs. Knowledge lives in that
 * file, not here; this class only folds the phrases and finds them in a folded text.
 */
final class ScamVocabulary {

    enum Kind { AUTHORITY, SERVICE, INVENTED, TRAFFIC, TRAFFIC_SERVICE, IDENTITY, IDENTITY_SERVICE, DOMAIN_CORE,
        /** A kind of body that has no place inside the police: "UBND Công an tỉnh ..." is invented. */
        NOT_POLICE_PARENT,
        /** An authority's short host name (sbv of sbv.gov.vn, mps, csgt): a look-alike only with a companion or on a free host. */
        DOMAIN_ABBREV,
        /** What scammers put beside a short host name: a place (hn, hanoi, vn), "gov", "online". */
        DOMAIN_COMPANION,
        /** Free hosting and site-builder suffixes (vercel.app, github.io): no authority publishes there. */
        HOSTING_SUFFIX,
        /** Subjects of legitimate helpers (Đoàn Thanh niên, Hội Phụ nữ): they install VNeID for people, lawfully. */
        LEGIT_HELPER,
        /** Kinds of body (Trung tâm, Ban, Phòng …): one put straight before a scam service names an invented body. */
        BODY_WORD }

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
            if ((kind == Kind.DOMAIN_ABBREV || kind == Kind.DOMAIN_CORE) && c[1].indexOf('>') > 0) {
                // "nhnn>sbv.gov.vn": an abbreviation (or a name written as a host) and the official host it stands for
                String[] ab = c[1].split(">", 2);
                out.get(kind).add(new Phrase(ab[1].strip(), ab[0].strip().toLowerCase(java.util.Locale.ROOT)));
                continue;
            }
            String folded = kind == Kind.HOSTING_SUFFIX ? c[1].toLowerCase(java.util.Locale.ROOT)
                    : (kind == Kind.DOMAIN_CORE || kind == Kind.DOMAIN_ABBREV) && c[1].indexOf('.') >= 0 ? DomainIndex.core(c[1])
                    : kind == Kind.DOMAIN_COMPANION || kind == Kind.DOMAIN_ABBREV ? c[1].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")
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
     * Invented bodies by grammar: a kind of body immediately before a service scammers sell, or with
     * "hỗ trợ"/"tiếp nhận" between ("Trung tâm hoàn tiền", "Ban hỗ trợ lấy lại tiền"). "Phòng" followed
     * by "chống"/"cháy" is the verb "prevent", not a body, and never starts a service here.
     */
    List<Phrase> bodiesBeforeService(String folded, List<Phrase> services) {
        String text = " " + folded + " ";
        List<Phrase> found = new ArrayList<>();
        for (Phrase body : phrases.get(Kind.BODY_WORD)) {
            for (Phrase service : services) {
                for (String between : List.of(" ", " ho tro ", " tiep nhan ", " chuyen ")) {
                    String needle = " " + body.folded() + between + service.folded() + " ";
                    int at = text.indexOf(needle);
                    if (at >= 0 && !warnedBefore(text, at)) {
                        found.add(new Phrase(body.display() + between.stripTrailing() + " " + service.display(), needle.strip()));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The phrases of one kind written without spaces inside a handle or host ("bocongan" and
     * "tiepnhanhoso" in facebook.com/bocongan.tiepnhanhoso); phrases shorter than {@code minLength}
     * letters so written are left out, they turn up inside other words.
     */
    List<Phrase> findRunTogether(Kind kind, String compact, int minLength) {
        List<Phrase> found = new ArrayList<>();
        for (Phrase p : phrases.get(kind)) {
            String c = p.folded().replace(" ", "");
            if (c.length() >= minLength && compact.contains(c)) {
                found.add(p);
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

    /** How a host imitates an authority's address: what it copies (an official host or ".gov.vn") and the rule. */
    record HostImitation(String imitates, String how) {
    }

    /**
     * The ways a host that is not a .gov.vn host imitates an authority's address (issue 16, tactic 2):
     * a government suffix put where it does not belong ("mps.gov.com", "x.gov.vn.cc", "xgovvn.net",
     * "bocongan-gov-vn.com", "cvgov.com"); an authority's short host name with a place or "gov" beside
     * it ("sbvhn.com", "sbv-vn.net", "hn-sbv.com"); or any authority's name on a free hosting
     * platform ("state-bank.vercel.app"), where no authority publishes.
     */
    List<HostImitation> hostImitations(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        List<HostImitation> out = new ArrayList<>();
        if (h.endsWith(".gov.vn")) {
            return out;
        }
        String[] labels = h.split("\\.");
        // a foreign government's own suffix (".gov", ".gov.uk") is not an imitation of .gov.vn
        int end = labels.length;
        if (end >= 2 && labels[end - 1].equals("gov")) {
            end--;
        } else if (end >= 2 && labels[end - 2].equals("gov") && labels[end - 1].length() == 2) {
            end -= 2;
        }
        // the label a registrant chose: before the top-level domain, or before a second-level one
        // of a country ("gplxgov.org.vn", "x.com.vn": VNNIC's com, net, org, edu, … under .vn)
        int registered = end >= 3 && labels[end - 1].length() == 2 && SECOND_LEVEL.contains(labels[end - 2]) ? end - 3 : end - 2;
        for (int i = 0; i < end; i++) {
            String label = labels[i];
            String compact = label.replaceAll("[^a-z0-9]", "");
            boolean govLabel = label.equals("gov") || label.equals("g0v") || label.equals("qov");
            boolean govInside = compact.contains("govvn") || compact.contains("g0vvn") || compact.contains("qovvn")
                    || label.matches(".*[-_]gov([-_].*)?")
                    || (i == registered && ((compact.endsWith("gov") && compact.length() > 3)
                            || (compact.endsWith("govn") && compact.length() > 4)));
            if (govLabel || govInside) {
                out.add(new HostImitation(".gov.vn", "a government suffix inside another address (label \"" + label + "\")"));
                break;
            }
        }
        String hosting = phrases.get(Kind.HOSTING_SUFFIX).stream().map(Phrase::folded)
                .filter(suffix -> h.endsWith("." + suffix)).findFirst().orElse(null);
        String site = hosting == null ? null : h.substring(0, h.length() - hosting.length() - 1).replaceAll("[^a-z0-9]", "");
        if (site != null) {
            for (Phrase p : phrases.get(Kind.DOMAIN_ABBREV)) {
                if (site.contains(p.folded()) && p.folded().length() >= 4) {
                    out.add(new HostImitation(p.officialHost(), "an authority's name \"" + p.folded() + "\" on the free host " + hosting));
                }
            }
        }
        String core = DomainIndex.core(h);
        List<String> tokens = List.of(h.replaceAll("\\.[^.]*$", "").split("[^a-z0-9]+"));
        for (Phrase p : phrases.get(Kind.DOMAIN_ABBREV)) {
            String a = p.folded();
            String how = null;
            if (core.startsWith(a) && companions(core.substring(a.length()))) {
                how = "\"" + a + "\" followed by \"" + core.substring(a.length()) + "\"";
            } else if (core.endsWith(a) && companions(core.substring(0, core.length() - a.length()))) {
                how = "\"" + a + "\" preceded by \"" + core.substring(0, core.length() - a.length()) + "\"";
            } else if (tokens.size() > 1 && tokens.contains(a) && tokens.stream().anyMatch(t -> !t.equals(a) && companions(t))) {
                how = "\"" + a + "\" beside " + tokens;
            }
            if (how != null && !h.equals(p.officialHost()) && !h.endsWith("." + p.officialHost())) {
                out.add(new HostImitation(p.officialHost(), how));
            }
        }
        return out;
    }

    /** True when a part of a host is made only of companions ("hn", "vnhn", "gov", digits "24h" not). */
    private boolean companions(String part) {
        if (part.isEmpty()) {
            return false;
        }
        if (part.matches("\\d{1,4}")) {
            return true;
        }
        for (Phrase p : phrases.get(Kind.DOMAIN_COMPANION)) {
            if (part.startsWith(p.folded()) && (part.length() == p.folded().length() || companions(part.substring(p.folded().length())))) {
                return true;
            }
        }
        return false;
    }

    /** Second-level domains under a country code (VNNIC's list for .vn; the same words elsewhere). */
    private static final Set<String> SECOND_LEVEL = Set.of("com", "net", "org", "edu", "int", "ac", "biz", "info",
            "name", "pro", "health", "co");
    private static boolean warnedBefore(String text, int at) {
        String window = text.substring(Math.max(0, at - 40), at + 1);
        return WARNINGS.stream().anyMatch(w -> window.contains(" " + w + " "));
    }
}
