package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How {@link PoliceStructure} compares the folded words of a body's name: what is left after its
 * kind ("Phòng", "Cục") and connectors, whether a claimed name is a real one or of its family, and
 * codes written letter by letter read as one token.
 */
final class BodyNames {

    /** Connectors that carry no meaning in a body's name. */
    static final Set<String> STOP = Set.of("va", "ve", "cua", "thuoc", "truc", "tai", "cac", "tren");

    private BodyNames() {
    }

    /**
     * Whether a claimed function names a real one: all its words are in the real one and it is the
     * real one's beginning or most of it ("Cục An ninh", "Phòng Cảnh sát phòng chống tội phạm công
     * nghệ cao"), or it starts with the real one ("Cục Cảnh sát hình sự Việt Nam"), or the real one
     * is most of it.
     */
    static boolean matches(List<String> claimed, List<String> real) {
        List<String> c = content(claimed);
        List<String> r = content(real);
        if (r.isEmpty() || c.isEmpty()) {
            return r.isEmpty() && c.isEmpty();
        }
        Set<String> cs = new HashSet<>(c);
        Set<String> rs = new HashSet<>(r);
        if (rs.containsAll(cs) && (startsWith(r, c) || cs.size() >= 0.6 * rs.size())) {
            return true;
        }
        if (startsWith(c, r)) {
            return true;
        }
        return cs.containsAll(rs) && rs.size() >= 0.6 * cs.size();
    }

    /**
     * Real names come in families ("Cảnh sát …", "An ninh …", "Kỹ thuật …", "Quản lý …"), and the
     * lists are not complete: a name that opens like a listed real one of three words or more is
     * given the benefit of the doubt ("Phòng An ninh kinh tế", "Phòng Kỹ thuật hình sự"); one outside
     * every family ("Phòng tiếp nhận tố giác", "Cục Hỗ trợ nạn nhân") is not.
     */
    static boolean sameFamily(List<String> claimed, List<String> real) {
        List<String> c = content(claimed);
        List<String> r = content(real);
        return c.size() >= 2 && r.size() >= 3 && c.subList(0, 2).equals(r.subList(0, 2));
    }

    static boolean startsWith(List<String> list, List<String> prefix) {
        return prefix.size() <= list.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    static List<String> content(List<String> tokens) {
        return tokens.stream().filter(t -> !STOP.contains(t)).toList();
    }

    /** The folded words after the kind, without trailing connectors ("thuộc", "trực thuộc", "của"). */
    static List<String> function(String kind, List<String> folded) {
        int k = kind.split(" ").length;
        List<String> f = new ArrayList<>(startsWith(folded, Arrays.asList(kind.split(" "))) ? folded.subList(k, folded.size()) : folded);
        if (f.size() >= 3 && f.subList(f.size() - 3, f.size()).equals(List.of("bo", "cong", "an"))) {
            f = new ArrayList<>(f.subList(0, f.size() - 3));
        }
        while (!f.isEmpty() && STOP.contains(f.get(f.size() - 1))) {
            f.remove(f.size() - 1);
        }
        return f;
    }

    /** Codes written letter by letter ("C.0.2", "P C 0 2") read as one token ("c02", "pc02"). */
    static List<String> joinCodes(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            // a lone "P" has been expanded to "phường" by VietnameseText: "P.C.0.2" arrives as "phuong c 0 2"
            boolean p = tokens.get(i).equals("phuong") && i + 1 < tokens.size() && tokens.get(i + 1).length() == 1;
            int j = p ? i + 1 : i;
            StringBuilder run = new StringBuilder(p ? "p" : "");
            while (j < tokens.size() && tokens.get(j).length() == 1 && run.length() < 5) {
                run.append(tokens.get(j));
                j++;
            }
            if (j - i >= 2 && run.length() >= 3 && run.toString().matches("p?[a-z]\\d{2}[a-z]?")) {
                out.add(run.toString());
                i = j - 1;
            } else {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }
}
