package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The real structure of the police, read once from {@code impostor/police-bodies.tsv} (the real
 * bodies, each with its source) and {@code impostor/police-body-kinds.tsv} (which kinds of body
 * exist at which level): the knowledge is in those files, this class only folds it and reads the
 * grammar "&lt;kind&gt; &lt;name&gt; (–) Bộ Công an" / "&lt;kind&gt; &lt;name&gt; Công an &lt;unit&gt;" in a folded name.
 *
 * <p>A name claims an invented body when the kind does not exist at the level of the parent it
 * names (a "Phòng" directly under the ministry, a "Cục" of a provincial police), or when the kind
 * is one whose real bodies are all listed and the name is none of them (nor a short name, nor, for
 * a provincial Phòng, the mirror of a ministry body: Cục Cảnh sát hình sự / Phòng Cảnh sát hình
 * sự). A name that was ever a real body's is never called invented; a body inside a real one
 * ("Phòng Tham mưu, Cục An ninh mạng …") is read as that real one's.
 */
final class PoliceStructure {

    enum Level {
        MINISTRY("Bộ Công an", "the Ministry of Public Security"),
        PROVINCE("Công an cấp tỉnh", "a provincial police"),
        COMMUNE("Công an cấp xã", "a commune police");

        final String vi;
        final String en;

        Level(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }

    /** A real body; {@code function} is its folded name without the kind, {@code aliases} its short names so. */
    record Body(Level level, String kind, String code, String name, String validFrom, String validTo, String source,
            List<String> function, List<List<String>> aliases, List<String> folded, String foldedKind) {
    }

    /** Whether a kind of body exists at a level, and whether its real bodies there are all listed. */
    record KindRule(String kind, Level level, boolean exists, boolean checked, String source, String note) {
    }

    /** An invented body found in a name: why, and the real bodies nearest to it. */
    record Finding(String kind, Level level, boolean kindMissing, List<Body> nearest, String technical) {

        String vi(String name) {
            String head = "\u201c" + name + "\u201d: ";
            String why = kindMissing
                    ? (level == Level.MINISTRY ? "không có " + kind + " nào trực thuộc Bộ Công an"
                            : level.vi + " không có " + kind)
                    : "không có " + kind + " nào tên như vậy thuộc " + level.vi;
            return head + why + (nearest.isEmpty() ? "" : "; đơn vị có thật gần nhất: " + labels());
        }

        String en(String name) {
            String head = "\u201c" + name + "\u201d: ";
            String why = kindMissing
                    ? (level == Level.MINISTRY ? "no body of this kind sits directly under the Ministry of Public Security"
                            : level.en + " has no body of this kind")
                    : "no body of that name exists in " + (level == Level.MINISTRY ? level.en : level.en.replaceFirst("^a ", "any "));
            return head + why + (nearest.isEmpty() ? "" : "; the nearest real bodies: " + labels());
        }

        private String labels() {
            List<String> out = new ArrayList<>();
            for (Body b : nearest) {
                out.add("\u201c" + b.name() + "\u201d" + (b.code().isEmpty() ? "" : " (" + b.code() + ")"));
            }
            return String.join("; ", out);
        }
    }

    /** Phrases split once: the kinds, parents and level words are few and asked at every token. */
    private static final Map<String, String[]> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** After "phòng", these make it the verb "prevent" ("phòng chống", "phòng cháy"), not a Phòng. */
    private static final Set<String> PHONG_VERB = Set.of("chong", "chay", "ngua", "tranh", "ve", "dich");
    /** Kinds that contain others: in "Phòng Tham mưu, Cục An ninh mạng – Bộ Công an" the Cục is what the ministry must have. */
    private static final Set<String> CONTAINERS = Set.of("cuc", "tong cuc", "bo tu lenh", "hoc vien", "co quan", "van phong",
            "thanh tra");
    private static final Set<String> PROVINCE_WORDS = Set.of("tinh", "thanh pho");
    private static final Set<String> COMMUNE_WORDS = Set.of("xa", "phuong", "dac khu", "thi tran");
    /** "Công an" followed by these is the force or the party, not a unit. */
    private static final Set<String> NOT_A_UNIT = Set.of("nhan dan", "viet nam", "trung uong");
    private static final Set<String> POLICE_WORDS = Set.of("canh sat", "an ninh", "cong an", "toi pham", "hinh su", "dieu tra");

    /** Loaded at start, after the constants above. */
    static final PoliceStructure DEFAULT = load("/impostor/police-bodies.tsv", "/impostor/police-body-kinds.tsv");

    private final List<Body> bodies;
    private final Map<String, String> kindDisplay = new HashMap<>();
    private final Map<String, KindRule> rules = new HashMap<>();
    /** Folded kinds, longest first, for matching at a position. */
    private final List<String> kinds;
    private final Set<String> codes = new HashSet<>();
    /** The shape of a body's code, folded: C02, A05, PC02, PX13, K02. */
    private static final String CODE = "p?[a-z]\\d{2}[a-z]?";

    private PoliceStructure(List<Body> bodies, List<KindRule> kindRules) {
        this.bodies = List.copyOf(bodies);
        for (KindRule r : kindRules) {
            String k = VietnameseText.normalize(r.kind());
            rules.put(k + "|" + r.level(), r);
            kindDisplay.putIfAbsent(k, r.kind());
        }
        List<String> ks = new ArrayList<>(kindDisplay.keySet());
        ks.sort(Comparator.comparingInt((String s) -> s.split(" ").length).reversed());
        this.kinds = List.copyOf(ks);
        for (Body b : bodies) {
            if (!b.code().isEmpty()) {
                codes.add(b.code().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The codes of real bodies written in a folded text ("pc02", "a05", "c02"), each once, in the
     * order they appear: a page that names a police body by its code claims to speak for it.
     */
    List<String> codesIn(String folded) {
        List<String> out = new ArrayList<>();
        for (String t : folded.split(" ")) {
            if (t.matches(CODE) && codes.contains(t) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static PoliceStructure load(String bodiesResource, String kindsResource) {
        List<Body> bodies = new ArrayList<>();
        for (String[] c : SourcedRows.read(PoliceStructure.class, bodiesResource, 8, 8, 7, true)) {
            Level level = Level.valueOf(c[0].toUpperCase(Locale.ROOT));
            String kind = VietnameseText.normalize(c[1]);
            List<List<String>> aliases = new ArrayList<>();
            for (String s : c[4].split(";")) {
                if (!s.isBlank()) {
                    aliases.add(BodyNames.function(kind, BodyNames.tokens(VietnameseText.normalize(s))));
                }
            }
            List<String> folded = BodyNames.tokens(VietnameseText.normalize(c[3]));
            bodies.add(new Body(level, c[1], c[2], c[3], c[5], c[6], c[7], BodyNames.function(kind, folded), aliases, folded, kind));
        }
        List<KindRule> kindRules = new ArrayList<>();
        for (String[] c : SourcedRows.read(PoliceStructure.class, kindsResource, 8, 8, 6, true)) {
            kindRules.add(new KindRule(c[0], Level.valueOf(c[1].toUpperCase(Locale.ROOT)), c[2].equals("yes"), c[3].equals("yes"),
                    c[6], c[7]));
        }
        return new PoliceStructure(bodies, kindRules);
    }

    List<Body> bodies() {
        return bodies;
    }

    /**
     * The invented body a folded name claims, or null: none claimed, a real one, one inside a real one,
     * or one of a kind whose real bodies are not all listed. {@code registered} are the folded names
     * of the national bodies in the registry, which are real by definition.
     */
    Finding invented(List<String> written, Set<String> registered) {
        List<String> tokens = BodyNames.joinCodes(written);
        int start = -1;
        for (int i = 0; i < tokens.size() && start < 0; i++) {
            if (kindAt(tokens, i) != null && !warnedBefore(tokens, i)) {
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        Level level = null;
        int parent = tokens.size();
        for (int i = start + 1; i < tokens.size() && level == null; i++) {
            if (at(tokens, i, "bo cong an") && !(i > 0 && tokens.get(i - 1).equals("can"))) {
                level = Level.MINISTRY;
                parent = i;
            } else if (at(tokens, i, "cong an") && !(i > 0 && tokens.get(i - 1).equals("bo"))) {
                Level l = levelAfter(tokens, i + 2);
                int after = i + 2;
                if (l == null && after < tokens.size() && NOT_A_UNIT.stream().noneMatch(w -> at(tokens, after, w))) {
                    // "Công an Hà Nội", "CA Đà Nẵng": a local police named without its level word is read as a province's
                    l = Level.PROVINCE;
                }
                if (l != null) {
                    level = l;
                    parent = i;
                }
            }
        }
        int body = start;
        for (int i = start + 1; i < parent; i++) {
            String k = kindAt(tokens, i);
            if (k != null && CONTAINERS.contains(k)) {
                body = i;
            }
        }
        String kind = kindAt(tokens, body);
        if (level == null) {
            // "Cục …" with police words and no parent: a Cục is a unit of the ministry
            if (!kind.equals("cuc") || !hasPoliceWord(tokens.subList(body, parent))) {
                return null;
            }
            level = Level.MINISTRY;
        }
        List<String> claimed = new ArrayList<>(tokens.subList(body, parent));
        List<String> function = BodyNames.function(kind, claimed);
        String joined = String.join(" ", claimed);
        if (level == Level.MINISTRY && (registered.contains(joined) || registered.contains(joined + " bo cong an"))) {
            return null;
        }
        KindRule rule = rules.get(kind + "|" + level);
        if (rule == null) {
            return null;
        }
        if (!rule.exists()) {
            return new Finding(kindDisplay.get(kind), level, true, nearest(claimed, level),
                    "structure: no " + kind + " at level " + level.name().toLowerCase(Locale.ROOT) + " (" + rule.note() + "); "
                            + rule.source());
        }
        if (!rule.checked() || function.isEmpty()) {
            return null;
        }
        // a code names the body ("Cục C02", "PC02", "(PC50 - Công an TP Hà Nội)"); a code we do not know is not held against it
        List<String> words = new ArrayList<>();
        for (String t : function) {
            if (t.matches(CODE)) {
                return null;
            }
            words.add(t);
        }
        if (words.isEmpty() || real(kind, level, words) || namesBranch(words)) {
            return null;
        }
        List<Body> near = nearest(claimed, level);
        return new Finding(kindDisplay.get(kind), level, false, near,
                "structure: \"" + joined + "\" is none of the " + count(kind, level) + " real bodies of kind " + kind + " at level "
                        + level.name().toLowerCase(Locale.ROOT) + (near.isEmpty() ? "" : "; nearest " + near.get(0).name()));
    }

    private boolean real(String kind, Level level, List<String> words) {
        for (Body b : bodies) {
            String bk = b.foldedKind();
            boolean sameKind = bk.equals(kind) && b.level() == level;
            // a provincial Phòng mirrors a body of the ministry (Cục Cảnh sát hình sự C02 / Phòng PC02, K02 / PK02)
            boolean mirror = level == Level.PROVINCE && kind.equals("phong") && b.level() == Level.MINISTRY
                    && (bk.equals("cuc") || bk.equals("bo tu lenh"));
            if (!sameKind && !mirror) {
                continue;
            }
            if (BodyNames.matches(words, b.function()) || BodyNames.sameFamily(words, b.function())) {
                return true;
            }
            for (List<String> a : b.aliases()) {
                if (BodyNames.matches(words, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A body named after a branch of the force ("… Cảnh sát cơ động", "… An ninh …") may be a real
     * one the lists do not have (a Trung tâm Huấn luyện inside a Bộ Tư lệnh); one named after a
     * service ("thu hồi vốn", "tiếp nhận hồ sơ") is no body of the police.
     */
    private static boolean namesBranch(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (at(words, i, "canh sat") || at(words, i, "an ninh")) {
                return true;
            }
        }
        return false;
    }

    private List<Body> nearest(List<String> claimed, Level level) {
        String kind = kindAt(claimed, 0);
        Set<String> c = new HashSet<>(BodyNames.content(kind == null ? claimed : BodyNames.function(kind, claimed)));
        record Scored(Body body, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Body b : bodies) {
            if (b.level() != level || !b.validTo().isEmpty()) {
                continue;
            }
            Set<String> r = new HashSet<>(BodyNames.content(b.function()));
            Set<String> both = new HashSet<>(c);
            both.retainAll(r);
            double dice = c.isEmpty() || r.isEmpty() ? 0 : 2.0 * both.size() / (c.size() + r.size());
            if (dice > 0.2) {
                scored.add(new Scored(b, dice));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored.stream().limit(2).map(Scored::body).toList();
    }

    private long count(String kind, Level level) {
        return bodies.stream().filter(b -> b.level() == level && b.foldedKind().equals(kind)).count();
    }

    private String kindAt(List<String> tokens, int i) {
        for (String k : kinds) {
            if (at(tokens, i, k)) {
                if (k.equals("phong") && (i + 1 < tokens.size() && PHONG_VERB.contains(tokens.get(i + 1))
                        || i > 0 && tokens.get(i - 1).equals("van"))) {
                    return null;
                }
                if (k.equals("cuc") && i > 0 && (tokens.get(i - 1).equals("chi") || tokens.get(i - 1).equals("tong"))) {
                    return null;
                }
                return k;
            }
        }
        return null;
    }

    private static Level levelAfter(List<String> tokens, int i) {
        for (String w : PROVINCE_WORDS) {
            if (at(tokens, i, w)) {
                return Level.PROVINCE;
            }
        }
        for (String w : COMMUNE_WORDS) {
            if (at(tokens, i, w)) {
                return Level.COMMUNE;
            }
        }
        return null;
    }

    private static boolean warnedBefore(List<String> tokens, int i) {
        String before = " " + String.join(" ", tokens.subList(Math.max(0, i - 6), i)) + " ";
        return ScamVocabulary.WARNINGS.stream().anyMatch(w -> before.contains(" " + w + " "));
    }

    private static boolean hasPoliceWord(List<String> tokens) {
        return POLICE_WORDS.stream().anyMatch(w -> at(" " + String.join(" ", tokens) + " ", w));
    }

    private static boolean at(String text, String phrase) {
        return text.contains(" " + phrase + " ");
    }

    static boolean at(List<String> tokens, int i, String phrase) {
        String[] words = WORDS.computeIfAbsent(phrase, k -> k.split(" "));
        if (i < 0 || i + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(i + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }


}
