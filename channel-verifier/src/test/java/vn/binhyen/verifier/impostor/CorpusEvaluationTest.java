package vn.binhyen.verifier.impostor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scores the labelled corpus, asserts recall and false alarms, and writes the figures with a
 * per-tactic table to docs/impostor-corpus.md.
 */
class CorpusEvaluationTest {

    private static final class Tally {
        int total;
        int flagged;
        int official;
    }

    @Test
    void corpus_recall_is_at_least_95_percent_and_false_alarms_at_most_2_percent() throws IOException {
        ImpostorScorer scorer = new ImpostorScorer(ScoringThresholds.DEFAULTS, Corpus.directory(List.of()));
        Map<String, Tally> byTactic = new TreeMap<>();
        Map<String, Tally> byLabel = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (Corpus.Entry e : Corpus.entries()) {
            Verdict v = scorer.check(new CheckRequest(e.link().isEmpty() ? null : e.link(), null,
                    e.name().isEmpty() ? null : e.name(), e.about().isEmpty() ? null : e.about()));
            boolean flagged = v.verdict() == Verdict.Kind.SUSPECTED_IMPOSTOR || v.verdict() == Verdict.Kind.CONFIRMED_IMPOSTOR;
            boolean official = v.verdict() == Verdict.Kind.OFFICIAL;
            for (Tally t : List.of(byTactic.computeIfAbsent(e.label() + "," + e.tactic(), k -> new Tally()),
                    byLabel.computeIfAbsent(e.label(), k -> new Tally()))) {
                t.total++;
                t.flagged += flagged ? 1 : 0;
                t.official += official ? 1 : 0;
            }
            boolean wrong = e.label().equals("impostor") ? !flagged
                    : e.label().equals("official") ? !official : flagged;
            if (wrong) {
                misses.append(String.format("MISS %s/%s %s | %s | %s -> %s %.2f %s%n", e.label(), e.tactic(), e.link(),
                        e.name(), e.about(), v.verdict(), v.score(), v.reasonCodes()));
            }
        }
        System.out.print(misses);
        Tally imp = byLabel.get("impostor");
        Tally legit = byLabel.get("legitimate");
        Tally off = byLabel.get("official");
        int truePositives = imp.flagged;
        int falsePositives = legit.flagged + off.flagged;
        double recall = (double) truePositives / imp.total;
        double precision = truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        double falseAlarms = (double) legit.flagged / legit.total;
        double officialRecognised = (double) off.official / off.total;
        writeReport(byTactic, imp.total, legit.total, off.total, precision, recall, falseAlarms, officialRecognised);
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(falseAlarms <= 0.02, "false alarms " + falseAlarms);
        assertTrue(officialRecognised == 1.0, "official channels recognised " + officialRecognised);
    }

    private static void writeReport(Map<String, Tally> byTactic, int impostors, int legitimate, int official,
                                    double precision, double recall, double falseAlarms, double officialOk) throws IOException {
        Path docs = repositoryRoot().resolve("docs");
        Files.createDirectories(docs);
        Path report = docs.resolve("impostor-corpus.md");
        String method = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        int cut = method.indexOf("<!-- figures -->");
        String head = cut >= 0 ? method.substring(0, cut) : "# Impostor scoring: corpus evaluation\n\n";
        StringBuilder b = new StringBuilder(head).append("<!-- figures -->\n");
        b.append("## Figures (written by `CorpusEvaluationTest`, default thresholds)\n\n");
        b.append(String.format("Corpus: %d impostors, %d legitimate, %d official entries.%n%n", impostors, legitimate, official));
        b.append("| measure | value |\n| --- | --- |\n");
        b.append(String.format("| precision (flagged that are impostors) | %.3f |%n", precision));
        b.append(String.format("| recall (impostors flagged) | %.3f |%n", recall));
        b.append(String.format("| false alarms (legitimate flagged) | %.3f |%n", falseAlarms));
        b.append(String.format("| official channels answered OFFICIAL | %.3f |%n%n", officialOk));
        b.append("| label | tactic | entries | flagged | answered OFFICIAL |\n| --- | --- | --- | --- | --- |\n");
        byTactic.forEach((k, t) -> {
            String[] lt = k.split(",");
            b.append(String.format("| %s | %s | %d | %d (%.0f%%) | %d |%n", lt[0], lt[1], t.total, t.flagged,
                    100.0 * t.flagged / t.total, t.official));
        });
        Files.writeString(report, b.toString(), StandardCharsets.UTF_8);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("channel-verifier"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
