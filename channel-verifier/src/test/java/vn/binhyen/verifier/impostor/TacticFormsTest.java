package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each impersonation tactic of issue 16 and each legitimate family, in NFC, NFD, unaccented,
 * mathematically styled and dotted form, as the name of an unregistered Facebook page. The names
 * are the team's own variants (impostor-corpus/variants.tsv, one per tactic and legitimate family);
 * the press names are measured by {@link PressCorpusEvaluationTest}.
 */
class TacticFormsTest {

    private static final ImpostorScorer SCORER = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));
    private static final String LINK = "facebook.com/trang-chua-dang-ky";

    private static final List<PressCorpus.Row> VARIANTS = PressCorpus.read("/impostor-corpus/variants.tsv");
    private static final List<String> IMPOSTORS = VARIANTS.stream().filter(PressCorpus.Row::impostor).map(PressCorpus.Row::name).toList();
    private static final List<String> LEGITIMATE = VARIANTS.stream().filter(r -> !r.impostor()).map(PressCorpus.Row::name).toList();

    static final List<UnaryOperator<String>> FORMS = List.of(
            s -> Normalizer.normalize(s, Normalizer.Form.NFC),
            s -> Normalizer.normalize(s, Normalizer.Form.NFD),
            TacticFormsTest::unaccented,
            TacticFormsTest::styled,
            TacticFormsTest::dotted);
    static final List<String> FORM_NAMES = List.of("NFC", "NFD", "unaccented", "styled", "dotted");

    static Stream<Arguments> impostors() {
        return cases(IMPOSTORS);
    }

    static Stream<Arguments> legitimate() {
        return cases(LEGITIMATE);
    }

    private static Stream<Arguments> cases(List<String> names) {
        return names.stream().flatMap(n -> Stream.iterate(0, i -> i < FORMS.size(), i -> i + 1)
                .map(i -> Arguments.of(FORM_NAMES.get(i), n, FORMS.get(i).apply(n))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("impostors")
    void tactic_is_flagged_in_every_form(String form, String name, String written) {
        Verdict v = SCORER.check(new CheckRequest(LINK, null, written, null));
        assertEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " -> " + v.score() + " " + v.reasonCodes());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("legitimate")
    void legitimate_family_is_not_flagged_in_any_form(String form, String name, String written) {
        Verdict v = SCORER.check(new CheckRequest(LINK, null, written, null));
        assertNotEquals(Verdict.Kind.SUSPECTED_IMPOSTOR, v.verdict(), written + " -> " + v.score() + " " + v.reasonCodes());
    }

    static String unaccented(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }

    /** Mathematical bold sans-serif letters, accents kept as combining marks. */
    static String styled(String s) {
        StringBuilder b = new StringBuilder();
        Normalizer.normalize(s, Normalizer.Form.NFD).codePoints().forEach(c -> {
            if (c >= 'A' && c <= 'Z') {
                b.appendCodePoint(0x1D5D4 + c - 'A');
            } else if (c >= 'a' && c <= 'z') {
                b.appendCodePoint(0x1D5EE + c - 'a');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** Letters of each word separated by dots: "B.ộ C.ô.n.g a.n". */
    static String dotted(String s) {
        StringBuilder b = new StringBuilder();
        for (String word : s.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(String.join(".", word.codePoints().mapToObj(Character::toString).toList()));
        }
        return b.toString();
    }
}
