package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * A module whose tenant-owned data must follow a reorganisation (tips and their roll-ups,
 * channels and their attestations). The reorganisation calls every registered participant inside
 * its one transaction, in a scope covering both units; a failure rolls the whole step back.
 * Register with {@code services.register(ReorgParticipants.class, ...)} via {@link ReorgParticipants#add}.
 */
public interface ReorgParticipant {

  /** Everything owned by {@code from} now belongs to {@code to} (a merge, or a whole move of a commune). */
  Future<Void> moveAll(SqlConnection tx, Tenant from, Tenant to);

  /**
   * What {@link #moveAll} would carry away from {@code unit}, counted before it runs, by a key of
   * the reorganisation's report ({@code tipsMoved}, {@code casesMoved}): a dry run says in counts
   * what follows the surviving unit. None by default.
   */
  default Future<java.util.Map<String, Integer>> owned(SqlConnection tx, Tenant unit) {
    return Future.succeededFuture(java.util.Map.of());
  }

  /** {@code unit} (and its subtree) now has a new path: rewrite denormalised tenant paths. */
  default Future<Void> repath(SqlConnection tx, String oldPath, String newPath) {
    return Future.succeededFuture();
  }

  /**
   * A whole reorganisation at once (the national reform): every {@link UnitMoves#merges() merge}
   * as {@link #moveAll}, then every {@link UnitMoves#repaths() repath}. Answers the counts of
   * what moved by report key ({@code tipsMoved}, …); a dry run answers the same counts and need
   * not write (the caller rolls back anyway). The default calls the one-unit methods pair by pair;
   * a participant with many rows overrides it with a few set-based statements over
   * {@link UnitMoves#moves()}.
   */
  default Future<java.util.Map<String, Integer>> moveMany(SqlConnection tx, UnitMoves m, boolean dryRun) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Tenant[] pair : m.merges()) {
      chain = chain.compose(x -> owned(tx, pair[0]))
          .map(c -> {
            c.forEach((k, n) -> counts.merge(k, n, Integer::sum));
            return null;
          })
          .compose(x -> moveAll(tx, pair[0], pair[1]));
    }
    for (var e : m.repaths().entrySet()) {
      chain = chain.compose(x -> repath(tx, e.getKey(), e.getValue()));
    }
    return chain.map(x -> counts);
  }
}
