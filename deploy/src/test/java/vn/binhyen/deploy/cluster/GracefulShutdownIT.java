package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestDatabase;

/**
 * SIGTERM of one node of three under tip and verify load, routed as a load balancer would
 * ({@link LoadGenerator#balanced}): the node reports not ready at once, keeps serving through its
 * drain, closes its listener, lets the requests under way finish, then leaves.
 *
 * <p>What is counted, over every request sent: answers 5xx (none allowed, on any node); requests
 * connected and left without a full answer ({@link LoadGenerator.Failure#CUT}, none allowed: the
 * node accepted them); acknowledged tips (201/202) missing from the database afterwards (none
 * allowed). Refused connections (nothing listening once the listener closed) are re-sent to the
 * next node, as a load balancer does, and counted apart.
 */
class GracefulShutdownIT {

  private static final int SLOW_MS = 4000;

  private final Cluster cluster = Cluster.shared();

  @Test
  void sigterm_under_load_loses_no_answer_and_no_acknowledged_tip() throws Exception {
    List<ExternalNode> all = cluster.nodes;
    ExternalNode victim = all.get(all.size() - 1);
    List<ExternalNode> survivors = new ArrayList<>(all);
    survivors.remove(victim);
    TipWrites tips = new TipWrites("Tin báo khi dừng êm số ");
    List<LoadGenerator.Outcome> tipOutcomes;
    List<LoadGenerator.Outcome> verifyOutcomes;
    long stopMillis;
    List<String> slowAnswers = new ArrayList<>();
    List<String> readiness = new java.util.concurrent.CopyOnWriteArrayList<>();
    int exit;
    try (LoadGenerator tipLoad = LoadGenerator.balanced(all, tips, 6).start();
        LoadGenerator verifyLoad = LoadGenerator.balanced(all, new VerifyReads(), 2).start()) {
      long t0 = System.nanoTime();
      for (ExternalNode n : all) {
        tipLoad.awaitAcknowledged(n.name, t0, 50);
        verifyLoad.awaitAcknowledged(n.name, t0, 20);
      }

      // Requests under way across the listener's close: they outlast the drain (1.5 s) and end
      // with a database round trip, so they need the grace period and the pool still open.
      var slow = java.util.concurrent.Executors.newFixedThreadPool(4);
      List<java.util.concurrent.Future<vn.binhyen.core.testing.Http.Response>> inFlight = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        inFlight.add(slow.submit(() -> victim.http().get("/test/probe/slow/" + SLOW_MS, null)));
      }
      Cluster.sleep(300);
      // What the node's readiness says while it stops (until its listener closes).
      inFlight.add(slow.submit(() -> {
        while (true) {
          try {
            var r = victim.http().get("/health/ready", null);
            readiness.add(r.status() + " " + r.json().getString("reason", ""));
          } catch (RuntimeException closed) {
            return null;
          }
          Cluster.sleep(50);
        }
      }));
      long stopAt = System.nanoTime();
      exit = victim.stop();
      stopMillis = (System.nanoTime() - stopAt) / 1_000_000;
      long stopped = System.nanoTime();
      for (var f : inFlight) {
        var r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        if (r != null) {
          slowAnswers.add(r.status() + " " + r.body());
        }
      }
      slow.shutdown();
      for (ExternalNode n : survivors) {
        tipLoad.awaitAcknowledged(n.name, stopped, 50);
        verifyLoad.awaitAcknowledged(n.name, stopped, 20);
      }
      tipLoad.close();
      verifyLoad.close();
      tipOutcomes = tipLoad.outcomes();
      verifyOutcomes = verifyLoad.outcomes();
    } finally {
      if (!victim.isAlive()) {
        victim.start();
        cluster.awaitReady(victim, all.size());
      }
    }

    List<LoadGenerator.Outcome> everything = new ArrayList<>(tipOutcomes);
    everything.addAll(verifyOutcomes);
    System.out.printf("Graceful shutdown: readiness while stopping %s%n", readiness);
    System.out.printf("Graceful shutdown: exit %d after %d ms; slow requests %s; %d tip and %d verify requests; "
        + "by node and status: %s; refused and re-sent: %d%n", exit, stopMillis, slowAnswers, tipOutcomes.size(),
        verifyOutcomes.size(), NodeLossIT.summary(everything),
        everything.stream().filter(o -> o.failure() == LoadGenerator.Failure.REFUSED).count());

    assertEquals(143, exit, "the node ended through its shutdown hook after SIGTERM (128 + 15), in "
        + stopMillis + " ms:\n" + Cluster.tail(victim));
    assertEquals(List.of("200 {\"waited\":" + SLOW_MS + ",\"one\":1}", "200 {\"waited\":" + SLOW_MS
        + ",\"one\":1}", "200 {\"waited\":" + SLOW_MS + ",\"one\":1}"), slowAnswers,
        "requests under way when the listener closed were answered, with the pool still open");
    assertTrue(stopMillis >= SLOW_MS - 300, "the stop waited for the requests under way (" + stopMillis + " ms)");
    int firstDown = readiness.indexOf("503 đang dừng / shutting down");
    assertTrue(firstDown >= 0 && firstDown <= 5, "readiness went DOWN at once, with the reason: " + readiness);
    assertTrue(readiness.subList(firstDown, readiness.size()).stream().allMatch(r -> r.startsWith("503")),
        "and stayed DOWN until the listener closed: " + readiness);
    long victimServed = everything.stream()
        .filter(o -> o.node().equals(victim.name) && o.status() > 0).count();
    assertTrue(victimServed > 0, "the stopped node served load before it stopped");
    assertEquals(List.of(), everything.stream().filter(o -> o.status() >= 500).toList(), "no answer 5xx");
    assertEquals(List.of(), everything.stream().filter(o -> o.failure() == LoadGenerator.Failure.CUT).toList(),
        "no request that reached a node was left without an answer");
    assertEquals(List.of(), everything.stream()
            .filter(o -> o.failure() == LoadGenerator.Failure.NONE && o.status() != 200 && o.status() != 201
                && o.status() != 202).toList(),
        "every answer was a success (tips 201/202, verify 200)");

    Map<Integer, Integer> stored;
    try (Connection c = TestDatabase.connect(cluster.database)) {
      stored = tips.stored(c);
    }
    List<Integer> lost = tipOutcomes.stream().filter(LoadGenerator.Outcome::acknowledged)
        .map(LoadGenerator.Outcome::n).filter(n -> stored.getOrDefault(n, 0) != 1).toList();
    assertEquals(List.of(), lost, "every acknowledged tip is stored exactly once");
  }
}
