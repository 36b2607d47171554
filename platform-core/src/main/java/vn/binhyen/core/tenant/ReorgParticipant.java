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
}
