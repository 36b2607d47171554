package vn.binhyen.admin.importing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.binhyen.core.error.DomainError;

/**
 * The outcome of validating an import: the rows that passed, parents before children, and every
 * problem found. Any problem refuses the whole import; nothing is ever half-applied.
 */
public record ImportReport(List<UnitRow> accepted, List<LineError> errors) {

  public ImportReport {
    accepted = List.copyOf(accepted);
    errors = errors.stream().sorted(Comparator.comparingInt(LineError::line)).toList();
  }

  /** True when the file must not be applied at all. */
  public boolean refused() {
    return !errors.isEmpty();
  }

  /** The rows to apply, in order; fails with {@link DomainError.Invalid} listing every error when refused. */
  public List<UnitRow> rowsToApplyOrThrow() {
    if (refused()) {
      throw new DomainError.Invalid("import-refused", verdictEn() + " / " + verdictVi(), errors);
    }
    return accepted;
  }

  /** Number of errors of each kind, in kind order. */
  public Map<LineError.Kind, Long> errorCounts() {
    Map<LineError.Kind, Long> counts = new TreeMap<>();
    errors.forEach(e -> counts.merge(e.kindEnum(), 1L, Long::sum));
    return counts;
  }

  public String verdictVi() {
    return refused()
        ? "Từ chối toàn bộ tệp: " + errors.size() + " lỗi, không đơn vị nào được nhập"
        : "Hợp lệ: " + accepted.size() + " đơn vị sẵn sàng nhập";
  }

  public String verdictEn() {
    return refused()
        ? "Whole file refused: " + errors.size() + " errors, no unit imported"
        : "Valid: " + accepted.size() + " units ready to import";
  }
}
