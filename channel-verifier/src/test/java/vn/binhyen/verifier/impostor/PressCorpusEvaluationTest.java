package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Scores the independent press corpus per split and prints the figures of issue 16 (recall on
 * impostors whose name or link carries a scam or fake-body signal, false alarms on legitimate
 * names, impostors answered OFFICIAL), and fails the build when they fall below the floors.
 *
 * <p>The tuning split (rows dated up to 2023) and the team's variants print every miss and false
 * alarm, so a rule can be built for their tactic. The test split (2024 and later) prints only its
 * totals: looking at its rows would be tuning on them. Its recall is reported, not asserted (the
 * issue's 95 % does not hold yet); only its OFFICIAL impostors and false alarms are asserted.
 * The floors are what the scorer reached on the tuning split when they were set
 * (docs/impostor-corpus.md): a regression fails, an improvement may raise them.
 */
class PressCorpusEvaluationTest {

    /**
     * Tuning split floors: what it reaches, 4 December 2026 (fifth pass, 448 rows: 33/35 signalled,
     * 34/106 all impostors, 0/95 false alarms). Counts, not shares: rows added without a signal in
     * their name or link lower a share while the scorer flags exactly the same rows, and a count
     * still fails on any lost row. The fifth pass added 23 signalled tuning rows, of which the
     * scorer of the fourth pass flagged 6; the host rules of the fifth pass (a "gov" label before a
     * second-level suffix of .vn, "govn", the driving-licence portal's short name) flag 15 more;
     * the two left are one invented body printed by two outlets ("Bộ Giáo dục và Sở đào tạo quốc
     * phòng chính phủ"), for which no rule general enough was found.
     */
    private static final int TUNING_SIGNALLED_FLAGGED = 33;
    private static final int TUNING_ALL_FLAGGED = 34;
    private static final double TUNING_FALSE_ALARMS = 0.0;
    /** The false-alarm ceiling, asserted on the test split. */
    private static final double TEST_FALSE_ALARMS = 0.02;

    /** What one split scored. */
    record Figures(int signalled, int caught, int impostors, int impostorsFlagged, int legit, int falseAlarms,
            int officialImpostors) {

        double signalledRecall() {
            return signalled == 0 ? 1.0 : (double) caught / signalled;
        }

        double allRecall() {
            return impostors == 0 ? 1.0 : (double) impostorsFlagged / impostors;
        }

        double falseAlarmRate() {
            return legit == 0 ? 0.0 : (double) falseAlarms / legit;
        }
    }

    @Test
    void press_corpus_meets_its_floors_per_split() throws IOException {
        ImpostorScorer scorer = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));
        List<PressCorpus.Row> rows = PressCorpus.press();
        assertFalse(rows.isEmpty(), "press corpus is empty");
        Figures tuning = report("tuning (<= 2023)", scorer, rows, r -> !r.test(), true);
        Figures test = report("test (>= 2024)", scorer, rows, PressCorpus.Row::test, false);
        // the vocabulary was read from some test-period articles; rows from the others are the clean measure
        String vocabulary = new String(Corpus.resource("/impostor/scam-vocabulary.tsv").readAllBytes(), StandardCharsets.UTF_8);
        Figures clean = report("test, sources not used for the vocabulary", scorer, rows,
                r -> r.test() && !vocabulary.contains(r.source()), false);
        Figures variants = report("team variants (not press)", scorer, PressCorpus.read("/impostor-corpus/variants.tsv"), r -> true, true);

        assertEquals(0, tuning.officialImpostors(), "tuning: impostors answered OFFICIAL");
        assertTrue(tuning.caught() >= TUNING_SIGNALLED_FLAGGED, "tuning: signalled impostors flagged " + tuning.caught()
                + "/" + tuning.signalled());
        assertTrue(tuning.impostorsFlagged() >= TUNING_ALL_FLAGGED, "tuning: impostors flagged " + tuning.impostorsFlagged()
                + "/" + tuning.impostors());
        assertTrue(tuning.falseAlarmRate() <= TUNING_FALSE_ALARMS, "tuning: false alarms " + tuning.falseAlarmRate());
        assertEquals(0, test.officialImpostors(), "test: impostors answered OFFICIAL");
        assertTrue(test.falseAlarmRate() <= TEST_FALSE_ALARMS, "test: false alarms " + test.falseAlarmRate());
        assertEquals(0, clean.officialImpostors(), "clean test: impostors answered OFFICIAL");
        assertEquals(0, variants.officialImpostors(), "variants: impostors answered OFFICIAL");
        assertEquals(1.0, variants.allRecall(), "variants: every tactic variant is flagged");
        assertEquals(0, variants.falseAlarms(), "variants: no legitimate family is flagged");
    }

    private static Figures report(String split, ImpostorScorer scorer, List<PressCorpus.Row> rows, Predicate<PressCorpus.Row> in,
            boolean showRows) {
        int signalled = 0, caught = 0, impostors = 0, impostorsFlagged = 0, legit = 0, falseAlarms = 0, officialImpostors = 0;
        StringBuilder misses = new StringBuilder();
        for (PressCorpus.Row r : rows) {
            if (!in.test(r)) {
                continue;
            }
            Verdict v = scorer.check(r.request());
            boolean flagged = v.verdict() == Verdict.Kind.SUSPECTED_IMPOSTOR || v.verdict() == Verdict.Kind.CONFIRMED_IMPOSTOR;
            if (r.impostor()) {
                impostors++;
                impostorsFlagged += flagged ? 1 : 0;
                officialImpostors += v.verdict() == Verdict.Kind.OFFICIAL ? 1 : 0;
                if (r.signal()) {
                    signalled++;
                    caught += flagged ? 1 : 0;
                }
            } else {
                legit++;
                falseAlarms += flagged ? 1 : 0;
            }
            if (showRows && flagged != r.impostor()) {
                misses.append(String.format("  %s %s/%s%s | %s | %s -> %s %.3f %s%n", r.impostor() ? "MISSED" : "FALSE ALARM",
                        r.label(), r.tactic(), r.signal() ? " (signalled)" : "", r.name(), r.link(), v.verdict(), v.score(),
                        v.reasonCodes()));
            }
        }
        System.out.printf("PRESS %s: signalled impostors flagged %d/%d, all impostors flagged %d/%d, "
                        + "legitimate flagged %d/%d, impostors OFFICIAL %d%n%s",
                split, caught, signalled, impostorsFlagged, impostors, falseAlarms, legit, officialImpostors, misses);
        return new Figures(signalled, caught, impostors, impostorsFlagged, legit, falseAlarms, officialImpostors);
    }
}
