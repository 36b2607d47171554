package vn.binhyen.verifier.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * One alert delivered to generated Facebook pages (10,000 by default, {@code -Dbench.channels})
 * against the local Graph API fake: the time to queue them all (the issuing call, which writes one
 * delivery and one outbox row per channel in its transaction), the send rate until every delivery
 * is sent, and, in the same run, the fake's own ceiling (feed posts straight from this JVM, one at
 * a time as the outbox relay sends, and 32 in flight). Run by deploy/bench/alert-delivery-bench.sh
 * with {@code -Dbench=true}; not part of the test suite. Prints lines starting with BENCH.
 */
class AlertDeliveryBench {

  static final String TOKEN = "EAAGbenchalertdelivery";

  @Test
  void one_alert_to_ten_thousand_channels_against_the_fakes() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmarks run only with -Dbench=true");
    int n = Integer.getInteger("bench.channels", 10_000);
    Platform node = TestPlatform.demo();
    Http http = TestPlatform.http();
    PlatformFakes fakes = PlatformFakes.shared();
    fakes.acceptToken(TOKEN);

    // Generated verified pages spread over Đắk Lắk's communes, each with sealed credentials.
    long t0 = System.nanoTime();
    List<Long> ids = new ArrayList<>();
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("""
          INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
          SELECT u.id, u.path, 'facebook_page', 'facebook.com/benchpage' || g, 'https://facebook.com/benchpage' || g,
                 'Trang thử ' || g, 'trang thu ' || g, 'verified'
            FROM generate_series(1, %d) g
            JOIN LATERAL (SELECT id, path FROM tenant WHERE valid_to IS NULL AND level = 'commune' AND path LIKE 'BCA/66/%%'
                           ORDER BY code OFFSET (g %% 90) LIMIT 1) u ON true
          RETURNING id""".formatted(n))) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      AlertDeliveries d = new AlertDeliveries(node.services(), AlertDeliverySettings.from(node.services().config().settings()));
      try (PreparedStatement ins = c.prepareStatement("""
          INSERT INTO alert_channel_credential (channel_id, tenant_path, platform, target_id, sealed, updated_by)
          SELECT id, tenant_path, 'facebook_page', ?, ?, 'bench' FROM channel WHERE id = ?""")) {
        for (long id : ids) {
          ins.setString(1, "9" + String.format("%014d", id));
          ins.setBytes(2, d.seal(id, new AlertDeliveries.Secrets(TOKEN, null, null, null)));
          ins.setLong(3, id);
          ins.addBatch();
        }
        ins.executeBatch();
      }
    }
    assertEquals(n, ids.size());
    System.out.printf("BENCH setup: %,d verified pages with sealed credentials in %.1f s%n", n, secs(t0));

    // The fake's ceiling in this run: feed posts from this JVM, one at a time and 32 in flight.
    double oneAtATime = ceiling(node.vertx(), fakes, 1, 2_000);
    double inFlight32 = ceiling(node.vertx(), fakes, 32, 10_000);
    System.out.printf("BENCH fake ceiling: %,.0f posts/s one at a time, %,.0f posts/s with 32 in flight%n",
        oneAtATime, inFlight32);

    // Issue: queue every delivery in the issuing transaction.
    String admin = http.login("daklak-admin");
    long t1 = System.nanoTime();
    Http.Response issued = http.post("/api/units/66/alerts", new JsonObject().put("title", "Cảnh báo thử tải")
        .put("body", "Cảnh báo dùng để đo tốc độ gửi.").put("severity", "moderate").put("scope", "subtree")
        .put("validHours", 24), admin);
    double queueSecs = secs(t1);
    assertEquals(201, issued.status(), issued.toString());
    String alert = issued.json().getString("id");
    long queued = count("SELECT count(*) FROM alert_delivery WHERE alert_id = '" + alert + "' AND mode = 'api'");
    System.out.printf("BENCH queue: %,d API deliveries queued by the issuing call in %.2f s (%,.0f rows/s)%n",
        queued, queueSecs, queued / queueSecs);

    // Send: until every delivery of a generated page is sent.
    long sent = 0;
    long lastPrint = System.nanoTime();
    while (sent < n) {
      Thread.sleep(200);
      sent = count("SELECT count(*) FROM alert_delivery d JOIN alert_channel_credential c ON c.channel_id = d.channel_id"
          + " WHERE d.alert_id = '" + alert + "' AND d.status = 'sent'");
      if (System.nanoTime() - lastPrint > 10_000_000_000L) {
        System.out.printf("BENCH   ... %,d sent after %.0f s%n", sent, secs(t1));
        lastPrint = System.nanoTime();
      }
      if (secs(t1) > 1_800) {
        throw new AssertionError("not all sent in 30 min: " + sent);
      }
    }
    double total = secs(t1);
    System.out.printf("BENCH send: %,d pages posted in %.1f s after the issue: %,.0f posts/s"
        + " (the fake's ceiling one at a time: %,.0f/s, 32 in flight: %,.0f/s)%n", sent, total, sent / (total - queueSecs),
        oneAtATime, inFlight32);
    System.out.printf("BENCH machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  /** Feed posts per second straight at the fake, with {@code concurrency} in flight, {@code total} posts. */
  private static double ceiling(Vertx vertx, PlatformFakes fakes, int concurrency, int total) throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(concurrency));
    String base = fakes.baseUrl();
    int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    String body = new JsonObject().put("message", "Cảnh báo thử tải").put("link", "http://localhost/alerts/x").encode();
    long t0 = System.nanoTime();
    List<Future<Void>> lanes = new ArrayList<>();
    int each = total / concurrency;
    for (int lane = 0; lane < concurrency; lane++) {
      String page = "8" + String.format("%014d", lane);
      Future<Void> f = Future.succeededFuture();
      for (int i = 0; i < each; i++) {
        f = f.compose(x -> client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/v21.0/" + page + "/feed?access_token=" + TOKEN).putHeader("Content-Type", "application/json"))
            .compose(req -> req.send(body)).compose(res -> res.body()).mapEmpty());
      }
      lanes.add(f);
    }
    Future.all(lanes).await(600, TimeUnit.SECONDS);
    double rate = each * concurrency / secs(t0);
    client.close();
    return rate;
  }

  private static long count(String sql) throws Exception {
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
