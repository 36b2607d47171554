package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the official names a normalised name resembles, through an inverted index of character
 * trigrams: candidates come from the trigrams they share with the query (trigrams found in most
 * names, such as those of "cong an phuong", are skipped for that step), and only the best
 * candidates get an exact Dice similarity and containment.
 */
final class NameIndex<T> {

    /** An indexed name the query resembles; containment is the share of the name's trigrams found in the query. */
    record Hit<T>(T value, String name, double dice, double containment) {
    }

    private static final int CANDIDATES = 40;

    private final List<String> names = new ArrayList<>();
    private final List<T> values = new ArrayList<>();
    private final List<int[]> grams = new ArrayList<>();
    private final Map<Integer, List<Integer>> building = new HashMap<>();
    private Map<Integer, int[]> postings;
    private int maxPosting;
    private final ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[names.size()]);
    private final ThreadLocal<int[]> touchedIds = ThreadLocal.withInitial(() -> new int[names.size()]);

    /** Adds a normalised name; call {@link #freeze()} when all are added. */
    void add(String normalizedName, T value) {
        int id = names.size();
        int[] g = trigrams(normalizedName);
        names.add(normalizedName);
        values.add(value);
        grams.add(g);
        for (int code : g) {
            building.computeIfAbsent(code, k -> new ArrayList<>()).add(id);
        }
    }

    /** Builds the posting arrays; read-only and thread-safe afterwards. */
    NameIndex<T> freeze() {
        Map<Integer, int[]> frozen = new HashMap<>(building.size() * 2);
        building.forEach((code, ids) -> frozen.put(code, ids.stream().mapToInt(Integer::intValue).toArray()));
        building.clear();
        postings = frozen;
        maxPosting = Math.max(200, names.size() / 25);
        return this;
    }

    /** Names whose Dice similarity or containment reaches {@code minScore}, best first. */
    List<Hit<T>> similar(String normalizedQuery, double minScore) {
        if (names.isEmpty() || normalizedQuery.isEmpty()) {
            return List.of();
        }
        int[] query = trigrams(normalizedQuery);
        int[] shared = counts.get();
        if (shared.length < names.size()) {
            shared = new int[names.size()];
            counts.set(shared);
        }
        int[] touched = touchedIds.get();
        if (touched.length < names.size()) {
            touched = new int[names.size()];
            touchedIds.set(touched);
        }
        int n = 0;
        int most = 0;
        for (int code : query) {
            int[] posting = postings.get(code);
            if (posting == null || posting.length > maxPosting) {
                continue;
            }
            for (int id : posting) {
                if (shared[id]++ == 0) {
                    touched[n++] = id;
                }
                most = Math.max(most, shared[id]);
            }
        }
        int[] ranked = rankByCount(touched, n, shared, most);
        for (int i = 0; i < n; i++) {
            shared[touched[i]] = 0;
        }
        List<Hit<T>> hits = new ArrayList<>();
        for (int i = 0; i < ranked.length && i < CANDIDATES; i++) {
            int id = ranked[i];
            int[] g = grams.get(id);
            int common = intersect(query, g);
            double dice = 2.0 * common / (query.length + g.length);
            double containment = (double) common / g.length;
            if (dice >= minScore || containment >= minScore) {
                hits.add(new Hit<>(values.get(id), names.get(id), dice, containment));
            }
        }
        hits.sort((a, b) -> Double.compare(b.dice(), a.dice()));
        return hits;
    }

    /**
     * The first {@link #CANDIDATES} of {@code ids[0..n)} by descending count, ties in their order
     * in {@code ids} (what a stable sort of them all would give first, without sorting them all):
     * a counting sort over the counts, which are at most the query's trigrams.
     */
    private static int[] rankByCount(int[] ids, int n, int[] count, int most) {
        int[] withCount = new int[most + 2];
        for (int i = 0; i < n; i++) {
            withCount[count[ids[i]]]++;
        }
        int[] start = new int[most + 2];
        for (int c = most - 1; c >= 0; c--) {
            start[c] = start[c + 1] + withCount[c + 1];
        }
        int keep = Math.min(n, CANDIDATES);
        int[] ranked = new int[keep];
        for (int i = 0; i < n; i++) {
            int slot = start[count[ids[i]]]++;
            if (slot < keep) {
                ranked[slot] = ids[i];
            }
        }
        return ranked;
    }

    /** The sorted, distinct trigrams of " name ". */
    static int[] trigrams(String normalized) {
        String s = " " + normalized + " ";
        int[] codes = new int[Math.max(0, s.length() - 2)];
        for (int i = 0; i + 2 < s.length(); i++) {
            codes[i] = ((s.charAt(i) & 0x3FF) << 20) | ((s.charAt(i + 1) & 0x3FF) << 10) | (s.charAt(i + 2) & 0x3FF);
        }
        return Arrays.stream(codes).sorted().distinct().toArray();
    }

    private static int intersect(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }
}
