package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void other_io_failures_are_not() {
    assertFalse(FailureHandler.isDatabaseDown(resetIn("com.hazelcast.internal.networking.nio.NioOutboundPipeline")));
    assertFalse(FailureHandler.isDatabaseDown(new IllegalStateException("a bug")));
  }
}
