package vn.binhyen.admin.reorg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.binhyen.admin.importing.UnitLevel;
import vn.binhyen.admin.importing.UnitRow;
import vn.binhyen.admin.importing.UnitNames;

/**
 * Turns the unit lists before and after a reform, and the mapping between them, into a
 * {@link ReformPlan}. Identity is code + level + name, never code alone: the reform hands old codes
 * to different new units ("Xã Ea Kao" 24169 is not "Phường Ea Kao" 24169). Mapping lines that do
 * not fit the lists are reported and left out of the plan, never guessed at.
 */
public final class ReformPlanner {

  /** Decision 19/2025/QĐ-TTg and resolutions 1654–1687/NQ-UBTVQH15 take effect on this day. */
  public static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

  private final LocalDate reformDate;

  public ReformPlanner() {
    this(REFORM_2025);
  }

  public ReformPlanner(LocalDate reformDate) {
    this.reformDate = Objects.requireNonNull(reformDate);
  }

  /** The lists should be validated ({@code ImportValidator}) first; the mapping as read. */
  public ReformPlan plan(List<UnitRow> oldUnits, List<UnitRow> newUnits, List<MappingRow> mapping) {
    Map<String, UnitRow> oldByCode = byCode(oldUnits);
    Map<String, UnitRow> newByCode = byCode(newUnits);
    List<Inconsistency> problems = new ArrayList<>();

    Map<String, Set<String>> successors = new LinkedHashMap<>();
    Set<String> sourced = new HashSet<>();
    List<MappingRow> usable = new ArrayList<>();
    for (MappingRow row : mapping) {
      if (check(row, oldByCode, newByCode, problems)) {
        usable.add(row);
        successors.computeIfAbsent(row.oldCode(), k -> new LinkedHashSet<>()).add(row.newCode());
        sourced.add(row.newCode());
      }
    }

    Map<String, String> provinceSuccessor = new HashMap<>();
    Map<String, List<String>> mergedInto = new LinkedHashMap<>();
    for (MappingRow row : usable) {
      if (oldByCode.get(row.oldCode()).level() == UnitLevel.PROVINCE) {
        provinceSuccessor.put(row.oldCode(), row.newCode());
        mergedInto.computeIfAbsent(row.newCode(), k -> new ArrayList<>()).add(row.oldCode());
      }
    }
    checkProvinces(usable, oldByCode, newByCode, provinceSuccessor, problems);

    for (UnitRow unit : oldUnits) {
      if (unit.level() != UnitLevel.DISTRICT && !successors.containsKey(unit.code())) {
        problems.add(new Inconsistency(Inconsistency.Kind.OLD_UNIT_UNMAPPED, 0, unit.code(),
            "Đơn vị cũ " + unit.code() + " " + unit.name() + " không có dòng ánh xạ",
            "Old unit " + unit.code() + " " + unit.name() + " has no mapping line"));
      }
    }
    for (UnitRow unit : newUnits) {
      if (unit.level() != UnitLevel.DISTRICT && !sourced.contains(unit.code())) {
        problems.add(new Inconsistency(Inconsistency.Kind.NEW_UNIT_UNSOURCED, 0, unit.code(),
            "Đơn vị mới " + unit.code() + " " + unit.name() + " không có đơn vị cũ nào chuyển vào",
            "New unit " + unit.code() + " " + unit.name() + " has no source unit"));
      }
    }

    // Districts have no mapping line: each goes where its province went.
    Map<String, Integer> communesPerDistrict = new HashMap<>();
    oldUnits.stream().filter(u -> u.level() == UnitLevel.COMMUNE && u.parentCode() != null)
        .forEach(u -> communesPerDistrict.merge(u.parentCode(), 1, Integer::sum));
    List<ReformPlan.DistrictAbolition> districts = new ArrayList<>();
    for (UnitRow unit : oldUnits) {
      if (unit.level() == UnitLevel.DISTRICT) {
        String newProvince = provinceSuccessor.get(unit.parentCode());
        districts.add(new ReformPlan.DistrictAbolition(unit.code(), unit.name(), unit.parentCode(), newProvince,
            communesPerDistrict.getOrDefault(unit.code(), 0)));
        if (newProvince != null) {
          successors.put(unit.code(), new LinkedHashSet<>(List.of(newProvince)));
        }
      }
    }

    List<ReformPlan.CommuneMove> whole = new ArrayList<>();
    List<ReformPlan.CommuneSplit> splits = new ArrayList<>();
    for (UnitRow unit : oldUnits) {
      Set<String> next = successors.get(unit.code());
      if (unit.level() != UnitLevel.COMMUNE || next == null) {
        continue;
      }
      if (next.size() == 1) {
        whole.add(new ReformPlan.CommuneMove(unit.code(), unit.name(), next.iterator().next()));
      } else {
        splits.add(new ReformPlan.CommuneSplit(unit.code(), unit.name(), List.copyOf(next)));
      }
    }

    List<ReformPlan.Continuation> continuing = new ArrayList<>();
    Set<String> continuingCodes = new HashSet<>();
    for (UnitRow unit : newUnits) {
      UnitRow old = oldByCode.get(unit.code());
      Set<String> next = successors.get(unit.code());
      boolean same = old != null && old.level() == unit.level() && UnitNames.same(old.name(), unit.name())
          && (next == null || next.contains(unit.code()));
      if (same) {
        continuingCodes.add(unit.code());
        continuing.add(new ReformPlan.Continuation(unit.code(), unit.name(), unit.level(), old.parentCode(),
            unit.parentCode()));
      }
    }

    List<UnitRow> toCreate = newUnits.stream()
        .filter(u -> !continuingCodes.contains(u.code()))
        .sorted(Comparator.comparingInt((UnitRow u) -> u.level().rank()).thenComparingInt(UnitRow::line))
        .toList();
    List<ReformPlan.Closure> toClose = oldUnits.stream()
        .filter(u -> !continuingCodes.contains(u.code()))
        .sorted(Comparator.comparingInt((UnitRow u) -> -u.level().rank()).thenComparingInt(UnitRow::line))
        .map(u -> new ReformPlan.Closure(u.code(), u.name(), u.level(), reformDate,
            List.copyOf(successors.getOrDefault(u.code(), Set.of()))))
        .toList();

    List<ReformPlan.ProvinceMerge> merges = mergedInto.entrySet().stream()
        .map(e -> new ReformPlan.ProvinceMerge(e.getKey(), newByCode.get(e.getKey()).name(), e.getValue()))
        .toList();
    Map<String, List<String>> successorLists = successors.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    problems.sort(Comparator.comparing(Inconsistency::kind).thenComparingInt(Inconsistency::line)
        .thenComparing(Inconsistency::code));
    return new ReformPlan(reformDate, countByLevel(oldUnits), countByLevel(newUnits), merges, whole, splits,
        districts, continuing, toCreate, toClose, successorLists, problems);
  }

  /** Reports what is wrong with one line; true when it can be used. */
  private static boolean check(MappingRow row, Map<String, UnitRow> oldByCode, Map<String, UnitRow> newByCode,
      List<Inconsistency> problems) {
    UnitRow old = oldByCode.get(row.oldCode());
    UnitRow next = newByCode.get(row.newCode());
    if (old == null) {
      problems.add(new Inconsistency(Inconsistency.Kind.OLD_CODE_UNKNOWN, row.line(), row.oldCode(),
          "Mã cũ " + row.oldCode() + " (" + row.oldName() + ") không có trong danh sách trước cải cách",
          "Old code " + row.oldCode() + " (" + row.oldName() + ") is not in the pre-reform list"));
    } else if (!UnitNames.same(old.name(), row.oldName())) {
      problems.add(new Inconsistency(Inconsistency.Kind.OLD_NAME_MISMATCH, row.line(), row.oldCode(),
          "Tên cũ '" + row.oldName() + "' khác danh sách: '" + old.name() + "'",
          "Old name '" + row.oldName() + "' differs from the list: '" + old.name() + "'"));
    }
    if (next == null) {
      problems.add(new Inconsistency(Inconsistency.Kind.NEW_CODE_UNKNOWN, row.line(), row.newCode(),
          "Mã mới " + row.newCode() + " (" + row.newName() + ") không có trong danh sách sau cải cách",
          "New code " + row.newCode() + " (" + row.newName() + ") is not in the post-reform list"));
    } else if (!UnitNames.same(next.name(), row.newName())) {
      problems.add(new Inconsistency(Inconsistency.Kind.NEW_NAME_MISMATCH, row.line(), row.newCode(),
          "Tên mới '" + row.newName() + "' khác danh sách: '" + next.name() + "'",
          "New name '" + row.newName() + "' differs from the list: '" + next.name() + "'"));
    }
    if (old == null || next == null) {
      return false;
    }
    var level = UnitLevel.parse(row.level());
    boolean levelsAgree = level.isPresent() && level.get() == old.level() && old.level() == next.level()
        && old.level() != UnitLevel.DISTRICT;
    if (!levelsAgree) {
      problems.add(new Inconsistency(Inconsistency.Kind.LEVEL_MISMATCH, row.line(), row.oldCode(),
          "Cấp không khớp: dòng '" + row.level() + "', cũ " + old.level().csvName() + ", mới "
              + next.level().csvName(),
          "Levels disagree: line '" + row.level() + "', old " + old.level().csvName() + ", new "
              + next.level().csvName()));
    }
    return levelsAgree;
  }

  /** A commune should land in the province its old province merged into. */
  private static void checkProvinces(List<MappingRow> usable, Map<String, UnitRow> oldByCode,
      Map<String, UnitRow> newByCode, Map<String, String> provinceSuccessor, List<Inconsistency> problems) {
    for (MappingRow row : usable) {
      UnitRow old = oldByCode.get(row.oldCode());
      if (old.level() != UnitLevel.COMMUNE) {
        continue;
      }
      String oldProvince = provinceOf(old, oldByCode);
      String expected = provinceSuccessor.get(oldProvince);
      String actual = newByCode.get(row.newCode()).parentCode();
      if (expected != null && !expected.equals(actual)) {
        problems.add(new Inconsistency(Inconsistency.Kind.PROVINCE_MISMATCH, row.line(), row.oldCode(),
            "Xã " + row.oldCode() + " thuộc tỉnh cũ " + oldProvince + " (nay " + expected + ") nhưng chuyển vào "
                + row.newCode() + " thuộc tỉnh " + actual,
            "Commune " + row.oldCode() + " of old province " + oldProvince + " (now " + expected
                + ") goes into " + row.newCode() + " of province " + actual));
      }
    }
  }

  private static String provinceOf(UnitRow unit, Map<String, UnitRow> byCode) {
    UnitRow current = unit;
    for (int depth = 0; depth < 3 && current != null && current.level() != UnitLevel.PROVINCE; depth++) {
      current = current.parentCode() == null ? null : byCode.get(current.parentCode());
    }
    return current == null ? null : current.code();
  }

  private static Map<String, UnitRow> byCode(List<UnitRow> units) {
    Map<String, UnitRow> map = new HashMap<>(units.size() * 2);
    units.forEach(u -> map.putIfAbsent(u.code(), u));
    return map;
  }

  private static Map<UnitLevel, Integer> countByLevel(List<UnitRow> units) {
    Map<UnitLevel, Integer> counts = new EnumMap<>(UnitLevel.class);
    units.forEach(u -> counts.merge(u.level(), 1, Integer::sum));
    return counts;
  }
}
