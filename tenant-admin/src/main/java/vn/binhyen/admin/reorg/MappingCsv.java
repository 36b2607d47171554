package vn.binhyen.admin.reorg;

import java.util.List;
import vn.binhyen.admin.importing.LineError;

/** A reform mapping as read: its rows and the lines that could not be read. */
public record MappingCsv(List<MappingRow> rows, List<LineError> errors) {
  public MappingCsv {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }
}
