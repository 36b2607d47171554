package vn.binhyen.core.tips;

import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The tips tests' world: one demo node (demo country seeded, passwords {@link TestPlatform#PASSWORD})
 * on its own database and its own Hazelcast port, whose only cluster member is itself. Other
 * nodes on this shared machine may hold the default port 5701 without answering, and a node
 * joining through them waits minutes; a private port avoids that.
 */
public final class TipWorld {

  static final String DATABASE = "tips";

  private static Platform platform;
  private static String clusterName;
  private static int clusterPort;

  private TipWorld() {}

  public static synchronized Platform demo() {
    if (platform == null) {
      clusterName = TestNode.newClusterName();
      clusterPort = freePort();
      platform = TestNode.start(DATABASE, clusterName, env());
      DemoCountry.seed(platform.services(), platform.modules(), Optional.of(TestPlatform.PASSWORD));
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    }
    return platform;
  }

  /** The environment of a second node of the same cluster (another private port, the first as member). */
  static synchronized Map<String, String> secondNodeEnv() {
    demo();
    int port = freePort();
    Map<String, String> env = new java.util.HashMap<>(SETTINGS);
    env.put("BINHYEN_CLUSTER_PORT", String.valueOf(port));
    env.put("BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort);
    return env;
  }

  static synchronized String clusterName() {
    demo();
    return clusterName;
  }

  static Http http() {
    return new Http(demo().httpPort());
  }

  /**
   * Every test comes from one address: the per-address public limits are lifted (the per-receipt
   * limit on wrong secrets stays, and is tested); webhook tests serve the platforms' attachment
   * files from a local stand-in CDN.
   */
  static final Map<String, String> SETTINGS = Map.of(
      "BINHYEN_TIPS_SUBMIT_PER_MINUTE", "100000",
      "BINHYEN_TIPS_FOLLOW_PER_MINUTE", "100000",
      "BINHYEN_WEBHOOK_MEDIA_ORIGINS", "http://127.0.0.1");

  private static Map<String, String> env() {
    Map<String, String> env = new java.util.HashMap<>(SETTINGS);
    env.put("BINHYEN_CLUSTER_PORT", String.valueOf(clusterPort));
    env.put("BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort);
    return env;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
