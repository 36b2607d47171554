package vn.binhyen.core.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.text.Fold;

/**
 * The writes of {@code tenant} and {@code tenant_successor} that imports and reorganisations make
 * (platform-core owns both tables; other modules write them only through this class or
 * {@link TenantRepository}). Every method takes the caller's client, so a feature's transaction
 * spans them; the batch methods send one statement per batch. Callers still invalidate the
 * {@link TenantDirectory} (or announce the reorganisation through the outbox) after commit.
 */
public final class TenantStore {

  /** A unit to create; {@code validFrom} null keeps the table's default (1900-01-01). */
  public record NewUnit(String code, String name, UnitLevel level, long parentId, String path, int depth,
      LocalDate validFrom) {}

  /** A unit closed at {@code validTo} (no earlier than its own start). */
  public record Closure(long unitId, LocalDate validTo) {}

  /** A unit placed under another parent, at a new path and depth. */
  public record Reparent(long unitId, long parentId, String path, int depth) {}

  /** A unit's new name. */
  public record Rename(long unitId, String name) {}

  /** A closed unit's successor from {@code effective}. */
  public record Successor(long unitId, long successorId, LocalDate effective) {}

  // $1 old prefix, $2 new prefix; the prefix condition uses tenant_path_prefix (text_pattern_ops).
  private static final String REPATH = """
      UPDATE tenant SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now()
       WHERE valid_to IS NULL AND (path = $1 OR path LIKE $1 || '/%') RETURNING id""";
  private static final String SET_PARENT = "UPDATE tenant SET parent_id = $2, updated_at = now() WHERE id = $1";
  private static final String REPARENT_CHILDREN = """
      UPDATE tenant SET parent_id = $2, updated_at = now() WHERE parent_id = $1 AND valid_to IS NULL RETURNING id""";
  private static final String CLOSE = """
      UPDATE tenant SET valid_to = $2, updated_at = now() WHERE id = $1 AND valid_to IS NULL""";
  private static final String CLOSE_NOT_BEFORE_START = """
      UPDATE tenant SET valid_to = greatest(valid_from, $2), updated_at = now() WHERE id = $1 AND valid_to IS NULL""";
  private static final String INSERT = """
      INSERT INTO tenant (code, name, name_folded, level, parent_id, path, depth, valid_from)
      VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, DATE '1900-01-01')) RETURNING id""";
  private static final String REPARENT = """
      UPDATE tenant SET parent_id = $2, path = $3, depth = $4, updated_at = now() WHERE id = $1""";
  private static final String RENAME = """
      UPDATE tenant SET name = $2, name_folded = $3, updated_at = now() WHERE id = $1""";
  private static final String SUCCESSOR = """
      INSERT INTO tenant_successor (tenant_id, successor_id, effective) VALUES ($1, $2, $3)
      ON CONFLICT DO NOTHING""";

  /** Current units at {@code oldPrefix} and below move to {@code newPrefix}, depth shifted. Answers how many. */
  public Future<Integer> repath(SqlClient tx, String oldPrefix, String newPrefix, int depthDelta) {
    return tx.preparedQuery(REPATH).execute(Tuple.of(oldPrefix, newPrefix, depthDelta)).map(r -> r.rowCount());
  }

  /** Only the parent link; the caller repaths the subtree. */
  public Future<Void> setParent(SqlClient tx, long unitId, long parentId) {
    return tx.preparedQuery(SET_PARENT).execute(Tuple.of(unitId, parentId)).mapEmpty();
  }

  /** The current children of {@code fromId} now hang under {@code toId}. Answers how many. */
  public Future<Integer> reparentChildren(SqlClient tx, long fromId, long toId) {
    return tx.preparedQuery(REPARENT_CHILDREN).execute(Tuple.of(fromId, toId)).map(r -> r.rowCount());
  }

  /** Closes a current unit at {@code validTo}. */
  public Future<Void> close(SqlClient tx, long unitId, LocalDate validTo) {
    return tx.preparedQuery(CLOSE).execute(Tuple.of(unitId, validTo)).mapEmpty();
  }

  /** Closes current units, each no earlier than its own start; one batch. */
  public Future<Void> closeAll(SqlClient tx, List<Closure> closures) {
    List<Tuple> t = new ArrayList<>(closures.size());
    closures.forEach(c -> t.add(Tuple.of(c.unitId(), c.validTo())));
    return batch(tx, CLOSE_NOT_BEFORE_START, t);
  }

  /** Creates units (parents must exist); one batch. Answers the new ids in the order given. */
  public Future<List<Long>> insertAll(SqlClient tx, List<NewUnit> units) {
    if (units.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Tuple> t = new ArrayList<>(units.size());
    units.forEach(u -> t.add(Tuple.from(new Object[] {u.code(), u.name(), Fold.fold(u.name()), u.level().id(),
        u.parentId(), u.path(), u.depth(), u.validFrom()})));
    return tx.preparedQuery(INSERT).executeBatch(t).map(res -> {
      List<Long> ids = new ArrayList<>(units.size());
      for (var rs = res; rs != null; rs = rs.next()) {
        ids.add(rs.iterator().next().getLong(0));
      }
      return ids;
    });
  }

  /** Sets parent, path and depth of each unit as given (not of their subtrees); one batch. */
  public Future<Void> reparentAll(SqlClient tx, List<Reparent> moves) {
    List<Tuple> t = new ArrayList<>(moves.size());
    moves.forEach(m -> t.add(Tuple.of(m.unitId(), m.parentId(), m.path(), m.depth())));
    return batch(tx, REPARENT, t);
  }

  /** Renames units; one batch. */
  public Future<Void> renameAll(SqlClient tx, List<Rename> renames) {
    List<Tuple> t = new ArrayList<>(renames.size());
    renames.forEach(r -> t.add(Tuple.of(r.unitId(), r.name(), Fold.fold(r.name()))));
    return batch(tx, RENAME, t);
  }

  /** Records a successor (idempotent). */
  public Future<Void> addSuccessor(SqlClient tx, long unitId, long successorId, LocalDate effective) {
    return tx.preparedQuery(SUCCESSOR).execute(Tuple.of(unitId, successorId, effective)).mapEmpty();
  }

  /** Records successors (idempotent); one batch. */
  public Future<Void> addSuccessors(SqlClient tx, List<Successor> successors) {
    List<Tuple> t = new ArrayList<>(successors.size());
    successors.forEach(s -> t.add(Tuple.of(s.unitId(), s.successorId(), s.effective())));
    return batch(tx, SUCCESSOR, t);
  }

  private static Future<Void> batch(SqlClient tx, String statement, List<Tuple> tuples) {
    return tuples.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(statement).executeBatch(tuples).mapEmpty();
  }
}
