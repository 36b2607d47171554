package vn.binhyen.core.tenant;

import io.vertx.sqlclient.Tuple;
import java.util.List;

/** A reorganisation's move of one unit's rows: what belonged to unit {@code fromId} now belongs to {@code toId} at {@code toPath}. */
public record UnitMove(long fromId, long toId, String toPath) {

  /** The three arrays ($1 old ids, $2 new ids, $3 new paths) a set-based {@code unnest} move statement reads. */
  public static Tuple arrays(List<UnitMove> moves) {
    Long[] from = new Long[moves.size()];
    Long[] to = new Long[moves.size()];
    String[] paths = new String[moves.size()];
    for (int i = 0; i < moves.size(); i++) {
      from[i] = moves.get(i).fromId();
      to[i] = moves.get(i).toId();
      paths[i] = moves.get(i).toPath();
    }
    return Tuple.of(from, to, paths);
  }
}
