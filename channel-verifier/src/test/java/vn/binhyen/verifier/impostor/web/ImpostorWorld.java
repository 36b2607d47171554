package vn.binhyen.verifier.impostor.web;

import io.vertx.core.Future;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The demo world with a few verified channels (Ba Đình, Hoàn Kiếm, Hà Nội), inserted once per test
 * JVM through the core repository, and the impostor directory rebuilt from the database.
 */
public final class ImpostorWorld {

  /** unit code, link, display name. */
  record Seed(String unit, String link, String name) {}

  public static final String DATABASE = "impostor";
  static final String BADINH_PAGE = "facebook.com/conganphuongbadinh";
  static final String HOANKIEM_PAGE = "facebook.com/conganphuonghoankiem";
  static final List<Seed> CHANNELS = List.of(
      new Seed("00004", "https://www.facebook.com/conganphuongbadinh", "Công an phường Ba Đình"),
      new Seed("00004", "https://zalo.me/g/bdinh4kx", "Nhóm Zalo Công an phường Ba Đình"),
      new Seed("00070", "https://www.facebook.com/conganphuonghoankiem", "Công an phường Hoàn Kiếm"),
      new Seed("01", "https://www.facebook.com/conganthudo", "Công an Thành phố Hà Nội"));

  private static Platform platform;
  private static String clusterName;
  private static int clusterPort;

  private ImpostorWorld() {}

  /**
   * A demo node of its own (the demo country, users and passwords of {@link TestPlatform}) with
   * the channels above verified and the scorer rebuilt. Its Hazelcast member list names only its
   * own port, so a busy or stuck node elsewhere on the machine cannot hold up its cluster join.
   */
  public static synchronized Platform platform() {
    if (platform == null) {
      clusterPort = freePort();
      clusterName = TestNode.newClusterName();
      String port = Integer.toString(clusterPort);
      Platform p = TestNode.start(DATABASE, clusterName,
          Map.of("BINHYEN_CLUSTER_PORT", port, "BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + port));
      Runtime.getRuntime().addShutdownHook(new Thread(p::close));
      DemoCountry.seed(p.services(), p.modules(), Optional.of(TestPlatform.PASSWORD));
      Services s = p.services();
      ChannelRepository repo = new ChannelRepository();
      for (Seed seed : CHANNELS) {
        ChannelRef ref = ChannelLinks.normalize(seed.link());
        s.tenantDirectory().byCode(seed.unit()).compose(unit -> s.db().inScope(unit.path(),
                tx -> repo.findByNormalizedId(tx, ref.normalizedId()).compose(found -> found.isPresent()
                    ? Future.succeededFuture()
                    : repo.insert(tx, unit.id(), unit.path(), ref, seed.link(), seed.name(),
                        ChannelStatus.VERIFIED, null, null).mapEmpty())))
            .await();
      }
      platform = p;
      refresh();
    }
    return platform;
  }

  /** Another node of the same cluster and database, started here (the caller closes it). */
  public static Platform secondNode() {
    platform();
    String port = Integer.toString(freePort());
    return TestNode.start(DATABASE, clusterName, Map.of("BINHYEN_CLUSTER_PORT", port,
        "BINHYEN_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rebuilds the node's impostor directory from the database and waits for it. */
  public static void refresh() {
    platform().services().get(LiveScorer.class).refresh().await();
  }

  public static Http http() {
    return new Http(platform().httpPort());
  }
}
