package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

/** What must be shared is shared: state made through one node is seen through the others (separate JVMs). */
class CrossNodeIT {

  private final Cluster cluster = Cluster.shared();

  @Test
  void a_sign_out_through_one_node_is_refused_by_every_other_node() {
    Http first = cluster.node(0).http();
    String token = first.login("hanoi-supervisor");
    for (ExternalNode n : cluster.nodes) {
      assertEquals(200, n.http().get("/api/auth/me", token).status(), "the token works on " + n);
    }
    assertEquals(204, cluster.node(1).http().post("/api/auth/logout", null, token).status());
    for (ExternalNode n : cluster.nodes) {
      Http.Response me = n.http().get("/api/auth/me", token);
      assertTrue(me.isProblem(401, "unauthenticated"), n + " still accepts a signed-out token: " + me);
    }
  }

  @Test
  void a_rate_limit_counts_hits_made_through_every_node() {
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < ProbeModule.RATE_LIMIT; i++) {
      Http.Response hit = cluster.node(i % cluster.nodes.size()).http().post("/test/probe/ratelimit/" + key, null, null);
      assertEquals(204, hit.status(), "hit " + (i + 1) + " is within the limit: " + hit);
    }
    for (ExternalNode n : cluster.nodes) {
      Http.Response over = n.http().post("/test/probe/ratelimit/" + key, null, null);
      assertTrue(over.isProblem(429, "rate-limited"), n + " lets a hit over the limit through: " + over);
      assertTrue(over.headers().firstValue("Retry-After").isPresent(), "429 says when to retry");
    }
  }

  @Test
  void an_event_published_through_one_node_reaches_every_node() {
    String text = "probe-" + UUID.randomUUID();
    assertEquals(204, cluster.node(2).http().post("/test/probe/events/" + text, null, null).status());
    for (ExternalNode n : cluster.nodes) {
      awaitTrue(() -> n.http().get("/test/probe/events", null).json().getJsonArray("heard").contains(text),
          n + " never heard the event");
    }
  }

  @Test
  void a_unit_renamed_through_one_node_is_renamed_on_every_node() {
    String token = cluster.node(0).http().login("hanoi-admin");
    for (ExternalNode n : cluster.nodes) {
      assertEquals(200, n.http().get("/api/units/00070", token).status(), "warms the unit cache of " + n);
    }
    String name = "Phường Hoàn Kiếm " + UUID.randomUUID().toString().substring(0, 6);
    Http.Response renamed = cluster.node(0).http().patch("/api/units/00070", new JsonObject().put("name", name), token);
    assertEquals(200, renamed.status(), renamed.toString());
    for (ExternalNode n : cluster.nodes) {
      awaitTrue(() -> name.equals(n.http().get("/api/units/00070", token).json().getString("name")),
          n + " still serves the old name from its cache");
    }
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition, String failure) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure);
      }
      Cluster.sleep(50);
    }
  }
}
