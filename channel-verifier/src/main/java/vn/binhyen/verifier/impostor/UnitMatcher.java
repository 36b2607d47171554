package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the police units a normalised text names. Every administrative unit gives the phrases
 * "cong an" + its name ("cong an phuong ba dinh") and, for names of two words or more, "cong an" +
 * the name without its level word ("cong an ba dinh"); a national body ("Bộ Công an", "Cục Cảnh sát
 * hình sự") gives its own name and its leading four words or more. Matching looks phrases up by
 * token span from the few tokens a phrase can start with, so it costs no more than the text length.
 */
final class UnitMatcher {

    /** A unit and the normalised phrase that names its police. */
    record UnitRef(String code, String policeName) {
    }

    /** A span of the text that names one or more units (several wards share a name). */
    record Match(List<UnitRef> units, int start, int end) {
    }

    static final List<String> LEVEL_WORDS = List.of("thanh pho", "tinh", "phuong", "xa", "dac khu", "quan",
            "huyen", "thi xa", "thi tran");

    private final Map<String, List<UnitRef>> byPhrase = new HashMap<>();
    private final Set<String> firstTokens = new HashSet<>();
    private int maxTokens = 1;

    UnitMatcher(List<UnitName> units) {
        for (UnitName unit : units) {
            String name = VietnameseText.normalize(unit.name());
            String level = levelPrefix(name);
            if (level != null) {
                UnitRef ref = new UnitRef(unit.code(), "cong an " + name);
                put(ref.policeName(), ref);
                String rest = name.substring(level.length()).trim();
                if (rest.indexOf(' ') > 0 && rest.chars().noneMatch(Character::isDigit)) {
                    put("cong an " + rest, ref);
                }
            } else {
                UnitRef ref = new UnitRef(unit.code(), name);
                put(name, ref);
                String[] words = name.split(" ");
                for (int n = 4; n < words.length; n++) {
                    put(String.join(" ", List.of(words).subList(0, n)), ref);
                }
            }
        }
    }

    /** The level word a normalised unit name starts with ("phuong", "thanh pho"), or null. */
    static String levelPrefix(String normalizedName) {
        for (String level : LEVEL_WORDS) {
            if (normalizedName.startsWith(level + " ")) {
                return level;
            }
        }
        return null;
    }

    private void put(String phrase, UnitRef ref) {
        List<UnitRef> refs = byPhrase.computeIfAbsent(phrase, k -> new ArrayList<>(1));
        if (refs.stream().noneMatch(r -> r.code().equals(ref.code()))) {
            refs.add(ref);
        }
        String[] words = phrase.split(" ");
        firstTokens.add(words[0]);
        maxTokens = Math.max(maxTokens, words.length);
    }

    /** Every unit phrase in the tokens: the longest one at each start, spans not overlapping. */
    List<Match> find(List<String> tokens) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!firstTokens.contains(tokens.get(i))) {
                i++;
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            Match best = null;
            for (int end = i; end < tokens.size() && end - i < maxTokens; end++) {
                if (end > i) {
                    phrase.append(' ');
                }
                phrase.append(tokens.get(end));
                List<UnitRef> refs = byPhrase.get(phrase.toString());
                if (refs != null) {
                    best = new Match(refs, i, end + 1);
                }
            }
            if (best != null) {
                out.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return out;
    }
}
