package vn.binhyen.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Tuple;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * {@link Db#inScopeAtOnce}: BEGIN, scope and statements sent together, then COMMIT only if the work
 * succeeded. Every statement commits together; any failure, in a statement or in the work's own
 * code, rolls all of them back; the tenant scope applies.
 */
class DbAtOnceIT {

  // audit_log: a tenant-scoped, append-only table the application role may insert into.
  private static final String INSERT = """
      INSERT INTO audit_log (tenant_path, actor_name, action, target)
      VALUES ($1, 'DbAtOnceIT', 'test', $2)""";

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static long stored(String marker) throws Exception {
    try (var c = TestDatabase.connect(TestPlatform.DATABASE); var st = c.prepareStatement(
        "SELECT count(*) FROM audit_log WHERE target = ?")) {
      st.setString(1, marker);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Db db() {
    return TestPlatform.demo().services().db();
  }

  @Test
  void statements_sent_together_commit_together() throws Exception {
    String marker = "at-once-" + UUID.randomUUID();
    long n = await(db().inScopeAtOnce("BCA/01", conn -> {
      Future<?> first = conn.preparedQuery(INSERT).execute(Tuple.of("BCA/01", marker));
      Future<?> second = conn.preparedQuery(INSERT).execute(Tuple.of("BCA/01/00004", marker));
      return Future.all(first, second).map(x -> 2L);
    }));
    assertEquals(2, n);
    assertEquals(2, stored(marker));
  }

  @Test
  void a_failing_statement_rolls_back_the_ones_before_it() throws Exception {
    String marker = "at-once-" + UUID.randomUUID();
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(db().inScopeAtOnce("BCA/01", conn -> {
      Future<?> ok = conn.preparedQuery(INSERT).execute(Tuple.of("BCA/01", marker));
      Future<?> bad = conn.preparedQuery("SELECT 1 / 0").execute();
      return Future.all(ok, bad);
    })));
    assertTrue(e.getCause() instanceof PgException, e.toString());
    assertEquals(0, stored(marker), "the first statement's row is rolled back");
    // The connection went back to the pool outside any transaction: the next work commits.
    String after = "at-once-" + UUID.randomUUID();
    for (int i = 0; i < 8; i++) {
      await(db().inScopeAtOnce("BCA/01", conn -> conn.preparedQuery(INSERT).execute(Tuple.of("BCA/01", after))));
    }
    assertEquals(8, stored(after));
  }

  @Test
  void a_failure_in_the_works_own_code_after_its_statements_succeeded_commits_nothing() throws Exception {
    String marker = "at-once-" + UUID.randomUUID();
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(db().inScopeAtOnce("BCA/01",
        conn -> conn.preparedQuery(INSERT).execute(Tuple.of("BCA/01", marker)).map(rows -> {
          throw new IllegalStateException("mapping the rows failed");
        }))));
    assertEquals("mapping the rows failed", e.getCause().getMessage());
    assertEquals(0, stored(marker), "the caller saw a failure, so the statement's row is not committed");
  }

  @Test
  void work_that_throws_after_sending_a_statement_commits_nothing() throws Exception {
    String marker = "at-once-" + UUID.randomUUID();
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(db().inScopeAtOnce("BCA/01", conn -> {
      conn.preparedQuery(INSERT).execute(Tuple.of("BCA/01", marker));
      throw new IllegalArgumentException("a bad value found while building the second statement");
    })));
    assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
    assertEquals(0, stored(marker), "the statement already sent is rolled back");
  }

  @Test
  void rows_outside_the_scope_are_refused() throws Exception {
    String marker = "at-once-" + UUID.randomUUID();
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(db().inScopeAtOnce("BCA/01",
        conn -> conn.preparedQuery(INSERT).execute(Tuple.of("BCA/66", marker)))));
    assertTrue(e.getCause().getMessage().contains("row-level security"), e.getCause().getMessage());
    assertEquals(0, stored(marker));
  }
}
