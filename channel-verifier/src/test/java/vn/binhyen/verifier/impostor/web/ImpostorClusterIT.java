package vn.binhyen.verifier.impostor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.verifier.impostor.CheckRequest;
import vn.binhyen.verifier.impostor.Verdict;

/** Two nodes of one cluster: a change announced on one node rebuilds the other node's scorer. */
class ImpostorClusterIT {

  private static Platform first;
  private static Platform second;

  @BeforeAll
  static void nodes() {
    first = ImpostorWorld.platform();
    second = ImpostorWorld.secondNode();
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
  }

  /** Completes when {@code node}'s scorer, after one of its rebuilds, answers {@code expected} for the link. */
  private static CompletableFuture<Void> whenScored(Platform node, String normalizedLink, Verdict.Kind expected) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    LiveScorer scorer = node.services().get(LiveScorer.class);
    MessageConsumer<Object> consumer = node.vertx().eventBus().localConsumer(LiveScorer.REBUILT);
    consumer.handler(msg -> {
      if (scorer.current().check(CheckRequest.of(normalizedLink, null)).verdict() == expected) {
        done.complete(null);
      }
    });
    consumer.completion().await();
    return done.whenComplete((ok, e) -> consumer.unregister());
  }

  @Test
  void channel_verified_through_one_node_becomes_official_on_the_other() throws Exception {
    ChannelRef ref = ChannelLinks.normalize("https://www.facebook.com/conganphuongbadinh.tuyentruyen");
    CompletableFuture<Void> rebuilt = whenScored(second, ref.normalizedId(), Verdict.Kind.OFFICIAL);
    var s = first.services();
    var channel = s.tenantDirectory().byCode("00004").compose(unit -> s.db().inScope(unit.path(),
        tx -> new ChannelRepository().insert(tx, unit.id(), unit.path(), ref, "https://" + ref.normalizedId(),
            "Tuyên truyền Công an phường Ba Đình", ChannelStatus.VERIFIED, null, null))).await();
    s.vertx().eventBus().publish(ChannelEvents.CHANGED,
        new JsonObject().put("channelId", channel.id()).put("normalizedId", channel.normalizedId()));
    rebuilt.get(60, TimeUnit.SECONDS);

    Http.Response r = new Http(second.httpPort()).post("/api/public/check",
        new JsonObject().put("link", "https://facebook.com/conganphuongbadinh.tuyentruyen"), null);
    assertEquals("OFFICIAL", r.json().getString("verdict"), r.toString());
  }

  @Test
  void impostor_confirmed_on_one_node_is_confirmed_on_the_other() throws Exception {
    Http one = new Http(first.httpPort());
    JsonObject receipt = one.post("/api/public/reports",
        new JsonObject().put("link", "https://www.facebook.com/conganphuonghoankiem.vn"), null).json();
    assertEquals("00070", receipt.getJsonObject("unit").getString("code"), receipt.encode());
    CompletableFuture<Void> rebuilt = whenScored(second, "facebook.com/conganphuonghoankiem.vn",
        Verdict.Kind.CONFIRMED_IMPOSTOR);
    assertEquals(200, one.post("/api/impostor/cases/" + receipt.getLong("caseId") + "/decision",
        new JsonObject().put("decision", "confirm").put("note", "Giả mạo"), one.login("hoankiem-officer")).status());
    rebuilt.get(60, TimeUnit.SECONDS);

    Http.Response r = new Http(second.httpPort()).post("/api/public/check",
        new JsonObject().put("link", "https://facebook.com/conganphuonghoankiem.vn"), null);
    assertEquals("CONFIRMED_IMPOSTOR", r.json().getString("verdict"), r.toString());
  }
}
