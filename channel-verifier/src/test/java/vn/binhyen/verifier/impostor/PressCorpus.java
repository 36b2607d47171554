package vn.binhyen.verifier.impostor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent corpus of impostor-corpus/press.tsv (names and links quoted by press reports and
 * official warnings) and the team's own variants.tsv, with the time split of issue 16: rows dated
 * up to 2023 tune, rows dated 2024 and later test.
 */
final class PressCorpus {

    /** One row; {@code signal} is true when the name or link itself carries a scam or fake-body signal. */
    record Row(String label, String name, String link, String source, String date, String tactic, boolean signal) {

        boolean impostor() {
            return label.equals("impostor");
        }

        boolean test() {
            return Integer.parseInt(date.substring(0, 4)) >= 2024;
        }

        CheckRequest request() {
            return new CheckRequest(link.isEmpty() ? null : link, null, name.isEmpty() ? null : name, null);
        }
    }

    private PressCorpus() {
    }

    static List<Row> press() {
        return read("/impostor-corpus/press.tsv");
    }

    static List<Row> read(String path) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Corpus.resource(path), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != 7 || !(c[0].equals("impostor") || c[0].equals("legitimate")) || !c[4].matches("\\d{4}(-\\d{2}){0,2}")) {
                    throw new IllegalStateException(path + ": malformed row " + line);
                }
                rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6].equals("yes")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
