package vn.binhyen.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.testing.Eventually;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The outbox on a real node and database: work added in a transaction is delivered only if it
 * commits, in order; a failing handler is tried again (attempts and the error recorded) until it
 * succeeds; a publish reaches event-bus consumers.
 */
class OutboxIT {

  private final Services services = TestPlatform.demo().services();
  private final Outbox outbox = services.outbox();

  @Test
  void work_is_delivered_once_and_in_order_if_and_only_if_its_transaction_commits() throws Exception {
    String topic = "test.ordered." + UUID.randomUUID();
    List<Integer> seen = new CopyOnWriteArrayList<>();
    outbox.handle(topic, p -> {
      seen.add(p.getInteger("n"));
      return Future.succeededFuture();
    });
    assertThrows(IllegalStateException.class, () -> services.db().inScope("BCA", tx ->
        outbox.add(tx, topic, new JsonObject().put("n", 0))
            .compose(x -> Future.failedFuture(new IllegalStateException("the change failed")))).await());
    services.db().inScope("BCA", tx -> outbox.add(tx, topic, new JsonObject().put("n", 1))
        .compose(x -> outbox.add(tx, topic, new JsonObject().put("n", 2)))).await();
    outbox.kick();
    Eventually.await(() -> rows(topic) == 0 && seen.size() >= 2, "delivered");
    Thread.sleep(1_200); // two more polls: nothing is delivered again
    assertEquals(List.of(1, 2), seen, "the rolled-back row never arrives; the committed ones once, in order");
  }

  @Test
  void a_failing_handler_is_tried_again_with_the_error_kept_until_it_succeeds() throws Exception {
    String topic = "test.flaky." + UUID.randomUUID();
    AtomicInteger calls = new AtomicInteger();
    outbox.handle(topic, p -> calls.incrementAndGet() < 3
        ? Future.failedFuture(new IllegalStateException("downstream unavailable"))
        : Future.succeededFuture());
    services.db().inTransaction(tx -> outbox.add(tx, topic, new JsonObject())).await();
    outbox.kick();
    Eventually.await(() -> calls.get() >= 1 && lastError(topic).contains("downstream unavailable"), "first failure recorded");
    // Backoff: 1 s after the first failure, 2 s after the second.
    Eventually.await(() -> rows(topic) == 0, "delivered on the third attempt");
    assertEquals(3, calls.get());
  }

  @Test
  void a_publish_reaches_the_event_bus_after_commit() throws Exception {
    String address = "test.published." + UUID.randomUUID();
    List<String> heard = new CopyOnWriteArrayList<>();
    services.vertx().eventBus().<String>consumer(address, m -> heard.add(m.body())).completion().await();
    services.db().inTransaction(tx -> outbox.publish(tx, address, "hello")).await();
    outbox.kick();
    Eventually.await(() -> heard.contains("hello"), "published");
  }

  @Test
  void backoff_doubles_from_one_second_up_to_five_minutes() {
    assertEquals(1, Outbox.backoffSeconds(1));
    assertEquals(2, Outbox.backoffSeconds(2));
    assertEquals(4, Outbox.backoffSeconds(3));
    assertEquals(256, Outbox.backoffSeconds(9));
    assertEquals(300, Outbox.backoffSeconds(10));
    assertEquals(300, Outbox.backoffSeconds(1_000));
    assertTrue(Outbox.backoffSeconds(0) >= 1);
  }

  private static long rows(String topic) {
    return Long.parseLong(query("SELECT count(*)::text FROM outbox WHERE topic = '" + topic + "'"));
  }

  private static String lastError(String topic) {
    return query("SELECT coalesce(max(last_error), '') FROM outbox WHERE topic = '" + topic + "'");
  }

  private static String query(String sql) {
    try (var c = TestDatabase.connect(TestPlatform.DATABASE); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
