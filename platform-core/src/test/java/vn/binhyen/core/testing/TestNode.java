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

  private TestNode() {}

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
    env.put("BINHYEN_HTTP_PORT", "0");
    env.put("BINHYEN_HTTP_INSTANCES", "2");
    env.put("BINHYEN_DB_POOL_SIZE", "8");
    env.put("BINHYEN_CLUSTER_NAME", clusterName);
    env.put("BINHYEN_MASTER_KEY", MASTER_KEY);
    // On a shared machine a stray node may hold the default cluster port: let the runner move it.
    for (String key : new String[] {"BINHYEN_CLUSTER_PORT", "BINHYEN_CLUSTER_MEMBERS"}) {
      if (System.getenv(key) != null) {
        env.put(key, System.getenv(key));
      }
    }
    env.putAll(extra);
    return ConfigLoader.from(env);
  }

  public static Platform start(String database, String clusterName, Map<String, String> extra) {
    return Platform.start(config(database, clusterName, extra));
  }
}
