package vn.binhyen.core.tenant;

import java.util.List;
import java.util.Map;

/**
 * A whole reorganisation's moves, for {@link ReorgParticipant#moveMany}: {@code merges} are
 * (closed unit, the unit its rows go to) pairs; {@code repaths} old path → new path of re-parented
 * units; {@code moves} the same as one mapping by unit id (each merged unit to its survivor, each
 * re-parented unit to itself at its new path), for set-based statements.
 */
public record UnitMoves(List<Tenant[]> merges, Map<String, String> repaths, List<UnitMove> moves) {

  public UnitMoves {
    merges = List.copyOf(merges);
    repaths = Map.copyOf(repaths);
    moves = List.copyOf(moves);
  }
}
