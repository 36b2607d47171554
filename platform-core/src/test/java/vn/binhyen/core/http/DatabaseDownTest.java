package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is unavailable" (503 with Retry-After) rather than a bug (500). */
class DatabaseDownTest {

  private static IOException resetIn(String className) {
    IOException e = new IOException("Connection reset by peer");
    e.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("sun.nio.ch.SocketDispatcher", "write", null, 62),
        new StackTraceElement(className, "flush", null, 535)});
    return e;
  }

  @Test
  void a_connection_reset_while_the_sql_client_writes_is_the_database_going_away() {
    assertTrue(FailureHandler.isDatabaseDown(resetIn("io.vertx.pgclient.impl.codec.PgEncoder")));
    assertTrue(FailureHandler.isDatabaseDown(new RuntimeException(resetIn("io.vertx.sqlclient.impl.SocketConnectionBase"))));
    assertTrue(FailureHandler.isDatabaseDown(new java.net.SocketException("Connection refused")));
  }

  @Test
  void the_pool_and_connection_state_failures_are_the_database_going_away_whatever_their_text() {
    // These are the exact failures vertx-sql-client 5.0.10 raises: stackless VertxExceptions.
    assertTrue(FailureHandler.isDatabaseDown(VertxException.noStackTrace("Pool closed")));
    assertTrue(FailureHandler.isDatabaseDown(VertxException.noStackTrace("Timeout")));
    assertTrue(FailureHandler.isDatabaseDown(
        VertxException.noStackTrace("Connection is not active now, current status: CLOSED")));
    assertTrue(FailureHandler.isDatabaseDown(new RuntimeException(VertxException.noStackTrace("any words"))));
    // A pool waiter's connection timeout (Promise.fail(String)), as seen during a Patroni failover.
    assertTrue(FailureHandler.isDatabaseDown(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")));
  }

  @Test
  void a_vertx_exception_with_a_stack_trace_or_of_another_type_is_a_bug_not_an_outage() {
    assertFalse(FailureHandler.isDatabaseDown(new VertxException("Pool closed")));
    assertFalse(FailureHandler.isDatabaseDown(new io.vertx.ext.web.handler.HttpException(500, "Timeout")));
    assertFalse(FailureHandler.isDatabaseDown(new IllegalStateException("Pool closed")));
  }

  /** PgException(message, severity, code, detail): the SQLSTATE decides, never the text. */
  private static io.vertx.pgclient.PgException pg(String sqlState) {
    return new io.vertx.pgclient.PgException("cannot execute INSERT in a read-only transaction", "ERROR", sqlState, null);
  }

  @Test
  void a_write_refused_by_a_server_in_recovery_during_a_failover_is_the_database_switching() {
    assertTrue(FailureHandler.isDatabaseDown(pg("25006")));
    assertTrue(FailureHandler.isDatabaseDown(new RuntimeException(pg("25006"))));
    assertTrue(FailureHandler.isDatabaseDown(pg("57P03")), "cannot connect now: the server is starting");
    assertTrue(FailureHandler.isDatabaseDown(pg("08006")));
    // Other errors of the same classes and of other classes are not outages.
    assertFalse(FailureHandler.isDatabaseDown(pg("25P02")), "in failed SQL transaction: a bug");
    assertFalse(FailureHandler.isDatabaseDown(pg("23505")));
    assertFalse(FailureHandler.isDatabaseDown(pg("42501")));
  }

  @Test
  void other_io_failures_are_not() {
    assertFalse(FailureHandler.isDatabaseDown(resetIn("com.hazelcast.internal.networking.nio.NioOutboundPipeline")));
    assertFalse(FailureHandler.isDatabaseDown(new IllegalStateException("a bug")));
  }
}
