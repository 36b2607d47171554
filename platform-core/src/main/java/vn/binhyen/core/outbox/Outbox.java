package vn.binhyen.core.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must happen because a transaction committed, and happens only then: the caller adds a
 * row with {@link #add} (or an event-bus publish with {@link #publish}) inside its transaction; a
 * relay on every node claims due rows, runs the handler registered for the row's topic, and
 * deletes the row once the handler succeeded. A failure (or a node killed while handling) leaves
 * the row to be tried again with backoff, on this node or another: delivery is at least once, so
 * every handler must be idempotent. Rows are handled in id order within a claim.
 *
 * <p>Modules register their handlers in {@code start}; {@code Platform} starts the relay once
 * every module has started. Handlers run on the relay's event-loop context.
 */
public final class Outbox {

  /** Topic of {@link #publish}: a cluster-wide event-bus publish after commit. */
  public static final String PUBLISH = "event.publish";

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final int BATCH = 50;
  private static final long LEASE_SECONDS = 60;
  private static final long POLL_MS = 500;
  private static final long MAX_BACKOFF_SECONDS = 300;

  private final Vertx vertx;
  private final Pool pool;
  private final OutboxRepository repo = new OutboxRepository();
  private final Map<String, Function<JsonObject, Future<Void>>> handlers = new ConcurrentHashMap<>();
  private Context context;
  private boolean running;
  private boolean again;

  public Outbox(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
    handle(PUBLISH, p -> {
      vertx.eventBus().publish(p.getString("address"), p.getValue("body"));
      return Future.succeededFuture();
    });
  }

  /** Adds work to {@code tx}: delivered (at least once) after and only if it commits. */
  public Future<Void> add(SqlClient tx, String topic, JsonObject payload) {
    return repo.insert(tx, topic, payload);
  }

  /**
   * An event-bus publish (every node's consumers) that happens if {@code tx} commits, even if
   * this node dies right after. {@code body} is a JSON object or a string.
   */
  public Future<Void> publish(SqlClient tx, String address, Object body) {
    return add(tx, PUBLISH, new JsonObject().put("address", address).put("body", body));
  }

  /** The handler of {@code topic} on this node (one per topic; a later one replaces it). */
  public void handle(String topic, Function<JsonObject, Future<Void>> handler) {
    handlers.put(topic, handler);
  }

  /** Starts this node's relay: polls every 500 ms; {@link #kick} delivers sooner. */
  public synchronized void start() {
    if (context != null) {
      return;
    }
    context = vertx.getOrCreateContext();
    context.runOnContext(v -> vertx.setPeriodic(POLL_MS, id -> relay()));
    kick();
  }

  /** Delivers what is due now (after a commit that added rows), without waiting for the poll. */
  public void kick() {
    Context c = context;
    if (c != null) {
      c.runOnContext(v -> relay());
    }
  }

  /** Rows waiting, the most attempts any has had, and the age of the oldest (seconds). */
  public Future<OutboxBacklog> backlog() {
    return repo.backlog(pool);
  }

  // On the relay's context only: one drain at a time per node; a kick during a drain drains again.
  private void relay() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    drain().onComplete(ar -> {
      running = false;
      if (ar.failed()) {
        log.debug("Outbox relay could not claim work: {}", ar.cause().toString());
      } else if (again || ar.result() == BATCH) {
        context.runOnContext(v -> relay());
      }
    });
  }

  private Future<Integer> drain() {
    return repo.claim(pool, BATCH, LEASE_SECONDS).compose(items -> deliverAll(items).map(items.size()));
  }

  private Future<Void> deliverAll(List<OutboxItem> items) {
    Future<Void> chain = Future.succeededFuture();
    for (OutboxItem item : items) {
      chain = chain.compose(x -> deliver(item));
    }
    return chain;
  }

  private Future<Void> deliver(OutboxItem item) {
    return run(item)
        .compose(x -> repo.done(pool, item.id()))
        .recover(e -> {
          long delay = backoffSeconds(item.attempts());
          String why = String.valueOf(e.getMessage());
          (item.attempts() >= 5 ? log.atWarn() : log.atInfo()).log(
              "Outbox item {} ({}) failed on attempt {}; next try in {} s: {}", item.id(), item.topic(),
              item.attempts(), delay, why);
          // If even the retry cannot be recorded, the lease expires and the row is claimed again.
          return repo.retry(pool, item.id(), delay, why.length() > 500 ? why.substring(0, 500) : why)
              .recover(e2 -> Future.succeededFuture());
        });
  }

  private Future<Void> run(OutboxItem item) {
    Function<JsonObject, Future<Void>> handler = handlers.get(item.topic());
    if (handler == null) {
      return Future.failedFuture(new IllegalStateException("no handler for topic " + item.topic() + " on this node"));
    }
    try {
      Future<Void> done = handler.apply(item.payload());
      return done == null ? Future.failedFuture(new IllegalStateException("handler returned null")) : done;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** 1, 2, 4, … seconds after the first, second, third failure, at most five minutes. */
  static long backoffSeconds(int attempts) {
    int exponent = Math.max(0, Math.min(attempts - 1, 20));
    return Math.min(MAX_BACKOFF_SECONDS, 1L << exponent);
  }
}
