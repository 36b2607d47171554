package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signals read from the text of a page: its name (unit named, resemblance to official names,
 * unregistered police claims, look-alike characters, mixed scripts), its about text (official
 * details borrowed) and scam phrases in either.
 */
final class NameSignals {

    private static final Pattern LINKS = Pattern.compile(
            "(?:https?://)?(?:www\\.)?[a-z0-9][a-z0-9.-]*\\.[a-z]{2,}(?:/[a-z0-9._@/-]*)?");

    /** What police pages receive; a page named after one of these offers a police service. */
    private static final List<String> SERVICE_NAMES = List.of("tiep nhan", "trinh bao", "to giac", "tin bao",
            "tiep dan", "tiep cong dan");

    /** The words a police unit's name starts with. */
    private static final List<String> POLICE_WORDS = List.of("cong an", "canh sat", "bo cong an");

    private final DirectoryIndex index;
    private final ScoringThresholds thresholds;

    NameSignals(DirectoryIndex index, ScoringThresholds thresholds) {
        this.index = index;
        this.thresholds = thresholds;
    }

    /** Reads the name; {@code hasLink} says whether the name can be held against a link. */
    PoliceClaim name(String name, boolean hasLink, Findings f) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String plain = VietnameseText.normalize(name);
        String read = Confusables.digitsInWords(VietnameseText.normalize(Confusables.deconfuse(undisguise(name))));
        List<String> tokens = tokens(read);
        PoliceClaim claim = PoliceClaim.of(tokens, index.units);
        double linkFactor = hasLink ? 1.0 : 0.6;
        if (claim.namesKnownUnit()) {
            double weight = Signal.NAME_MATCHES_UNIT.weight() * linkFactor * (claim.newsOutlet() ? 0.5 : 1.0);
            f.add(Signal.NAME_MATCHES_UNIT.reason(describe(claim), weight));
            claim.matches().forEach(m -> m.units().forEach(u -> f.namesUnit(u.code())));
        }
        if (!claim.newsOutlet()) {
            // "<kind> <name> – Bộ Công an" / "<kind> <name> Công an <unit>" where no such body exists at that level
            PoliceStructure.Finding invented = PoliceStructure.DEFAULT.invented(tokens, index.nationalNames);
            if (invented != null) {
                f.add(Signal.INVENTED_BODY.reason(invented.vi(name.strip()), invented.en(name.strip()), 0.8, invented.technical()));
            }
        }
        boolean similar = similarity(read, claim, linkFactor, claim.newsOutlet() ? 0.5 : 1.0, f);
        if (claim.claimsUnit() && !claim.namesKnownUnit() && !claim.newsOutlet() && !similar) {
            f.add(Signal.UNREGISTERED_POLICE_CLAIM.reason(name.strip(),
                    Signal.UNREGISTERED_POLICE_CLAIM.weight() * linkFactor));
        }
        if (!read.equals(plain)) {
            PoliceClaim plainClaim = PoliceClaim.of(tokens(plain), index.units);
            boolean policeOnlyWhenRead = (claim.claimsUnit() || similar) && !plainClaim.claimsUnit();
            if (policeOnlyWhenRead) {
                f.add(Signal.CONFUSABLE_CHARACTERS.reason("\"" + read + "\""));
            }
        }
        if (Confusables.mixesScripts(name)) {
            f.add(Signal.MIXED_SCRIPT.reason(name.strip()));
        }
        return claim;
    }

    private boolean similarity(String read, PoliceClaim claim, double linkFactor, double newsFactor, Findings f) {
        boolean policeQuery = claim.claimsUnit();
        boolean found = false;
        for (NameIndex.Hit<Object> hit : index.names.similar(read, thresholds.nameSimilarityThreshold())) {
            boolean policeEntry = hit.value() instanceof UnitMatcher.UnitRef
                    || hit.name().contains("cong an") || hit.name().contains("canh sat");
            double sim = policeQuery && policeEntry ? Math.max(hit.dice(), hit.containment()) : hit.dice();
            if (sim < thresholds.nameSimilarityThreshold()) {
                continue;
            }
            if (hit.value() instanceof OfficialChannel c) {
                f.resembles(c, sim);
                double weight = (policeEntry ? Signal.NAME_SIMILAR_TO_OFFICIAL.weight() : 0.3) * linkFactor * newsFactor;
                if (linkFactor >= 1.0 || !claim.namesKnownUnit()) {
                    // a name-only question that names a real unit is answered with its channels, not accused twice
                    f.add(Signal.NAME_SIMILAR_TO_OFFICIAL.reason(c.displayName(), weight, "similarity " + percent(sim)));
                }
                if (policeEntry) {
                    f.namesUnit(c.unitCode());
                    found = true;
                }
            } else if (hit.value() instanceof UnitMatcher.UnitRef u && !claim.namesKnownUnit()) {
                f.namesUnit(u.code());
                f.add(Signal.NAME_SIMILAR_TO_OFFICIAL.reason(unitLabel(u.code()),
                        Signal.NAME_SIMILAR_TO_OFFICIAL.weight() * linkFactor * newsFactor, "similarity " + percent(sim)));
                found = true;
            }
        }
        return found;
    }

    /** Reads the about text; {@code nameClaim} is what the name already claimed, may be null. */
    void about(String about, String name, ChannelLink link, PoliceClaim nameClaim, Findings f) {
        if (about == null || about.isBlank()) {
            return;
        }
        String read = Confusables.digitsInWords(VietnameseText.normalize(Confusables.deconfuse(about)));
        PoliceClaim claim = PoliceClaim.of(tokens(read), index.units);
        if (claim.namesKnownUnit() && !f.has(Signal.NAME_MATCHES_UNIT)) {
            // a page named as a police service ("Tiếp nhận tố giác") whose about text is a unit's presents itself as that unit
            double weight = offersPoliceService(name) ? 0.55 : Signal.ABOUT_COPIES_OFFICIAL.weight();
            f.add(Signal.ABOUT_COPIES_OFFICIAL.reason(describe(claim), weight));
            claim.matches().forEach(m -> m.units().forEach(u -> f.namesUnit(u.code())));
        } else if (claim.claimsUnit() && !claim.namesKnownUnit() && !claim.newsOutlet()
                && (nameClaim == null || !nameClaim.claimsUnit())) {
            f.add(Signal.UNREGISTERED_POLICE_CLAIM.reason(about.strip(), 0.35));
        }
        Matcher m = LINKS.matcher(about.toLowerCase(Locale.ROOT));
        while (m.find()) {
            ChannelLink cited = ChannelLink.of(m.group(), null);
            OfficialChannel c = cited == null ? null : index.officialById.get(DirectoryIndex.key(cited.normalizedId()));
            if (c != null && (link == null || !DirectoryIndex.key(link.normalizedId()).equals(DirectoryIndex.key(c.normalizedId())))) {
                f.add(Signal.ABOUT_COPIES_OFFICIAL.reason(c.normalizedId(), 0.45));
                f.resembles(c, 0.8);
                f.namesUnit(c.unitCode());
            }
        }
    }

    private static boolean offersPoliceService(String name) {
        return name != null && PoliceClaim.startsWithAnyAt(tokens(VietnameseText.normalize(name)), SERVICE_NAMES);
    }

    /**
     * An authority (a police unit claimed, or another body scammers impersonate) or an invented body,
     * together with a service scam pages sell; CSGT with fines paid online; VNeID with installing or
     * activating it for someone. Read from name and about together, in the de-confused reading.
     */
    void authorityService(String name, String about, PoliceClaim claim, Findings f) {
        String text = Confusables.digitsInWords(VietnameseText.normalize(Confusables.deconfuse(undisguise(
                (name == null ? "" : name) + " . " + (about == null ? "" : about)))));
        if (text.isBlank() || text.equals(".")) {
            return;
        }
        ScamVocabulary v = ScamVocabulary.DEFAULT;
        List<ScamVocabulary.Phrase> authority = new ArrayList<>(v.find(ScamVocabulary.Kind.AUTHORITY, text));
        List<ScamVocabulary.Phrase> invented = new ArrayList<>(v.find(ScamVocabulary.Kind.INVENTED, text));
        List<ScamVocabulary.Phrase> service = v.find(ScamVocabulary.Kind.SERVICE, text);
        boolean police = claim != null && claim.claimsUnit() && !claim.newsOutlet();
        if (!police) {
            // a police body named by its code ("Phòng PC02", "Cục A05", "PX13") speaks for the police (issue 16, tactics 1 and 3)
            for (String code : PoliceStructure.DEFAULT.codesIn(text)) {
                if (authority.stream().noneMatch(a -> a.folded().equals(code))) {
                    authority.add(new ScamVocabulary.Phrase(code.toUpperCase(Locale.ROOT), code));
                }
            }
        }
        if (police) {
            // "UBND Công an tỉnh ...": a body that does not exist inside the police put before a police unit
            invented.addAll(v.findBefore(ScamVocabulary.Kind.NOT_POLICE_PARENT, text, POLICE_WORDS));
        }
        if (invented.isEmpty() && !service.isEmpty()) {
            // "Trung tâm hoàn tiền", "Ban hỗ trợ lấy lại tiền": a kind of body named by the service it sells
            invented.addAll(v.bodiesBeforeService(text, service));
        }
        List<String> parts = new ArrayList<>();
        // a police unit the registry does not know is named in each reader's language; a known one by its name
        String unitVi = !police ? null : claim.namesKnownUnit() ? describe(claim) : "một đơn vị Công an";
        String unitEn = !police ? null : claim.namesKnownUnit() ? describe(claim) : "a police unit";
        authority.forEach(p -> parts.add(p.display()));
        invented.forEach(p -> parts.add(p.display()));
        if ((police || !authority.isEmpty() || !invented.isEmpty()) && !service.isEmpty()) {
            service.forEach(p -> parts.add(p.display()));
            f.add(Signal.AUTHORITY_SELLS_SERVICE.reason(withUnit(unitVi, parts), withUnit(unitEn, parts),
                    Signal.AUTHORITY_SELLS_SERVICE.weight(), ""));
            return;
        }
        if (paired(v, ScamVocabulary.Kind.TRAFFIC, ScamVocabulary.Kind.TRAFFIC_SERVICE, text, f)
                || (!helper(v, text, police, authority) && paired(v, ScamVocabulary.Kind.IDENTITY, ScamVocabulary.Kind.IDENTITY_SERVICE, text, f))) {
            return;
        }
        if (!invented.isEmpty()) {
            double weight = police || !authority.isEmpty() ? 0.8 : Signal.INVENTED_BODY.weight();
            f.add(Signal.INVENTED_BODY.reason(withUnit(unitVi, parts), withUnit(unitEn, parts), weight, ""));
        }
    }

    /**
     * A legitimate helper speaks: the youth union, a mass organisation, a residents' group or a school
     * that installs VNeID for people (issue 16's legitimate families), with no authority claimed beside it.
     */
    private static boolean helper(ScamVocabulary v, String text, boolean police, List<ScamVocabulary.Phrase> authority) {
        return !police && authority.isEmpty() && !v.find(ScamVocabulary.Kind.LEGIT_HELPER, text).isEmpty();
    }

    /**
     * Undoes the disguises that keep a name from matching words: styled letters (NFKC), letters
     * separated by dots or similar ("B.ộ C.ô.n.g a.n"), and runs of single spaced letters ("C Ô N G").
     */
    static String undisguise(String text) {
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder();
        for (String token : t.split("\\s+")) {
            // letters (and the digits of a code, "P.C.0.2") separated one by one are joined; a number alone ("2.9") is left
            String joined = SEPARATED_LETTERS.matcher(token).matches() && token.codePoints().anyMatch(Character::isLetter)
                    ? token.replaceAll("(?<=[\\p{L}\\p{M}\\p{N}])[.\u00b7\u2022_*-](?=[\\p{L}\\p{N}])", "") : token;
            boolean single = joined.codePointCount(0, joined.length()) == 1 && Character.isLetter(joined.codePointAt(0));
            if (b.length() > 0 && !(single && lastWasSingle(b))) {
                b.append(' ');
            }
            b.append(joined);
            b.append(single ? "\u0000" : "");
        }
        return b.toString().replace("\u0000", "");
    }

    private static boolean lastWasSingle(StringBuilder b) {
        return b.length() > 0 && b.charAt(b.length() - 1) == '\u0000';
    }

    private static final Pattern SEPARATED_LETTERS =
            Pattern.compile("(?:[\\p{L}\\p{N}]\\p{M}*[.\u00b7\u2022_*-])+[\\p{L}\\p{N}]\\p{M}*[.\u00b7\u2022_*-]*");

    private static boolean paired(ScamVocabulary v, ScamVocabulary.Kind who, ScamVocabulary.Kind what, String text, Findings f) {
        List<ScamVocabulary.Phrase> a = v.find(who, text);
        List<ScamVocabulary.Phrase> b = a.isEmpty() ? List.of() : v.find(what, text);
        if (b.isEmpty()) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        a.forEach(p -> parts.add(p.display()));
        b.forEach(p -> parts.add(p.display()));
        f.add(Signal.AUTHORITY_SELLS_SERVICE.reason(quoted(parts)));
        return true;
    }

    /** The unit label (unquoted, in the reader's language) followed by the page's words, quoted. */
    private static String withUnit(String unit, List<String> parts) {
        String q = quoted(parts);
        return unit == null ? q : q.isEmpty() ? unit : unit + ", " + q;
    }

    private static String quoted(List<String> parts) {
        List<String> q = new ArrayList<>();
        parts.stream().distinct().forEach(p -> q.add("\u201c" + p + "\u201d"));
        return String.join(", ", q);
    }

    /** Scam phrases in the name and about text together. */
    void scamPhrases(String name, String about, Findings f) {
        String text = VietnameseText.normalize(Confusables.deconfuse((name == null ? "" : name) + " . "
                + (about == null ? "" : about)));
        List<ScamPhrases.Found> found = ScamPhrases.find(text);
        if (found.isEmpty()) {
            return;
        }
        boolean strong = found.stream().anyMatch(ScamPhrases.Found::strong);
        double weight = strong ? Signal.SCAM_PHRASE.weight() : Math.min(0.4, 0.2 * found.size());
        List<String> phrases = new ArrayList<>();
        found.forEach(p -> phrases.add("\"" + p.phrase() + "\""));
        f.add(Signal.SCAM_PHRASE.reason(String.join(", ", phrases), weight));
    }

    private String describe(PoliceClaim claim) {
        List<String> labels = new ArrayList<>();
        for (UnitMatcher.Match m : claim.matches()) {
            for (UnitMatcher.UnitRef u : m.units()) {
                if (labels.size() < 3) {
                    labels.add(unitLabel(u.code()));
                }
            }
        }
        return String.join("; ", labels);
    }

    private String unitLabel(String code) {
        String name = index.unitNameByCode.getOrDefault(code, code);
        String n = VietnameseText.normalize(name);
        return (UnitMatcher.levelPrefix(n) != null ? "Công an " + name : name) + " [" + code + "]";
    }

    private static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    private static String percent(double sim) {
        return Math.round(sim * 100) + "%";
    }
}
