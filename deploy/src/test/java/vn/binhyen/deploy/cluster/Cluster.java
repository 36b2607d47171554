package vn.binhyen.deploy.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Several nodes as separate JVMs on 127.0.0.1 sharing one database and master key, on private
 * ports: each cluster gets free HTTP and Hazelcast ports and lists exactly its own members, so
 * test JVMs running at the same time never join each other. The demo country is seeded first by
 * a node inside the test JVM, which then leaves.
 */
final class Cluster implements AutoCloseable {

  private static Cluster shared;

  final String database;
  final List<ExternalNode> nodes;

  private Cluster(String database, List<ExternalNode> nodes) {
    this.database = database;
    this.nodes = nodes;
  }

  /** One 3-node cluster per test JVM, shared by the test classes; stopped when the JVM exits. */
  static synchronized Cluster shared() {
    if (shared == null) {
      shared = start("cluster_faults", null, 3);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /**
   * Seeds the demo country in {@code database} (on {@code dbUrl}, or the test JVM's shared
   * embedded server when null) and starts {@code size} nodes on it; returns when all serve.
   */
  static Cluster start(String database, String dbUrl, int size) {
    return start(database, dbUrl, null, size);
  }

  /** As above, the nodes logging in as binhyen_app with {@code appPassword} (null: SET ROLE). */
  static Cluster start(String database, String dbUrl, String appPassword, int size) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String masterKey = Base64.getEncoder().encodeToString(key);
    Map<String, String> seedEnv = new HashMap<>(Map.of("BINHYEN_MASTER_KEY", masterKey));
    if (dbUrl != null) {
      seedEnv.put("BINHYEN_DB_URL", dbUrl);
    }
    Map<String, String> appLogin = dbUrl == null ? TestDatabase.appLoginEnv()
        : appPassword == null ? Map.of() : Map.of("BINHYEN_DB_APP_PASSWORD", appPassword);
    seedEnv.putAll(appLogin);
    String url;
    try (Platform seed = TestNode.start(database, TestNode.newClusterName(), seedEnv)) {
      DemoCountry.seed(seed.services(), seed.modules(), Optional.of(TestPlatform.PASSWORD));
      url = dbUrl != null ? dbUrl : seed.config().dbUrl().orElseThrow();
    }
    String clusterName = TestNode.newClusterName();
    List<Integer> hzPorts = new ArrayList<>();
    List<Integer> httpPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      hzPorts.add(freePort());
      httpPorts.add(freePort());
    }
    String members = hzPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    Path dir;
    try {
      dir = Files.createDirectories(Path.of("target", "cluster-" + clusterName)).toAbsolutePath();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    List<ExternalNode> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Map<String, String> env = new HashMap<>();
      env.put("BINHYEN_DB_URL", url);
      // Log in as binhyen_app, as a node on the embedded server does.
      env.putAll(appLogin);
      env.put("BINHYEN_DATA_DIR", dir.resolve("node" + (i + 1)).toString());
      env.put("BINHYEN_HTTP_INSTANCES", "1");
      env.put("BINHYEN_DB_POOL_SIZE", "6");
      env.put("BINHYEN_CLUSTER_NAME", clusterName);
      env.put("BINHYEN_CLUSTER_MEMBERS", members);
      env.put("BINHYEN_MASTER_KEY", masterKey);
      env.put("BINHYEN_ACCESS_LOG_LEVEL", "WARN");
      env.put("BINHYEN_TIPS_SUBMIT_PER_MINUTE", "1000000");
      env.put("BINHYEN_VERIFY_PER_MINUTE", "0");
      // The majority check on (a node cut off from the other two is not ready), and a graceful
      // stop whose drain outlasts the load generator's readiness polling (LoadGenerator.balanced).
      env.put("BINHYEN_CLUSTER_SIZE", Integer.toString(size));
      env.put("BINHYEN_SHUTDOWN_DRAIN", "1500ms");
      env.put("BINHYEN_SHUTDOWN_GRACE", "10s");
      // Outbound platform calls (alerts, replies) go to this test JVM's fakes.
      env.putAll(PlatformFakes.shared().env());
      nodes.add(new ExternalNode("node" + (i + 1), httpPorts.get(i), hzPorts.get(i), env, dir));
    }
    Cluster cluster = new Cluster(database, nodes);
    try {
      // The first node alone, so it is the oldest member (the one that runs cluster jobs).
      nodes.get(0).start();
      cluster.awaitReady(nodes.get(0), 1);
      nodes.subList(1, size).forEach(ExternalNode::start);
      for (ExternalNode n : nodes) {
        cluster.awaitReady(n, size);
      }
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  ExternalNode node(int i) {
    return nodes.get(i);
  }

  /**
   * Waits until the node answers ready and sees {@code members} members (bounded: a node that
   * died or never joins fails the test with the end of its log).
   */
  void awaitReady(ExternalNode node, int members) {
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!node.isAlive()) {
        throw new AssertionError(node + " exited before it was ready:\n" + tail(node));
      }
      try {
        Http.Response r = node.http().get("/health/ready", null);
        last = r.toString();
        if (serving(r, members)) {
          return;
        }
      } catch (IllegalStateException notYetListening) {
        last = notYetListening.getMessage();
      }
      sleep(250);
    }
    throw new AssertionError(node + " not ready with " + members + " members: " + last + "\n" + tail(node));
  }

  /**
   * Ready with at least {@code members} members; a first node started alone (members 1) is below
   * the majority of BINHYEN_CLUSTER_SIZE, so for it only the majority check may still be DOWN.
   */
  private static boolean serving(Http.Response r, int members) {
    if (r.status() != 200 && r.status() != 503) {
      return false;
    }
    var checks = r.json().getJsonObject("checks");
    if (checks.getInteger("clusterMembers") < members) {
      return false;
    }
    return r.status() == 200 || members == 1 && "UP".equals(checks.getString("startup"))
        && "UP".equals(checks.getString("database")) && "UP".equals(checks.getString("cluster"));
  }

  static String tail(ExternalNode node) {
    try {
      List<String> lines = Files.readAllLines(node.log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Waits (polling every 200 ms, at most {@code seconds}) until {@code condition} holds; fails naming {@code what}. */
  static void await(java.util.function.BooleanSupplier condition, int seconds, String what) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      sleep(200);
    }
  }

  /** The first column of the first row of {@code sql} on the cluster's database, as a number (a boolean is 1 or 0). */
  long scalar(String sql, Object... params) {
    try (java.sql.Connection c = TestDatabase.connect(database); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (java.sql.ResultSet rs = st.executeQuery()) {
        rs.next();
        Object v = rs.getObject(1);
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (ExternalNode n : nodes) {
      try {
        n.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
