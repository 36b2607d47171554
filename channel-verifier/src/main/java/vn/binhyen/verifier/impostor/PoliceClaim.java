package vn.binhyen.verifier.impostor;

import java.util.List;
import java.util.Set;

/**
 * Whether a normalised text presents itself as a police unit. A claim is a unit phrase found in the
 * registry, "cong an"/"canh sat" followed by a level word ("cong an phuong ..."), a "cuc" (national
 * department) named with police vocabulary, or the force offering a service ("cong an ho tro ...").
 * A mere mention of the force ("Công an nhân dân") is not a claim; a name that starts like a news
 * outlet ("Báo ...", "Tạp chí ...") is marked so the scorer can weigh its unit phrase lightly.
 *
 * @param matches    unit phrases found in the registry
 * @param claimsUnit the text presents itself as a police unit, found or not
 * @param newsOutlet the text is named like a newspaper, magazine or broadcaster
 */
record PoliceClaim(List<UnitMatcher.Match> matches, boolean claimsUnit, boolean newsOutlet) {

    private static final Set<String> DOMAIN_WORDS = Set.of("canh sat", "an ninh", "cong an", "toi pham",
            "trinh bao", "to giac", "lua dao", "dieu tra", "hinh su");
    private static final Set<String> SERVICE_WORDS = Set.of("tiep nhan", "ho tro", "giai quyet", "thu hoi",
            "xu ly", "trinh bao");
    private static final Set<String> NEWS_STARTS = Set.of("bao", "tap chi", "truyen hinh", "phat thanh", "dai phat");

    /** Analyses normalised tokens against the registry's unit phrases. */
    static PoliceClaim of(List<String> tokens, UnitMatcher units) {
        List<UnitMatcher.Match> matches = units.find(tokens);
        boolean claims = !matches.isEmpty();
        for (int i = 0; i + 1 < tokens.size() && !claims; i++) {
            String pair = tokens.get(i) + " " + tokens.get(i + 1);
            if (pair.equals("cong an") || pair.equals("canh sat")) {
                claims = startsWithAny(tokens, i + 2, UnitMatcher.LEVEL_WORDS)
                        || serviceFollows(tokens, i + 2);
            }
            if (tokens.get(i).equals("cuc") && hasAny(tokens, DOMAIN_WORDS)) {
                claims = true;
            }
        }
        boolean news = !tokens.isEmpty() && startsWithAny(tokens, 0, NEWS_STARTS);
        return new PoliceClaim(matches, claims, news);
    }

    /** True when the text names a unit of the registry. */
    boolean namesKnownUnit() {
        return !matches.isEmpty();
    }

    private static boolean serviceFollows(List<String> tokens, int from) {
        for (int i = from; i < Math.min(tokens.size(), from + 3); i++) {
            if (startsWithAny(tokens, i, SERVICE_WORDS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(List<String> tokens, Set<String> phrases) {
        for (int i = 0; i < tokens.size(); i++) {
            if (startsWithAny(tokens, i, phrases)) {
                return true;
            }
        }
        return false;
    }

    /** True when one of the phrases occurs anywhere in the tokens. */
    static boolean startsWithAnyAt(List<String> tokens, java.util.Collection<String> phrases) {
        for (int i = 0; i < tokens.size(); i++) {
            if (startsWithAny(tokens, i, phrases)) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWithAny(List<String> tokens, int at, java.util.Collection<String> phrases) {
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            if (at + words.length > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < words.length && all; k++) {
                all = tokens.get(at + k).equals(words[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
