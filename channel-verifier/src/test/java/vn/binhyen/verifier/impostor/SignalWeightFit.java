package vn.binhyen.verifier.impostor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Fits the signal weights of issue 16 by logistic regression on a split of the press corpus, and
 * says whether the fit means anything. Each row is scored by the scorer with its hand-set weights;
 * its features are the signals it raised (1 when a reason with that code is present, else 0); the
 * label is impostor (1) or legitimate (0). The model is {@code P(impostor) = σ(b + Σ w_s x_s)},
 * fitted by Newton's method with an L2 penalty {@code λ/2 Σ w_s²} on the weights (not on the
 * intercept), so that a split the signals separate perfectly still has finite weights.
 *
 * <p>Whether the fit is worth using is judged by numbers printed with it: the rows per label, the
 * events per variable (the smaller label's count divided by the number of signals seen; below
 * about 10 a logistic fit is known to be unstable), the signals seen on one label only (their
 * weights are then set by the penalty, not by the data), and the leave-one-out
 * precision/recall of the fitted model beside those of the hand-set scorer on the same rows. The
 * threshold is read from the leave-one-out precision/recall curve: the lowest whose false alarms
 * stay within the 2 %.
 *
 * <p>Run by {@code SignalWeightFitTest} (which prints the report of the tuning split); not used by
 * the scorer: the weights stay hand-set in {@link Signal} while the report says the split is too
 * small (docs/impostor-corpus.md).
 */
final class SignalWeightFit {

    /** The L2 penalty on the signal weights. */
    static final double LAMBDA = 1.0;
    private static final int MAX_NEWTON_STEPS = 100;

    /** One row: its signals and its label. */
    record Example(Set<String> signals, boolean impostor) {
    }

    /** A fitted model: intercept and one weight per signal, in the order of {@code signals}. */
    record Model(List<String> signals, double intercept, double[] weights) {

        double probability(Set<String> present) {
            double z = intercept;
            for (int j = 0; j < signals.size(); j++) {
                z += present.contains(signals.get(j)) ? weights[j] : 0.0;
            }
            return 1.0 / (1.0 + Math.exp(-z));
        }
    }

    /** What the report says about one split. */
    record Report(int impostors, int legitimate, List<String> signals, Map<String, int[]> counts, double eventsPerVariable,
            List<String> oneSided, Model model, double threshold, int looTruePositives, int looFalsePositives,
            int handTruePositives, int handFalsePositives) {

        String text() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("FIT rows: %d impostor, %d legitimate; signals seen: %d; events per variable: %.2f; "
                    + "signals seen on one label only (weight set by the penalty, not the data): %s%n", impostors, legitimate, signals.size(),
                    eventsPerVariable, oneSided));
            s.append(String.format("FIT intercept %.3f%n", model.intercept()));
            for (int j = 0; j < signals.size(); j++) {
                int[] c = counts.get(signals.get(j));
                s.append(String.format("FIT   %-26s weight %7.3f  (in %d impostor, %d legitimate rows)%n", signals.get(j),
                        model.weights()[j], c[0], c[1]));
            }
            s.append(String.format("FIT leave-one-out at threshold %.3f: impostors flagged %d/%d, legitimate flagged %d/%d; "
                    + "hand-set scorer on the same rows: %d/%d, %d/%d%n", threshold, looTruePositives, impostors,
                    looFalsePositives, legitimate, handTruePositives, impostors, handFalsePositives, legitimate));
            return s.toString();
        }
    }

    private SignalWeightFit() {
    }

    /** The examples of the press rows selected, scored by {@code scorer}; rows answered OFFICIAL are left out. */
    static List<Example> examples(ImpostorScorer scorer, List<PressCorpus.Row> rows, Predicate<PressCorpus.Row> in) {
        List<Example> out = new ArrayList<>();
        for (PressCorpus.Row r : rows) {
            if (!in.test(r)) {
                continue;
            }
            Verdict v = scorer.check(r.request());
            if (v.verdict() == Verdict.Kind.OFFICIAL) {
                continue;
            }
            out.add(new Example(new TreeSet<>(v.reasonCodes()), r.impostor()));
        }
        return out;
    }

    /** Fits the L2-penalised logistic regression by Newton's method. */
    static Model fit(List<Example> examples, double lambda) {
        List<String> signals = List.copyOf(new TreeSet<>(examples.stream().flatMap(e -> e.signals().stream()).toList()));
        int k = signals.size() + 1;
        double[] beta = new double[k];
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (Example e : examples) {
                double[] x = features(signals, e.signals());
                double p = sigmoid(dot(beta, x));
                double y = e.impostor() ? 1.0 : 0.0;
                for (int a = 0; a < k; a++) {
                    gradient[a] += (p - y) * x[a];
                    for (int b = 0; b < k; b++) {
                        hessian[a][b] += p * (1 - p) * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < k; a++) {
                gradient[a] += lambda * beta[a];
                hessian[a][a] += lambda;
            }
            hessian[0][0] += 1e-9;
            double[] delta = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < k; a++) {
                beta[a] -= delta[a];
                change = Math.max(change, Math.abs(delta[a]));
            }
            if (change < 1e-10) {
                break;
            }
        }
        double[] weights = new double[k - 1];
        System.arraycopy(beta, 1, weights, 0, k - 1);
        return new Model(signals, beta[0], weights);
    }

    /**
     * The report of one split: counts, events per variable, separability, the fit on all rows, and
     * the leave-one-out precision/recall of the fit beside the hand-set scorer's flags.
     */
    static Report report(ImpostorScorer scorer, List<PressCorpus.Row> rows, Predicate<PressCorpus.Row> in,
            ScoringThresholds thresholds) {
        List<Example> examples = examples(scorer, rows, in);
        int impostors = (int) examples.stream().filter(Example::impostor).count();
        int legitimate = examples.size() - impostors;
        Model model = fit(examples, LAMBDA);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String s : model.signals()) {
            counts.put(s, new int[] {
                (int) examples.stream().filter(e -> e.impostor() && e.signals().contains(s)).count(),
                (int) examples.stream().filter(e -> !e.impostor() && e.signals().contains(s)).count()});
        }
        double epv = model.signals().isEmpty() ? 0.0 : (double) Math.min(impostors, legitimate) / model.signals().size();
        double[] loo = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            List<Example> rest = new ArrayList<>(examples);
            Example held = rest.remove(i);
            loo[i] = fit(rest, LAMBDA).probability(held.signals());
        }
        double threshold = pickThreshold(examples, loo);
        int looTp = 0;
        int looFp = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (loo[i] >= threshold) {
                looTp += examples.get(i).impostor() ? 1 : 0;
                looFp += examples.get(i).impostor() ? 0 : 1;
            }
        }
        int handTp = 0;
        int handFp = 0;
        for (PressCorpus.Row r : rows) {
            if (!in.test(r)) {
                continue;
            }
            Verdict v = scorer.check(r.request());
            if (v.verdict() == Verdict.Kind.OFFICIAL) {
                continue;
            }
            boolean flagged = v.score() >= thresholds.suspectThreshold();
            handTp += flagged && r.impostor() ? 1 : 0;
            handFp += flagged && !r.impostor() ? 1 : 0;
        }
        return new Report(impostors, legitimate, model.signals(), counts, epv, oneSided(counts), model, threshold,
                looTp, looFp, handTp, handFp);
    }

    /**
     * The signals raised only on impostor rows (or only on legitimate rows): with them the data are
     * quasi-completely separated, the unpenalised maximum-likelihood weight is infinite, and the
     * fitted weight is set by the penalty, not by the data.
     */
    static List<String> oneSided(Map<String, int[]> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue()[0] == 0 || e.getValue()[1] == 0).map(Map.Entry::getKey).toList();
    }

    /** The ceiling on false alarms, used to pick the threshold from the precision/recall curve. */
    static final double MAX_FALSE_ALARMS = 0.02;

    /**
     * The threshold picked from the precision/recall curve of the probabilities given: the lowest
     * (highest recall) whose false-alarm rate stays within {@link #MAX_FALSE_ALARMS}; 1 when none does.
     */
    static double pickThreshold(List<Example> examples, double[] probabilities) {
        long legitimate = examples.stream().filter(e -> !e.impostor()).count();
        double best = 1.0;
        for (double t : new TreeSet<>(java.util.Arrays.stream(probabilities).boxed().toList())) {
            int fp = 0;
            for (int i = 0; i < examples.size(); i++) {
                fp += probabilities[i] >= t && !examples.get(i).impostor() ? 1 : 0;
            }
            if (legitimate == 0 || (double) fp / legitimate <= MAX_FALSE_ALARMS) {
                return t;
            }
        }
        return best;
    }

    private static double[] features(List<String> signals, Set<String> present) {
        double[] x = new double[signals.size() + 1];
        x[0] = 1.0;
        for (int j = 0; j < signals.size(); j++) {
            x[j + 1] = present.contains(signals.get(j)) ? 1.0 : 0.0;
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
