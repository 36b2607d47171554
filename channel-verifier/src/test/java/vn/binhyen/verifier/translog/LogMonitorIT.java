package vn.binhyen.verifier.translog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/** The self-monitor raises an alert for a tree head that is not properly signed by the log key. */
class LogMonitorIT {

  @Test
  void a_forged_tree_head_raises_an_alert_and_the_application_cannot_write_one() throws Exception {
    TestPlatform.demo();
    LogMonitor monitor = new LogMonitor(TestChannels.services().vertx(), TestChannels.services().get(TransparencyLog.class),
        Checkpoint.verifierKey(TransparencyLog.ORIGIN, TestChannels.services().get(TransparencyLog.class).signer().verifyingKey()));
    monitor.checkNow().await();
    assertEquals(0, monitor.alerts(), "the real heads are fine");
    long forgedSize = 1_000_000_000L;
    try (Connection owner = TestDatabase.connect(TestPlatform.DATABASE)) {
      try (PreparedStatement insert = owner.prepareStatement(
          "INSERT INTO translog_head (size, root_hash, checkpoint) VALUES (?, ?, ?)")) {
        insert.setLong(1, forgedSize);
        insert.setBytes(2, new byte[32]);
        insert.setString(3, TransparencyLog.ORIGIN + "\n" + forgedSize + "\nAAAA\n\n\u2014 binhyen.vn/translog AAAA\n");
        insert.executeUpdate();
      }
      try {
        monitor.checkNow().await();
        assertTrue(monitor.alerts() >= 1, "a forged head is an alert");
      } finally {
        try (PreparedStatement delete = owner.prepareStatement("DELETE FROM translog_head WHERE size = ?")) {
          delete.setLong(1, forgedSize);
          delete.executeUpdate();
        }
      }
    }
    var app = TestChannels.services().db().pool();
    var refused = app.query("UPDATE translog_leaf SET leaf_hash = leaf_hash WHERE idx = 0").execute();
    assertTrue(refused.failed() || awaitFailed(refused), "the application role cannot rewrite the log");
  }

  private static boolean awaitFailed(io.vertx.core.Future<?> f) {
    try {
      f.await();
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
