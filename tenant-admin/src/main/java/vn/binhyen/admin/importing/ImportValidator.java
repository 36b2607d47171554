package vn.binhyen.admin.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole unit list before anything is written: shape of each line, code format per level,
 * duplicates, parents (in the file or already in the database), level order and cycles. Linear in
 * the number of rows.
 */
public final class ImportValidator {

  /** Largest file accepted; the national list before 2025 has under 11,000 units. */
  public static final int MAX_ROWS = 50_000;

  private final Set<String> existingCodes;

  /** Parents must all be in the file. */
  public ImportValidator() {
    this(Set.of());
  }

  /** Parents may also be among {@code existingCodes}, the units already in the database. */
  public ImportValidator(Set<String> existingCodes) {
    this.existingCodes = Set.copyOf(existingCodes);
  }

  /** Validates what a reader produced, keeping the reader's line errors. */
  public ImportReport validate(UnitCsv csv) {
    if (csv.truncated()) {
      return new ImportReport(List.of(), List.of(tooLarge()));
    }
    ImportReport report = validate(csv.rows());
    if (csv.errors().isEmpty()) {
      return report;
    }
    List<LineError> all = new ArrayList<>(csv.errors());
    all.addAll(report.errors());
    return new ImportReport(report.accepted(), all);
  }

  public ImportReport validate(List<UnitRow> rows) {
    if (rows.size() > MAX_ROWS) {
      return new ImportReport(List.of(), List.of(tooLarge()));
    }
    List<LineError> errors = new ArrayList<>();
    Set<UnitRow> bad = new HashSet<>();
    Map<String, UnitRow> byCode = new HashMap<>(rows.size() * 2);

    for (UnitRow row : rows) {
      if (row.code().isEmpty() || row.name().isEmpty()) {
        bad.add(row);
        errors.add(LineError.of(row.line(), row.code(), LineError.Kind.MALFORMED,
            "Thiếu mã hoặc tên", "Code or name is empty"));
        continue;
      }
      UnitRow first = byCode.putIfAbsent(row.code(), row);
      if (first != null) {
        bad.add(row);
        errors.add(LineError.of(row.line(), row.code(), LineError.Kind.DUPLICATE_CODE,
            "Mã " + row.code() + " trùng với dòng " + first.line(),
            "Code " + row.code() + " already used on line " + first.line()));
        continue;
      }
      if (!UnitLevel.ofCode(row.code()).equals(Optional.of(row.level()))) {
        bad.add(row);
        errors.add(LineError.of(row.line(), row.code(), LineError.Kind.BAD_CODE,
            "Mã cấp " + row.level().csvName() + " phải gồm " + row.level().codeLength() + " chữ số",
            "A " + row.level().csvName() + " code must be " + row.level().codeLength() + " digits"));
      }
    }

    Set<String> inCycle = cycles(byCode);
    for (UnitRow row : byCode.values()) {
      LineError error = inCycle.contains(row.code()) ? cycle(row) : parentError(row, byCode);
      if (error != null) {
        bad.add(row);
        errors.add(error);
      }
    }

    List<UnitRow> accepted = rows.stream()
        .filter(r -> !bad.contains(r))
        .sorted(Comparator.comparingInt((UnitRow r) -> r.level().rank()).thenComparingInt(UnitRow::line))
        .toList();
    return new ImportReport(accepted, errors);
  }

  private LineError parentError(UnitRow row, Map<String, UnitRow> byCode) {
    String parent = row.parentCode();
    if (parent == null) {
      return row.level() == UnitLevel.PROVINCE ? null : levelOrder(row,
          "Đơn vị cấp " + row.level().csvName() + " phải có đơn vị cấp trên",
          "A " + row.level().csvName() + " needs a parent");
    }
    if (row.level() == UnitLevel.PROVINCE) {
      return levelOrder(row, "Tỉnh không có đơn vị cấp trên", "A province has no parent");
    }
    UnitRow parentRow = byCode.get(parent);
    UnitLevel parentLevel;
    if (parentRow != null) {
      parentLevel = parentRow.level();
    } else if (existingCodes.contains(parent)) {
      parentLevel = UnitLevel.ofCode(parent).orElse(null);
      if (parentLevel == null) {
        return null;
      }
    } else {
      return LineError.of(row.line(), row.code(), LineError.Kind.UNKNOWN_PARENT,
          "Không tìm thấy đơn vị cấp trên " + parent + " trong tệp hay trong hệ thống",
          "Parent " + parent + " is neither in the file nor already known");
    }
    return row.level().mayBeChildOf(parentLevel) ? null : levelOrder(row,
        "Đơn vị cấp " + row.level().csvName() + " không thể trực thuộc cấp " + parentLevel.csvName()
            + " (" + parent + ")",
        "A " + row.level().csvName() + " cannot sit under a " + parentLevel.csvName() + " (" + parent + ")");
  }

  /** Codes on a parent cycle within the file, found by walking each chain once. */
  private static Set<String> cycles(Map<String, UnitRow> byCode) {
    Set<String> inCycle = new HashSet<>();
    Map<String, Integer> state = new HashMap<>(byCode.size() * 2); // absent: new, 1: on path, 2: done
    List<String> path = new ArrayList<>();
    for (String start : byCode.keySet()) {
      String code = start;
      while (code != null && byCode.containsKey(code) && !state.containsKey(code)) {
        state.put(code, 1);
        path.add(code);
        code = byCode.get(code).parentCode();
      }
      if (code != null && state.getOrDefault(code, 0) == 1) {
        inCycle.addAll(path.subList(path.indexOf(code), path.size()));
      }
      path.forEach(c -> state.put(c, 2));
      path.clear();
    }
    return inCycle;
  }

  private static LineError cycle(UnitRow row) {
    return LineError.of(row.line(), row.code(), LineError.Kind.CYCLE,
        "Đơn vị " + row.code() + " nằm trong vòng lặp cấp trên", "Unit " + row.code() + " is on a parent cycle");
  }

  private static LineError levelOrder(UnitRow row, String vi, String en) {
    return LineError.of(row.line(), row.code(), LineError.Kind.LEVEL_ORDER, vi, en);
  }

  private static LineError tooLarge() {
    return LineError.of(0, "", LineError.Kind.TOO_LARGE,
        "Tệp có hơn " + MAX_ROWS + " dòng", "File has more than " + MAX_ROWS + " rows");
  }
}
