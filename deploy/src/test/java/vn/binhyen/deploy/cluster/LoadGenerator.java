package vn.binhyen.deploy.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.binhyen.core.testing.Http;

/**
 * Sends numbered writes round-robin through every node of a cluster from a few threads, and
 * records each one's outcome. What a write is comes from {@link Write}: units created by a unit
 * admin on this branch, citizens' tips once tip intake exists.
 */
final class LoadGenerator implements AutoCloseable {

  /** One kind of acknowledged write. */
  interface Write {
    /** Sends write number {@code n} through {@code node}; its HTTP answer. Throws when none came. */
    Http.Response send(Http node, int n);

    /** How many times each write is stored, by number (writes not stored may be absent). */
    Map<Integer, Integer> stored(Connection owner) throws SQLException;
  }

  /** What happened to one write: its number, the node, the status (-1: no answer) and when. */
  record Outcome(int n, String node, int status, boolean problemJson, long startNanos, long endNanos) {
    boolean acknowledged() {
      return status >= 200 && status < 300;
    }

    long millis() {
      return (endNanos - startNanos) / 1_000_000;
    }
  }

  private final List<ExternalNode> nodes;
  private final Write write;
  private final int threads;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final List<Thread> workers = new ArrayList<>();

  LoadGenerator(List<ExternalNode> nodes, Write write, int threads) {
    this.nodes = List.copyOf(nodes);
    this.write = write;
    this.threads = threads;
  }

  LoadGenerator start() {
    running.set(true);
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(this::loop, "load-" + t);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    return this;
  }

  private void loop() {
    while (running.get()) {
      int n = next.incrementAndGet();
      ExternalNode node = nodes.get(n % nodes.size());
      long start = System.nanoTime();
      int status = -1;
      boolean problem = false;
      try {
        Http.Response r = write.send(node.http(), n);
        status = r.status();
        problem = r.contentType().startsWith("application/problem+json");
      } catch (RuntimeException noAnswer) {
        // connection refused or reset: the node is down; not acknowledged
        Cluster.sleep(20);
      }
      outcomes.add(new Outcome(n, node.name, status, problem, start, System.nanoTime()));
    }
  }

  /** Stops and waits for the writes in flight to end. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread w : workers) {
      w.join(60_000);
    }
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Acknowledged writes through {@code node} that started after {@code sinceNanos}. */
  long acknowledgedThrough(String node, long sinceNanos) {
    return outcomes.stream()
        .filter(o -> o.node().equals(node) && o.startNanos() >= sinceNanos && o.acknowledged())
        .count();
  }

  /** Waits (bounded) until {@code node} has acknowledged {@code count} writes started after {@code since}. */
  void awaitAcknowledged(String node, long since, int count) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (acknowledgedThrough(node, since) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(node + " acknowledged only " + acknowledgedThrough(node, since)
            + " writes; last outcomes: " + outcomes().subList(Math.max(0, outcomes.size() - 10), outcomes.size()));
      }
      Cluster.sleep(50);
    }
  }
}
