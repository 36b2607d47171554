package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.TestDatabase;

/**
 * A node killed with SIGKILL while writes go through every node: nothing acknowledged is lost or
 * doubled, the others keep serving, and the node rejoins when started again.
 */
class NodeLossIT {

  private final Cluster cluster = Cluster.shared();

  @Test
  void acknowledged_writes_survive_a_killed_node_exactly_once_and_the_node_rejoins() throws Exception {
    List<ExternalNode> all = cluster.nodes;
    ExternalNode victim = leader(all);
    List<ExternalNode> survivors = new ArrayList<>(all);
    survivors.remove(victim);
    LoadGenerator.Write write = new TipWrites();
    List<LoadGenerator.Outcome> outcomes;
    long killedAt;
    try (LoadGenerator load = new LoadGenerator(all, write, 6).start()) {
      long t0 = System.nanoTime();
      for (ExternalNode n : all) {
        load.awaitAcknowledged(n.name, t0, 10);
      }

      assertEquals(137, victim.kill(), "the node died of SIGKILL (128 + 9): none of its shutdown ran");
      killedAt = System.nanoTime();
      for (ExternalNode n : survivors) {
        load.awaitAcknowledged(n.name, killedAt, 30);
      }

      victim.start();
      cluster.awaitReady(victim, all.size());
      long rejoined = System.nanoTime();
      load.awaitAcknowledged(victim.name, rejoined, 10);
      load.close();
      outcomes = load.outcomes();
    }

    Map<Integer, Integer> stored;
    try (Connection c = TestDatabase.connect(cluster.database)) {
      stored = write.stored(c);
    }
    List<Integer> acknowledged = outcomes.stream().filter(LoadGenerator.Outcome::acknowledged)
        .map(LoadGenerator.Outcome::n).toList();
    List<Integer> lostOrDoubled = acknowledged.stream()
        .filter(n -> stored.getOrDefault(n, 0) != 1).toList();
    assertTrue(lostOrDoubled.isEmpty(), "acknowledged writes not stored exactly once: " + lostOrDoubled);
    assertTrue(stored.values().stream().allMatch(count -> count == 1), "no write is stored twice");

    List<LoadGenerator.Outcome> survivorFailures = outcomes.stream()
        .filter(o -> !o.node().equals(victim.name) && !o.acknowledged()).toList();
    assertEquals(List.of(), survivorFailures, "the surviving nodes answered every write");
    System.out.printf("Node loss: %d writes, %d acknowledged, %d stored; answers by node and status: %s%n",
        outcomes.size(), acknowledged.size(), stored.size(), summary(outcomes));
  }

  private static ExternalNode leader(List<ExternalNode> nodes) {
    return nodes.stream()
        .filter(n -> n.http().get("/test/probe/jobs", null).json().getBoolean("leader"))
        .findFirst().orElseThrow(() -> new AssertionError("no node is the oldest member"));
  }

  static String summary(List<LoadGenerator.Outcome> outcomes) {
    return new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(
        o -> o.node() + ":" + o.status(), Collectors.counting()))).toString();
  }
}
