package vn.binhyen.admin.reorg;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.binhyen.admin.importing.CsvSource;
import vn.binhyen.admin.importing.LineError;

/**
 * Reads {@code old_code,old_name,level,new_code,new_name} into {@link MappingRow}s, names in NFC and
 * trimmed. Whether a row makes sense against the unit lists is {@link ReformPlanner}'s business.
 */
public final class ReformMappingReader {

  public static final List<String> HEADER = List.of("old_code", "old_name", "level", "new_code", "new_name");

  /** Generous bound: the 2025 mapping has 10,662 rows. */
  static final int MAX_ROWS = 100_000;

  private ReformMappingReader() {
  }

  public static MappingCsv read(InputStream in) {
    CsvSource.Parsed parsed = CsvSource.read(in, HEADER, MAX_ROWS);
    List<MappingRow> rows = new ArrayList<>(parsed.records().size());
    List<LineError> errors = new ArrayList<>(parsed.errors());
    if (parsed.truncated()) {
      errors.add(new LineError(0, "", LineError.Kind.TOO_LARGE.name(),
          "Tệp có hơn " + MAX_ROWS + " dòng", "File has more than " + MAX_ROWS + " rows"));
      return new MappingCsv(List.of(), errors);
    }
    for (CsvSource.Record record : parsed.records()) {
      String oldCode = record.field(0);
      if (record.fields().size() != HEADER.size() || oldCode.isEmpty() || record.field(3).isEmpty()) {
        errors.add(new LineError(record.line(), oldCode, LineError.Kind.MALFORMED.name(),
            "Cần " + HEADER.size() + " cột, có mã cũ và mã mới",
            "Expected " + HEADER.size() + " columns with an old and a new code"));
        continue;
      }
      rows.add(new MappingRow(record.line(), oldCode, CsvSource.nfc(record.field(1)),
          record.field(2).toLowerCase(Locale.ROOT), record.field(3), CsvSource.nfc(record.field(4))));
    }
    return new MappingCsv(rows, errors);
  }
}
