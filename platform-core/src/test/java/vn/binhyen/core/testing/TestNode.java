package vn.binhyen.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.binhyen.core.config.Config;
import vn.binhyen.core.config.ConfigLoader;
import vn.binhyen.core.runtime.Platform;

/** Starts real nodes for tests: a database of their own, a random HTTP port, a private cluster name. */
public final class TestNode {

  private static final String MASTER_KEY;

  static {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    MASTER_KEY = Base64.getEncoder().encodeToString(k);
  }

  /**
   * The master key every test node of this JVM runs with (a test that must show that something
   * stored can be recomputed only with it: the anonymity dump).
   */
  public static vn.binhyen.core.crypto.MasterKey masterKey() {
    return vn.binhyen.core.crypto.MasterKey.fromBase64(MASTER_KEY);
  }

  /** The Hazelcast port of the first node of each test cluster: later nodes join it there. */
  private static final Map<String, Integer> FIRST_MEMBER_PORT = new java.util.concurrent.ConcurrentHashMap<>();

  private TestNode() {}

  /**
   * Each test cluster gets ports of its own and lists only its first member: several test JVMs
   * (other modules, other checkouts) may run Hazelcast on this machine at once, and a member that
   * probes another cluster's default ports can stall its join for minutes.
   */
  private static void clusterPorts(String clusterName, Map<String, String> env) {
    int own = freePort();
    int first = FIRST_MEMBER_PORT.computeIfAbsent(clusterName, n -> own);
    env.put("BINHYEN_CLUSTER_PORT", Integer.toString(own));
    env.put("BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + first);
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh cluster name, so test worlds never join each other. */
  public static String newClusterName() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Config config(String database, String clusterName, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    try {
      Path dir = Files.createDirectories(Path.of("target", "test-nodes")).toAbsolutePath();
      env.put("BINHYEN_DATA_DIR", Files.createTempDirectory(dir, database + "-").toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    env.put("BINHYEN_DB_URL", TestDatabase.url(database));
    env.putAll(TestDatabase.appLoginEnv());
    env.put("BINHYEN_HTTP_PORT", "0");
    env.put("BINHYEN_HTTP_INSTANCES", "2");
    env.put("BINHYEN_DB_POOL_SIZE", "8");
    env.put("BINHYEN_CLUSTER_NAME", clusterName);
    clusterPorts(clusterName, env);
    env.put("BINHYEN_MASTER_KEY", MASTER_KEY);
    // No test node ever calls the real Zalo or Facebook.
    env.putAll(PlatformFakes.shared().env());
    env.putAll(extra);
    return ConfigLoader.from(env);
  }

  /** A node that reports ready at once (like {@code serve}); demo seeding marks its own. */
  public static Platform start(String database, String clusterName, Map<String, String> extra) {
    Platform p = Platform.start(config(database, clusterName, extra));
    p.services().markAccepting();
    return p;
  }
}
