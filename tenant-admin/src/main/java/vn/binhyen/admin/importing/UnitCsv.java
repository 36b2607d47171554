package vn.binhyen.admin.importing;

import java.util.List;

/** A unit CSV as read: the rows that could be parsed and the lines that could not. */
public record UnitCsv(List<UnitRow> rows, List<LineError> errors, boolean truncated) {
  public UnitCsv {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }
}
