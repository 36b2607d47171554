package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;

/** Live updates cross nodes: a tip received on a second node reaches a dashboard stream on the first. */
class TipLiveIT {

  @Test
  void a_tip_received_on_another_node_reaches_the_subscribers_stream_and_other_subtrees_are_filtered_out() throws Exception {
    Http first = TipWorld.http();
    try (Platform second = TestNode.start(TipWorld.DATABASE, TipWorld.clusterName(), TipWorld.secondNodeEnv())) {
      Http other = new Http(second.httpPort());
      String token = first.login("hanoi-supervisor");
      HttpRequest request = HttpRequest.newBuilder(URI.create(first.base() + "/events/units/01/tips"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
      HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, stream.statusCode());
      assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null && !line.equals("event: ready")) {
          // skip the retry hint
        }
        JsonObject daklak = new JsonObject().put("unit", "24133").put("category", "other").put("text", "Đắk Lắk");
        assertEquals(201, other.post("/api/public/tips", daklak, null).status());
        JsonObject hanoi = new JsonObject().put("unit", "00004").put("category", "other").put("text", "Hà Nội");
        long id = other.post("/api/public/tips", hanoi, null).json().getLong("tipId");
        JsonObject event = null;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data: ") && line.contains("unitPath")) {
            event = new JsonObject(line.substring(6));
            break;
          }
        }
        assertTrue(event != null);
        assertEquals(id, event.getLong("tipId"), "the first event is Hà Nội's: Đắk Lắk's was filtered out");
        assertEquals("BCA/01/00004", event.getString("unitPath"));
      }
      assertEquals(401, first.get("/events/units/01/tips", null).status());
      assertEquals(403, first.get("/events/units/66/tips", token).status());
    }
  }
}
