package vn.binhyen.core.testing;

import java.util.Map;
import java.util.Optional;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;

/**
 * The shared test world of a test JVM: one node with the demo country (ministry, 34 provinces,
 * 3,321 communes, users for every role in Hà Nội and Đắk Lắk) seeded once. Every demo user's
 * password is {@link #PASSWORD}.
 */
public final class TestPlatform {

  public static final String PASSWORD = "test-password-1";
  public static final String DATABASE = "demo";

  private static Platform platform;
  private static String clusterName;

  private TestPlatform() {}

  public static synchronized Platform demo() {
    if (platform == null) {
      clusterName = TestNode.newClusterName();
      platform = TestNode.start(DATABASE, clusterName, Map.of());
      DemoCountry.seed(platform.services(), platform.modules(), Optional.of(PASSWORD));
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
    }
    return platform;
  }

  /** The cluster name of the shared node, for tests that start a second node beside it. */
  public static synchronized String clusterName() {
    demo();
    return clusterName;
  }

  public static Http http() {
    return new Http(demo().httpPort());
  }
}
