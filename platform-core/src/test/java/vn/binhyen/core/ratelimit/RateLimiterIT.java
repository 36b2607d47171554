package vn.binhyen.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;

/**
 * The cluster-wide limiter on two real Hazelcast members (private ports on 127.0.0.1): hits sent
 * together are counted in batches, yet exactly the limit passes, across both members.
 */
class RateLimiterIT {

  private static Vertx vertx;
  private static HazelcastInstance first;
  private static HazelcastInstance second;

  @BeforeAll
  static void cluster() throws Exception {
    vertx = Vertx.vertx();
    String name = "ratelimit-" + UUID.randomUUID();
    int a = freePort();
    int b = freePort();
    first = Hazelcast.newHazelcastInstance(member(name, a, b));
    second = Hazelcast.newHazelcastInstance(member(name, b, a));
    for (int i = 0; i < 100 && first.getCluster().getMembers().size() < 2; i++) {
      Thread.sleep(100);
    }
    assertEquals(2, first.getCluster().getMembers().size(), "two members");
  }

  @AfterAll
  static void stop() {
    second.shutdown();
    first.shutdown();
    vertx.close();
  }

  private static Config member(String name, int port, int other) {
    Config c = new Config().setClusterName(name);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = c.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + other);
    return c;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Fires {@code n} hits at once from a Vert.x context of each limiter, alternating; returns the outcomes. */
  private static List<Future<Void>> burst(List<RateLimiter> limiters, String key, int n, int limit) throws Exception {
    List<Future<Void>> all = new ArrayList<>();
    vertx.runOnContext(x -> {
      for (int i = 0; i < n; i++) {
        all.add(limiters.get(i % limiters.size()).hit("test", key, limit, Duration.ofMinutes(1)));
      }
    });
    for (int i = 0; i < 100 && all.size() < n; i++) {
      Thread.sleep(20);
    }
    Future.join(new ArrayList<>(all)).otherwise(x -> null).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return all;
  }

  @Test
  void a_burst_from_one_address_passes_exactly_the_limit() throws Exception {
    List<Future<Void>> all = burst(List.of(new RateLimiter(vertx, first)), "198.51.100.7", 500, 120);
    assertEquals(120, all.stream().filter(Future::succeeded).count());
    all.stream().filter(Future::failed).forEach(f -> {
      assertInstanceOf(DomainError.TooManyRequests.class, f.cause());
      assertTrue(((DomainError.TooManyRequests) f.cause()).retryAfterSeconds() >= 1);
    });
  }

  @Test
  void two_members_share_one_limit() throws Exception {
    List<Future<Void>> all = burst(List.of(new RateLimiter(vertx, first), new RateLimiter(vertx, second)),
        "203.0.113.9", 300, 200);
    assertEquals(200, all.stream().filter(Future::succeeded).count());
    // The next hit from either member is refused too.
    assertTrue(burst(List.of(new RateLimiter(vertx, second)), "203.0.113.9", 1, 200).get(0).failed());
  }

  @Test
  void far_from_its_limit_a_counter_reserves_numbers_ahead_and_asks_the_cluster_rarely() throws Exception {
    RateLimiter limiter = new RateLimiter(vertx, first);
    for (int i = 0; i < 300; i++) {
      // One hit at a time: nothing to batch, so every cluster call saved is a reserved number.
      limiter.hit("test", "192.0.2.44", 1_000_000, Duration.ofMinutes(1))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertTrue(limiter.clusterCalls() <= 2, "cluster calls for 300 hits: " + limiter.clusterCalls());
  }

  @Test
  void no_numbers_are_reserved_in_the_upper_half_of_the_limit() {
    assertEquals(0, RateLimiter.reserveAhead(60, 1, 120), "at half the limit");
    assertEquals(0, RateLimiter.reserveAhead(100, 5, 120));
    assertEquals((60 - 1) / 4, RateLimiter.reserveAhead(0, 1, 120), "a quarter of the room below half");
    assertEquals(RateLimiter.MAX_RESERVE, RateLimiter.reserveAhead(0, 1, 100_000_000));
    assertEquals(0, RateLimiter.reserveAhead(0, 1, 3), "a tiny limit reserves nothing");
  }

  @Test
  void counted_events_read_back_exactly() throws Exception {
    // Sign-in failures are counted and read back with current(): no number may be reserved ahead.
    RateLimiter limiter = new RateLimiter(vertx, first);
    for (int i = 0; i < 3; i++) {
      limiter.count("test-fail", "someone", Duration.ofMinutes(15)).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
    assertEquals(3L, limiter.current("test-fail", "someone", Duration.ofMinutes(15)).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS));
  }
}
