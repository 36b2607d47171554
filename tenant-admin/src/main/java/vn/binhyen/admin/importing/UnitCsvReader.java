package vn.binhyen.admin.importing;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a unit list ({@code code,name,level,parent_code}) into {@link UnitRow}s. Lines with the wrong
 * number of columns or an unknown level are reported, not thrown; reading stops one row past
 * {@link ImportValidator#MAX_ROWS} so a huge upload costs little.
 */
public final class UnitCsvReader {

  public static final List<String> HEADER = List.of("code", "name", "level", "parent_code");

  private UnitCsvReader() {
  }

  public static UnitCsv read(InputStream in) {
    return toRows(CsvSource.read(in, HEADER, ImportValidator.MAX_ROWS));
  }

  public static UnitCsv read(Reader in) {
    return toRows(CsvSource.read(in, HEADER, ImportValidator.MAX_ROWS));
  }

  private static UnitCsv toRows(CsvSource.Parsed parsed) {
    List<UnitRow> rows = new ArrayList<>(parsed.records().size());
    List<LineError> errors = new ArrayList<>(parsed.errors());
    for (CsvSource.Record record : parsed.records()) {
      String code = record.field(0);
      if (record.fields().size() != HEADER.size()) {
        errors.add(LineError.of(record.line(), code, LineError.Kind.MALFORMED,
            "Cần " + HEADER.size() + " cột, có " + record.fields().size(),
            "Expected " + HEADER.size() + " columns, got " + record.fields().size()));
        continue;
      }
      String levelText = record.field(2);
      var level = UnitLevel.parse(levelText);
      if (level.isEmpty()) {
        errors.add(LineError.of(record.line(), code, LineError.Kind.UNKNOWN_LEVEL,
            "Cấp không hợp lệ: '" + levelText + "' (province, district, commune hoặc ward)",
            "Unknown level '" + levelText + "' (province, district, commune or ward)"));
        continue;
      }
      rows.add(new UnitRow(record.line(), code, CsvSource.nfc(record.field(1)), level.get(),
          record.field(3)));
    }
    errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new UnitCsv(rows, errors, parsed.truncated());
  }
}
