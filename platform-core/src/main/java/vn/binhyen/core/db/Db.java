package vn.binhyen.core.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;

/**
 * The application's access to PostgreSQL. Every connection runs as the non-superuser role
 * {@code binhyen_app}; tenant-owned rows are visible only inside {@link #inScope}, which sets the
 * transaction's tenant scope for the row-level security policies.
 */
public final class Db {

  // The role is set again per transaction. When the pool logs in as binhyen_app (the embedded
  // server, or BINHYEN_DB_APP_PASSWORD) this changes nothing; when it logs in as the owner and the
  // connect handler ran SET ROLE, it narrows each transaction again even if a session was reset.
  private static final String SET_SCOPE =
      "SELECT set_config('role', 'binhyen_app', true), set_config('app.scope', $1, true)";

  private final Pool pool;
  private final ReadReplica reads;

  public Db(Pool pool) {
    this(pool, ReadReplica.none(pool));
  }

  public Db(Pool pool, ReadReplica reads) {
    this.pool = pool;
    this.reads = reads;
  }

  /**
   * For reads that may be slightly stale, on tables without tenant rows (roll-up counters, public
   * lists): a replica while it is within its bound, else the primary ({@link ReadReplica}).
   */
  public Pool reads() {
    return reads.pool();
  }

  /** Whether reads go to a replica now, and how stale it may be. */
  public ReadReplica.State readState() {
    return reads.state();
  }

  /** For queries on tables without tenant rows (the tenant directory, public registries). */
  public Pool pool() {
    return pool;
  }

  /**
   * Runs {@code work} in one transaction whose tenant scope is {@code scopePath} (a tenant path:
   * rows of that tenant and its subtree are visible). A failed future rolls everything back.
   */
  public <T> Future<T> inScope(String scopePath, Function<SqlConnection, Future<T>> work) {
    if (noScope(scopePath)) {
      return Future.failedFuture(new IllegalArgumentException("a tenant scope is required"));
    }
    // The scope and the work's first statement go out together (the connection pipelines them in
    // order): one round trip less per transaction. If setting the scope failed, the transaction
    // is aborted, so no statement after it can run unscoped, and the work's result is discarded.
    return pool.withTransaction(conn -> {
      Future<?> scoped = conn.preparedQuery(SET_SCOPE).execute(Tuple.of(scopePath));
      Future<T> done = work.apply(conn);
      return scoped.compose(ignored -> done);
    });
  }

  /**
   * Like {@link #inScope}, in two round trips instead of three, for work whose statements are all
   * sent before any answer is needed (every parameter known up front, nothing composed on a
   * result): BEGIN, the scope and the work's statements go out together on one connection, which
   * runs them in order; once every answer is in, COMMIT is sent only if the work's future (its
   * statements and its own code) succeeded, ROLLBACK otherwise. So the caller never sees a failure
   * for work that was committed, and never sees success for work that was not, except for the
   * one ambiguity every database client has: a connection lost while COMMIT's answer is on its
   * way is reported as a failure although the server may have committed (intake is idempotent
   * per receipt code for that reason). A write path taken thousands of times a second saves one
   * wait per transaction (IntakeBatcher).
   */
  public <T> Future<T> inScopeAtOnce(String scopePath, Function<SqlConnection, Future<T>> work) {
    if (noScope(scopePath)) {
      return Future.failedFuture(new IllegalArgumentException("a tenant scope is required"));
    }
    return pool.withConnection(conn -> {
      // If BEGIN failed, each statement would run alone: the scope's set_config(..., true) would
      // end with its own statement and the work would see no rows and may write none (RLS).
      Future<?> begin = conn.query("BEGIN").execute();
      Future<?> scoped = conn.preparedQuery(SET_SCOPE).execute(Tuple.of(scopePath));
      Future<T> done;
      try {
        done = work.apply(conn);
      } catch (RuntimeException e) {
        done = Future.failedFuture(e);
      }
      Future<T> result = done;
      return Future.join(begin, scoped, done).transform(all -> {
        Throwable failure = firstFailure(begin, scoped, result);
        if (failure == null) {
          return conn.query("COMMIT").execute().compose(committed -> result);
        }
        // Whatever the work sent is undone; the caller sees the first failure, not the rollback's.
        return conn.query("ROLLBACK").execute().transform(rolledBack -> Future.<T>failedFuture(failure));
      });
    });
  }

  private static Throwable firstFailure(Future<?>... steps) {
    for (Future<?> step : steps) {
      if (step.failed()) {
        return step.cause();
      }
    }
    return null;
  }

  private static boolean noScope(String scopePath) {
    return scopePath == null || scopePath.isBlank();
  }

  /** One transaction with no tenant scope (only tables without row-level security are usable). */
  public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work);
  }
}
