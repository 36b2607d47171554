package vn.binhyen.verifier.impostor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures for impostor scoring: the corpus directory and a small CSV reader. */
final class Corpus {

    /** One labelled row of corpus.csv. */
    record Entry(String label, String tactic, String link, String name, String about) {
    }

    private Corpus() {
    }

    /** The official directory the corpus is scored against: official.csv, the 2025 units, the national bodies. */
    static InMemoryOfficialDirectory directory(List<ConfirmedImpostor> impostors) {
        List<OfficialChannel> channels = new ArrayList<>();
        for (List<String> row : csv("/impostor/official.csv")) {
            channels.add(new OfficialChannel(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)));
        }
        List<UnitName> units = new ArrayList<>(units2025());
        units.addAll(InMemoryOfficialDirectory.nationalUnits());
        return new InMemoryOfficialDirectory(channels, units, impostors);
    }

    static List<UnitName> units2025() {
        return InMemoryOfficialDirectory.readUnitNames(resource("/data/units-2025.csv"));
    }

    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (List<String> r : csv("/impostor/corpus.csv")) {
            out.add(new Entry(r.get(0), r.get(1), r.get(2), r.get(3), r.size() > 4 ? r.get(4) : ""));
        }
        return out;
    }

    static InputStream resource(String path) {
        InputStream in = Corpus.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }

    /** Rows after the header; RFC 4180 quoting, no embedded line breaks. */
    static List<List<String>> csv(String path) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(parseLine(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> parseLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
