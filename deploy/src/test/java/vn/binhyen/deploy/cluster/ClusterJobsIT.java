package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster job (the probe module's, every 250 ms) runs on exactly one node, the oldest member,
 * and moves to a surviving node when that one is killed.
 */
class ClusterJobsIT {

  private final Cluster cluster = Cluster.shared();

  @Test
  void a_cluster_job_runs_on_exactly_one_node_and_moves_when_that_node_is_killed() throws Exception {
    List<ExternalNode> all = cluster.nodes;
    ExternalNode runner = onlyRunner(all);
    for (ExternalNode n : all) {
      assertEquals(n == runner, n.http().get("/test/probe/jobs", null).json().getBoolean("leader"),
          "only the node running the job calls itself the leader: " + n);
    }

    runner.kill();
    List<ExternalNode> survivors = new ArrayList<>(all);
    survivors.remove(runner);
    ExternalNode next = onlyRunner(survivors);
    assertTrue(survivors.contains(next), "the job moved to a surviving node");

    runner.start();
    cluster.awaitReady(runner, all.size());
    assertEquals(next, onlyRunner(all), "the restarted node is the youngest and leaves the job where it is");
  }

  /**
   * Waits (bounded) until the job has run at least 8 more times among {@code nodes}, and returns
   * the one node whose count grew; fails if several grew in the same window. Every node given is
   * alive: while a killed leader is not yet declared dead, nobody runs the job.
   */
  private static ExternalNode onlyRunner(List<ExternalNode> nodes) {
    long deadline = System.nanoTime() + 90_000_000_000L;
    long[] before = runs(nodes);
    while (System.nanoTime() < deadline) {
      Cluster.sleep(500);
      long[] after = runs(nodes);
      long total = 0;
      List<ExternalNode> grew = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        total += after[i] - before[i];
        if (after[i] > before[i]) {
          grew.add(nodes.get(i));
        }
      }
      if (grew.size() > 1) {
        throw new AssertionError("the job ran on several live nodes in one window: " + grew);
      }
      if (total >= 8) {
        return grew.get(0);
      }
    }
    throw new AssertionError("the job did not run 8 times on one node within the bound");
  }

  private static long[] runs(List<ExternalNode> nodes) {
    long[] r = new long[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      r[i] = nodes.get(i).http().get("/test/probe/jobs", null).json().getLong("runs");
    }
    return r;
  }
}
