package vn.binhyen.verifier.impostor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The impostor knowledge files (tab-separated, UTF-8, on the class path): blank lines and {@code #}
 * comments skipped, optionally a header line, and every row with its column count and a source.
 * A file that breaks the rule stops start-up naming the row.
 */
final class SourcedRows {

    private SourcedRows() {
    }

    static List<String[]> read(Class<?> owner, String resource, int minColumns, int maxColumns, int sourceColumn,
            boolean header) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String[]> out = new ArrayList<>();
        boolean skipHeader = header;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (skipHeader) {
                    skipHeader = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < minColumns || c.length > maxColumns || c[sourceColumn].isBlank()) {
                    throw new IllegalStateException(resource + ": a row needs " + minColumns
                        + (maxColumns == minColumns ? "" : " or more") + " columns and a source: " + line);
                }
                out.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
