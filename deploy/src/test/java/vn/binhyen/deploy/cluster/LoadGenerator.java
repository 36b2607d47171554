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
 *
 * <p>{@link #balanced} behaves as a load balancer in front of the nodes: it polls every node's
 * {@code /health/ready} every 100 ms and sends only to nodes that answered ready (all of them if
 * none did), and a request whose connection is refused (nothing listens: the node has closed its
 * listener or is gone) is sent again to the next node. Refused attempts are recorded as
 * {@link Failure#REFUSED}; a request that was connected and got no full answer (reset, closed,
 * timed out) is {@link Failure#CUT}: for a request the node had accepted, that is a lost answer.
 */
final class LoadGenerator implements AutoCloseable {

  /** One kind of acknowledged write. */
  interface Write {
    /** Sends write number {@code n} through {@code node}; its HTTP answer. Throws when none came. */
    Http.Response send(Http node, int n);

    /** How many times each write is stored, by number (writes not stored may be absent). */
    Map<Integer, Integer> stored(Connection owner) throws SQLException;
  }

  /** Why a write got no answer. */
  enum Failure { NONE, REFUSED, CUT }

  /**
   * What happened to one write: its number, the node, the status (-1: no answer), whether the
   * answer was problem+json and carried Retry-After, and when.
   */
  record Outcome(int n, String node, int status, boolean problemJson, boolean retryAfter, long startNanos,
      long endNanos, Failure failure, String error) {
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
  private final boolean balanced;
  private final java.util.Set<String> ready = java.util.concurrent.ConcurrentHashMap.newKeySet();

  LoadGenerator(List<ExternalNode> nodes, Write write, int threads) {
    this(nodes, write, threads, false);
  }

  private LoadGenerator(List<ExternalNode> nodes, Write write, int threads, boolean balanced) {
    this.nodes = List.copyOf(nodes);
    this.write = write;
    this.threads = threads;
    this.balanced = balanced;
  }

  /** Routes as a load balancer would: to ready nodes only, refused connections to the next node. */
  static LoadGenerator balanced(List<ExternalNode> nodes, Write write, int threads) {
    return new LoadGenerator(nodes, write, threads, true);
  }

  LoadGenerator start() {
    running.set(true);
    if (balanced) {
      nodes.forEach(n -> ready.add(n.name));
      Thread probe = new Thread(this::probe, "load-probe");
      probe.setDaemon(true);
      probe.start();
      workers.add(probe);
    }
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
      List<ExternalNode> targets = targets();
      for (int attempt = 0; attempt < targets.size(); attempt++) {
        ExternalNode node = targets.get((n + attempt) % targets.size());
        Outcome o = send(node, n);
        outcomes.add(o);
        if (o.failure() != Failure.REFUSED || !balanced) {
          break;
        }
      }
    }
  }

  private List<ExternalNode> targets() {
    if (!balanced) {
      return nodes;
    }
    List<ExternalNode> up = nodes.stream().filter(n -> ready.contains(n.name)).toList();
    return up.isEmpty() ? nodes : up;
  }

  private Outcome send(ExternalNode node, int n) {
    long start = System.nanoTime();
    try {
      Http.Response r = write.send(node.http(), n);
      return new Outcome(n, node.name, r.status(), r.contentType().startsWith("application/problem+json"),
          r.headers().firstValue("Retry-After").isPresent(), start, System.nanoTime(), Failure.NONE, null);
    } catch (RuntimeException noAnswer) {
      Failure f = refused(noAnswer) ? Failure.REFUSED : Failure.CUT;
      Cluster.sleep(20);
      return new Outcome(n, node.name, -1, false, false, start, System.nanoTime(), f, noAnswer.getMessage());
    }
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  private void probe() {
    while (running.get()) {
      for (ExternalNode node : nodes) {
        boolean up;
        try {
          up = node.http().get("/health/ready", null).status() == 200;
        } catch (RuntimeException down) {
          up = false;
        }
        if (up) {
          ready.add(node.name);
        } else {
          ready.remove(node.name);
        }
      }
      Cluster.sleep(100);
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
