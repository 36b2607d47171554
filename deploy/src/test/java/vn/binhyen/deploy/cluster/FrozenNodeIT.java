package vn.binhyen.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

/**
 * One node of three frozen with SIGSTOP for 20 s (its peers drop it after 8 s without
 * heartbeats) while, on another node, a channel is revoked and a session signed out. Resumed with
 * SIGCONT it is a one-member cluster (Hazelcast merges split clusters only minutes later): while
 * it is alone it must report not ready, and within 5 s of SIGCONT it must answer REVOKED for the
 * channel's link and its attestation token and refuse the signed-out token, although it heard
 * none of the cluster messages about them (the database is the truth it resyncs from).
 */
class FrozenNodeIT {

  private static final long FREEZE_MS = 20_000;
  private static final long BOUND_MS = 5_000;

  private final Cluster cluster = Cluster.shared();

  @Test
  void a_node_frozen_for_20_s_is_not_ready_while_alone_and_knows_of_the_revocation_and_the_sign_out_within_5_s()
      throws Exception {
    ExternalNode frozen = cluster.node(2);
    ExternalNode other = cluster.node(0);
    Http through = other.http();
    String admin = through.login("hanoi-admin");
    String link = "https://www.facebook.com/frozen" + Long.toString(System.nanoTime(), 36);
    Http.Response registered = through.post("/api/admin/units/00070/channels", new JsonObject()
        .put("platform", "facebook_page").put("link", link).put("name", "Kênh thử khi đóng băng"),
        through.login("hoankiem-officer"));
    assertEquals(201, registered.status(), registered.toString());
    JsonObject body = registered.json();
    long channelId = body.getValue("id") instanceof Number n ? n.longValue() : body.getJsonObject("channel").getLong("id");
    Http.Response issued = through.post("/api/verifier/channels/" + channelId + "/attestations", null, admin);
    assertEquals(201, issued.status(), issued.toString());
    String attestation = issued.json().getString("token");
    String session = through.login("hoankiem-officer");
    CrossNodeIT.awaitTrue(() -> "OFFICIAL".equals(verdict(frozen.http(), link)), frozen + " never saw the channel verified");
    assertEquals("OFFICIAL", verdict(frozen.http(), attestation));
    assertEquals(200, frozen.http().get("/api/auth/me", session).status(), "the session works on the node");

    List<String> samples = new ArrayList<>();
    long resumedAt;
    try {
      frozen.pause();
      long pausedAt = System.nanoTime();
      CrossNodeIT.awaitTrue(() -> members(other.http()) == 2, other + " never dropped the frozen node");
      Http.Response revoked = through.post("/api/verifier/channels/" + channelId + "/status",
          new JsonObject().put("status", "revoked").put("reason", "trang bị chiếm khi một nút đóng băng"), admin);
      assertEquals(200, revoked.status(), revoked.toString());
      Http.Response signedOut = through.post("/api/auth/logout", null, session);
      assertEquals(204, signedOut.status(), signedOut.toString());
      assertEquals("REVOKED", verdict(through, link), "the revocation holds where it was made");
      Cluster.sleep(Math.max(0, FREEZE_MS - (System.nanoTime() - pausedAt) / 1_000_000));
    } finally {
      frozen.resume();
      resumedAt = System.nanoTime();
    }

    Http node = frozen.http();
    long linkRevoked = -1;
    long tokenRevoked = -1;
    long sessionRefused = -1;
    long firstNotReady = -1;
    boolean readyDuringSplit = false;
    long elapsed = 0;
    // Sampled for the whole bound: the split lasts (Hazelcast merges minutes later), so every
    // readiness answer in it must be "not ready", including the first ones after SIGCONT, while
    // the node still lists the peers that dropped it.
    while (elapsed < BOUND_MS) {
      Http.Response ready = node.get("/health/ready", null);
      elapsed = (System.nanoTime() - resumedAt) / 1_000_000;
      int seen = ready.json().getJsonObject("checks").getInteger("clusterMembers");
      samples.add(elapsed + "ms ready " + ready.status() + " members " + seen);
      readyDuringSplit |= ready.status() == 200;
      if (firstNotReady < 0 && ready.status() == 503
          && "DOWN".equals(ready.json().getJsonObject("checks").getString("majority"))) {
        firstNotReady = elapsed;
      }
      if (linkRevoked < 0 && "REVOKED".equals(verdict(node, link))) {
        linkRevoked = (System.nanoTime() - resumedAt) / 1_000_000;
      }
      if (tokenRevoked < 0 && "REVOKED".equals(verdict(node, attestation))) {
        tokenRevoked = (System.nanoTime() - resumedAt) / 1_000_000;
      }
      if (sessionRefused < 0 && node.get("/api/auth/me", session).status() == 401) {
        sessionRefused = (System.nanoTime() - resumedAt) / 1_000_000;
      }
      Cluster.sleep(100);
    }
    Http.Response later = node.get("/health/ready", null);
    int othersSee = members(other.http());
    System.out.printf("Frozen node: after SIGCONT, not ready at %d ms, link REVOKED at %d ms, token REVOKED at %d ms, "
        + "session refused at %d ms; then %s; the others see %d members; samples %s%n", firstNotReady, linkRevoked,
        tokenRevoked, sessionRefused, later, othersSee, samples);

    try {
      assertEquals(2, othersSee, "the split lasted through the samples (the others had not taken the node back)");
      assertTrue(firstNotReady >= 0, "cut off, the node reports not ready: " + samples);
      assertFalse(readyDuringSplit, "not ready at any moment of the split, from the first answer after SIGCONT: " + samples);
      if (later.json().getJsonObject("checks").getInteger("clusterMembers") < 2) {
        assertEquals(503, later.status(), "still alone, still not ready: " + later);
      }
      assertTrue(linkRevoked >= 0 && linkRevoked <= BOUND_MS, "the link answers REVOKED within 5 s (" + linkRevoked + " ms)");
      assertTrue(tokenRevoked >= 0 && tokenRevoked <= BOUND_MS, "the token answers REVOKED within 5 s (" + tokenRevoked + " ms)");
      assertTrue(sessionRefused >= 0 && sessionRefused <= BOUND_MS,
          "the signed-out session is refused with 401 within 5 s (" + sessionRefused + " ms)");
    } finally {
      // Back to three members for the other tests: a restarted node joins the majority at once.
      frozen.stop();
      frozen.start();
      cluster.awaitReady(frozen, cluster.nodes.size());
    }
  }

  private static String verdict(Http node, String q) {
    Http.Response r = node.get("/api/public/verify?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    return r.status() == 200 ? r.json().getString("verdict") : "HTTP " + r.status();
  }

  private static int members(Http node) {
    return node.get("/health/ready", null).json().getJsonObject("checks").getInteger("clusterMembers");
  }
}
