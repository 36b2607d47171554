package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;

/**
 * A node killed (SIGKILL) while its outbox relay is posting an alert to six Facebook pages loses
 * no delivery: the relay posts one page at a time; the fake platform answers some pages and holds
 * the others' posts unanswered, so the node dies with one post in flight (the fake sees its
 * connection drop), some pages posted and committed, and the rest claimed but not begun. Once the
 * killed node's lease runs out, a surviving node posts every page not posted yet, and each page
 * carries the alert exactly once.
 */
class AlertDeliveryCrashIT {

  private static final int PAGES = 6;
  private final Cluster cluster = Cluster.shared();
  private final PlatformFakes fakes = PlatformFakes.shared();

  @Test
  void a_node_killed_mid_delivery_loses_no_delivery_and_each_page_is_posted_once() throws Exception {
    ExternalNode victim = cluster.node(1);
    ExternalNode survivor = cluster.node(2);
    String admin = survivor.http().login("hanoi-admin");
    long run = System.nanoTime() % 1_000_000_000L;
    List<String> pages = new ArrayList<>();
    List<String> stalled = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      String page = "1048576" + String.format("%09d", run) + i;
      String token = "EAAGcrash" + run + "p" + i;
      long channel = scalar("""
          INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
          SELECT id, path, 'facebook_page', 'facebook.com/' || ?, 'https://facebook.com/' || ?, 'Công an phường Ba Đình ' || ?,
                 'cong an phuong ba dinh', 'verified'
            FROM tenant WHERE code = '00004' AND valid_to IS NULL RETURNING id""", page, page, String.valueOf(i));
      Http.Response set = survivor.http().raw("PUT", "/api/units/00004/channels/" + channel + "/alert-credentials",
          new JsonObject().put("targetId", page).put("accessToken", token).encode(), "application/json", admin);
      assertEquals(204, set.status(), set.toString());
      fakes.acceptToken(token);
      // Half the pages hang: the relay posts one at a time, so it stops at the first of them.
      if (i % 2 == 1) {
        fakes.stall(page);
        stalled.add(page);
      }
      pages.add(page);
    }

    // The node that issues the alert kicks its relay at once: it claims the posts and calls the platform.
    Http.Response issued = victim.http().post("/api/units/01/alerts", new JsonObject()
        .put("title", "Cảnh báo lừa đảo qua cuộc gọi video " + run).put("body", "Công an không làm việc qua cuộc gọi video.")
        .put("severity", "severe").put("scope", new JsonArray().add("00004")).put("validHours", 24),
        victim.http().login("hanoi-admin"));
    assertEquals(201, issued.status(), issued.toString());
    String id = issued.json().getString("id");
    await(() -> stalled.stream().anyMatch(p -> posts(fakes.attempts(p), id) >= 1), 60, "a post in flight");

    assertEquals(137, victim.kill(), "killed while its posts are in flight");
    try {
      await(() -> stalled.stream().mapToLong(fakes::abandoned).sum() == 1, 30, "the killed node's call dropped");
      long sentBefore = count("SELECT count(*) FROM alert_delivery d JOIN alert_channel_credential c"
          + " ON c.channel_id = d.channel_id WHERE d.alert_id = ? AND d.status = 'sent'", id);
      assertTrue(sentBefore < PAGES, "the kill came mid-delivery: " + sentBefore + " of " + PAGES + " sent before");
      // As if the 60 s lease of the killed node's claims had run out (the outbox's own clock).
      scalar("WITH w AS (UPDATE outbox SET next_attempt_at = now() WHERE topic = 'alerts.deliver'"
          + " AND (payload->>'delivery')::bigint IN (SELECT id FROM alert_delivery WHERE alert_id = ?) RETURNING 1)"
          + " SELECT count(*) FROM w", id);
      pages.forEach(fakes::unstall);

      await(() -> count("SELECT count(*) FROM alert_delivery d JOIN alert_channel_credential c ON c.channel_id = d.channel_id"
          + " WHERE d.alert_id = ? AND d.status = 'sent'", id) == PAGES, 90, "every page's delivery sent by a survivor");
      await(() -> count("SELECT count(*) FROM outbox WHERE topic = 'alerts.deliver' AND (payload->>'delivery')::bigint"
          + " IN (SELECT id FROM alert_delivery WHERE alert_id = ?)", id) == 0, 30, "the outbox rows done");
      for (String p : pages) {
        assertEquals(1, posts(fakes.inbox(p), id), "page " + p + " posted exactly once");
      }
      // The pages posted before the kill were not posted again; the one in flight was posted once.
      assertEquals(PAGES, pages.stream().mapToLong(p -> posts(fakes.inbox(p), id)).sum());
    } finally {
      pages.forEach(fakes::unstall);
      victim.start();
      cluster.awaitReady(victim, cluster.nodes.size());
    }
  }

  private static long posts(List<PlatformFakes.Received> received, String alertId) {
    return received.stream().filter(r -> r.body().encode().contains("/alerts/" + alertId)).count();
  }

  private static void await(BooleanSupplier condition, int seconds, String what) {
    Cluster.await(condition, seconds, what);
  }

  private long count(String sql, Object... params) {
    return cluster.scalar(sql, params);
  }

  private long scalar(String sql, Object... params) {
    return cluster.scalar(sql, params);
  }
}
