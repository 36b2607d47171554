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
 * An {@link OfficialDirectory} held in memory, for tests, tools and single-node runs. The scorer
 * builds its indexes from it once, at construction.
 */
public final class InMemoryOfficialDirectory implements OfficialDirectory {

    private final List<OfficialChannel> channels;
    private final List<UnitName> units;
    private final List<ConfirmedImpostor> impostors;

    public InMemoryOfficialDirectory(List<OfficialChannel> channels, List<UnitName> units,
                                     List<ConfirmedImpostor> impostors) {
        this.channels = List.copyOf(channels);
        this.units = List.copyOf(units);
        this.impostors = List.copyOf(impostors);
    }

    @Override
    public List<OfficialChannel> officialChannels() {
        return channels;
    }

    @Override
    public List<UnitName> unitNames() {
        return units;
    }

    @Override
    public List<ConfirmedImpostor> confirmedImpostors() {
        return impostors;
    }

    /** Unit names from a CSV whose first two columns are code and name, after a header line. */
    public static List<UnitName> readUnitNames(InputStream csv) {
        List<UnitName> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cols = line.split(",", -1);
                if (cols.length >= 2 && !cols[0].isBlank()) {
                    out.add(new UnitName(cols[0].trim(), cols[1].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The national police bodies (Bộ Công an and its departments) shipped with the module. */
    public static List<UnitName> nationalUnits() {
        InputStream csv = InMemoryOfficialDirectory.class.getResourceAsStream("/impostor/national-units.csv");
        if (csv == null) {
            throw new IllegalStateException("resource /impostor/national-units.csv is missing");
        }
        return readUnitNames(csv);
    }
}
