package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the official keys (handles, domain cores) a query is a typo of, without comparing it with
 * every key: keys are indexed by a canonical form (digits read as letters, doubled letters and
 * separators removed) and by character bigrams; only keys sharing enough bigrams get an edit
 * distance (optimal string alignment, so a swap of two letters counts as one edit).
 */
final class FuzzyKeyIndex<T> {

    /** A key near the query: its value, the key, the edit distance and whether both read the same. */
    record Match<T>(T value, String key, int distance, boolean sameReading) {
    }

    private final List<String> keys = new ArrayList<>();
    private final List<T> values = new ArrayList<>();
    private final Map<String, List<Integer>> byCanonical = new HashMap<>();
    private final Map<Integer, List<Integer>> building = new HashMap<>();
    private Map<Integer, int[]> bigrams;
    private final ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[keys.size()]);
    private final ThreadLocal<int[]> touchedIds = ThreadLocal.withInitial(() -> new int[keys.size()]);

    /** Adds a key; call {@link #freeze()} when all are added. */
    void add(String key, T value) {
        int id = keys.size();
        keys.add(key);
        values.add(value);
        byCanonical.computeIfAbsent(canonical(key), k -> new ArrayList<>(1)).add(id);
        for (int code : bigramSet(key)) {
            building.computeIfAbsent(code, k -> new ArrayList<>()).add(id);
        }
    }

    /** Builds the posting arrays; the index is read-only and thread-safe afterwards. */
    FuzzyKeyIndex<T> freeze() {
        Map<Integer, int[]> frozen = new HashMap<>(building.size() * 2);
        building.forEach((code, ids) -> frozen.put(code, ids.stream().mapToInt(Integer::intValue).toArray()));
        building.clear();
        bigrams = frozen;
        return this;
    }

    /** Keys other than the query itself that read the same or are at most {@code maxDistance} edits away. */
    List<Match<T>> near(String query, int maxDistance) {
        List<Match<T>> out = new ArrayList<>();
        List<Integer> twins = byCanonical.get(canonical(query));
        if (twins != null) {
            for (int id : twins) {
                if (!keys.get(id).equals(query)) {
                    out.add(new Match<>(values.get(id), keys.get(id), osa(query, keys.get(id), 99), true));
                }
            }
        }
        if (maxDistance == 0 || keys.isEmpty()) {
            return out;
        }
        int[] shared = counts.get();
        if (shared.length < keys.size()) {
            shared = new int[keys.size()];
            counts.set(shared);
        }
        int[] querySet = bigramSet(query);
        int[] touched = touchedIds.get();
        if (touched.length < keys.size()) {
            touched = new int[keys.size()];
            touchedIds.set(touched);
        }
        int n = 0;
        for (int code : querySet) {
            int[] posting = bigrams.get(code);
            if (posting == null) {
                continue;
            }
            for (int id : posting) {
                if (shared[id]++ == 0) {
                    touched[n++] = id;
                }
            }
        }
        int need = querySet.length - 2 * maxDistance - 1;
        for (int i = 0; i < n; i++) {
            int id = touched[i];
            int count = shared[id];
            shared[id] = 0;
            String key = keys.get(id);
            if (count < need || Math.abs(key.length() - query.length()) > maxDistance || key.equals(query)) {
                continue;
            }
            if (twins != null && twins.contains(id)) {
                continue;
            }
            int distance = osa(query, key, maxDistance);
            if (distance <= maxDistance) {
                out.add(new Match<>(values.get(id), key, distance, false));
            }
        }
        return out;
    }

    /**
     * Keys that the query reads as once a few characters are added before or after them
     * ("conganthudo.hotro", "hotro-conganthudo"), for keys of at least {@code minLength} characters.
     */
    List<Match<T>> withAffix(String query, int minLength, int maxExtra) {
        List<Match<T>> out = new ArrayList<>();
        String c = canonical(query);
        for (int k = 1; k <= maxExtra && c.length() - k >= minLength; k++) {
            for (String part : List.of(c.substring(k), c.substring(0, c.length() - k))) {
                for (int id : byCanonical.getOrDefault(part, List.of())) {
                    out.add(new Match<>(values.get(id), keys.get(id), k, false));
                }
            }
        }
        return out;
    }

    /** Digits read as the letters they imitate, l and 1 as i, separators and doubled letters dropped. */
    static String canonical(String key) {
        StringBuilder b = new StringBuilder(key.length());
        char last = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            if (c == '.' || c == '_' || c == '-') {
                continue;
            }
            char letter = Confusables.letterFor(c);
            if (letter != 0) {
                c = letter;
            }
            if (c == 'l') {
                c = 'i';
            }
            if (c != last) {
                b.append(c);
            }
            last = c;
        }
        return b.toString();
    }

    /** Optimal string alignment distance, or {@code max + 1} once it is known to exceed max. */
    static int osa(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    private static int[] bigramSet(String s) {
        String padded = "^" + s + "$";
        int[] codes = new int[padded.length() - 1];
        int n = 0;
        outer:
        for (int i = 0; i + 1 < padded.length(); i++) {
            int code = (padded.charAt(i) << 16) | padded.charAt(i + 1);
            for (int j = 0; j < n; j++) {
                if (codes[j] == code) {
                    continue outer;
                }
            }
            codes[n++] = code;
        }
        return java.util.Arrays.copyOf(codes, n);
    }
}
