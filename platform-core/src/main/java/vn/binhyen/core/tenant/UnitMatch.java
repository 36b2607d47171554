package vn.binhyen.core.tenant;

import java.util.List;
import java.util.Optional;

/**
 * One answer of the public name search: a current unit, its parents (nearest first, the ministry
 * left out) and, when it was found by the name of a closed unit it replaced, that unit.
 */
public record UnitMatch(Tenant unit, List<Ref> parents, Optional<Ref> formerly) {

  /** A unit named in an answer: its code and name. */
  public record Ref(String code, String name) {}

  public UnitMatch {
    parents = List.copyOf(parents);
  }
}
