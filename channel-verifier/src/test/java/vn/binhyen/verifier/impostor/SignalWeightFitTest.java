package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The logistic fit of {@link SignalWeightFit}: that it recovers known weights from data drawn from
 * them, and its report on the press corpus's tuning split (rows dated up to 2023), which
 * docs/impostor-corpus.md quotes to explain why the weights stay hand-set. Only the tuning split is
 * fitted; the test split is not read here.
 */
class SignalWeightFitTest {

    /** 1,000 rows per pattern of two signals, with exactly the impostor share the model gives. */
    private static List<SignalWeightFit.Example> drawnFrom(double intercept, double wA, double wB) {
        List<SignalWeightFit.Example> out = new ArrayList<>();
        for (Set<String> present : List.of(Set.<String>of(), Set.of("A"), Set.of("B"), Set.of("A", "B"))) {
            double z = intercept + (present.contains("A") ? wA : 0) + (present.contains("B") ? wB : 0);
            long positives = Math.round(1000 / (1 + Math.exp(-z)));
            for (int i = 0; i < 1000; i++) {
                out.add(new SignalWeightFit.Example(present, i < positives));
            }
        }
        return out;
    }

    @Test
    void the_fit_recovers_the_weights_the_data_were_drawn_from() {
        SignalWeightFit.Model m = SignalWeightFit.fit(drawnFrom(-2.0, 3.0, 1.0), SignalWeightFit.LAMBDA);
        assertEquals(List.of("A", "B"), m.signals());
        assertEquals(-2.0, m.intercept(), 0.05);
        assertEquals(3.0, m.weights()[0], 0.05);
        assertEquals(1.0, m.weights()[1], 0.05);
    }

    @Test
    void a_signal_seen_on_one_label_only_keeps_a_finite_weight_and_is_reported() {
        List<SignalWeightFit.Example> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new SignalWeightFit.Example(Set.of("ONLY_ON_IMPOSTORS"), true));
            rows.add(new SignalWeightFit.Example(Set.of(), false));
        }
        SignalWeightFit.Model m = SignalWeightFit.fit(rows, SignalWeightFit.LAMBDA);
        assertTrue(Double.isFinite(m.weights()[0]) && m.weights()[0] > 0, "weight " + m.weights()[0]);
        assertEquals(List.of("ONLY_ON_IMPOSTORS"),
                SignalWeightFit.oneSided(java.util.Map.of("ONLY_ON_IMPOSTORS", new int[] {10, 0})));
    }

    @Test
    void report_of_the_tuning_split() {
        ImpostorScorer scorer = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));
        SignalWeightFit.Report r = SignalWeightFit.report(scorer, PressCorpus.press(), row -> !row.test(), ScoringThresholds.DEFAULTS);
        System.out.print(r.text());
        assertTrue(r.impostors() > 0 && r.legitimate() > 0, "tuning split has both labels");
        assertTrue(Double.isFinite(r.model().intercept()), "intercept " + r.model().intercept());
        for (double w : r.model().weights()) {
            assertTrue(Double.isFinite(w), "weight " + w);
        }
        assertTrue(r.threshold() > 0 && r.threshold() < 1, "threshold " + r.threshold());
    }
}
