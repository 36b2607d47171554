package vn.binhyen.admin.reorg;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.binhyen.admin.importing.UnitLevel;
import vn.binhyen.admin.importing.UnitRow;

/**
 * A pure description of a reorganisation, for the database layer to apply in one transaction:
 * what merges, moves, splits, closes, continues and is created, and what in the input disagreed.
 * Validity is half-open: a closed unit is valid until {@code reformDate} exclusive, and new units
 * from it.
 */
public record ReformPlan(
    LocalDate reformDate,
    Map<UnitLevel, Integer> unitsBefore,
    Map<UnitLevel, Integer> unitsAfter,
    List<ProvinceMerge> provinceMerges,
    List<CommuneMove> wholeMoves,
    List<CommuneSplit> splits,
    List<DistrictAbolition> abolishedDistricts,
    List<Continuation> continuing,
    List<UnitRow> toCreate,
    List<Closure> toClose,
    Map<String, List<String>> successors,
    List<Inconsistency> inconsistencies) {

  /** A new province and the old provinces it is made of (one when it only continues). */
  public record ProvinceMerge(String newCode, String newName, List<String> oldCodes) {
    public ProvinceMerge {
      oldCodes = List.copyOf(oldCodes);
    }

    public boolean isMerger() {
      return oldCodes.size() > 1;
    }
  }

  /** An old commune that went wholly into one new commune. */
  public record CommuneMove(String oldCode, String oldName, String newCode) {}

  /** An old commune divided between several new communes, in mapping order. */
  public record CommuneSplit(String oldCode, String oldName, List<String> successors) {
    public CommuneSplit {
      successors = List.copyOf(successors);
    }
  }

  /** A district closed by the reform; its communes now hang from {@code newProvinceCode}. */
  public record DistrictAbolition(String code, String name, String oldProvinceCode, String newProvinceCode,
      int communeCount) {}

  /**
   * A unit that keeps its code, name and level across the reform, so it stays the same unit (same
   * history); only its parent may change (a commune's district becomes its new province).
   */
  public record Continuation(String code, String name, UnitLevel level, String oldParent, String newParent) {
    public boolean reparented() {
      return !Objects.equals(oldParent, newParent);
    }
  }

  /** An old unit that ends on the reform date, with the unit(s) that take over from it. */
  public record Closure(String code, String name, UnitLevel level, LocalDate validTo, List<String> successors) {
    public Closure {
      successors = List.copyOf(successors);
    }
  }

  public ReformPlan {
    unitsBefore = Map.copyOf(unitsBefore);
    unitsAfter = Map.copyOf(unitsAfter);
    provinceMerges = List.copyOf(provinceMerges);
    wholeMoves = List.copyOf(wholeMoves);
    splits = List.copyOf(splits);
    abolishedDistricts = List.copyOf(abolishedDistricts);
    continuing = List.copyOf(continuing);
    toCreate = List.copyOf(toCreate);
    toClose = List.copyOf(toClose);
    successors = Map.copyOf(successors);
    inconsistencies = List.copyOf(inconsistencies);
  }

  /**
   * Where an old code's territory went: the new codes, or an empty list when the plan knows of none.
   * A continuing unit includes its own code.
   */
  public List<String> successorsOf(String oldCode) {
    return successors.getOrDefault(oldCode, List.of());
  }

  /** Count of each kind of inconsistency, every kind present (zero when none). */
  public Map<Inconsistency.Kind, Integer> inconsistencyCounts() {
    Map<Inconsistency.Kind, Integer> counts = new EnumMap<>(Inconsistency.Kind.class);
    for (Inconsistency.Kind kind : Inconsistency.Kind.values()) {
      counts.put(kind, 0);
    }
    inconsistencies.forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
    return counts;
  }

  public List<Inconsistency> inconsistencies(Inconsistency.Kind kind) {
    return inconsistencies.stream().filter(i -> i.kind() == kind).toList();
  }

  /** True when the mapping and the lists agree completely. */
  public boolean isClean() {
    return inconsistencies.isEmpty();
  }
}
