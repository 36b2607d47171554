package vn.binhyen.verifier;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** Fixtures for verifier tests: fresh pending channels on the demo node, and verify calls. */
public final class TestChannels {

  private TestChannels() {
  }

  public static Services services() {
    return TestPlatform.demo().services();
  }

  /** A new pending Facebook page of {@code unitCode} with a unique handle. */
  public static Channel pendingPage(String unitCode) {
    String handle = "test." + UUID.randomUUID().toString().substring(0, 12);
    ChannelRef ref = ChannelLinks.normalize("https://www.facebook.com/" + handle);
    Services s = services();
    var unit = s.tenantDirectory().byCode(unitCode).await();
    return s.db().inScope(unit.path(), tx -> new ChannelRepository().insert(tx, unit.id(), unit.path(), ref,
        ChannelLinks.url(ref), "Trang thử nghiệm " + handle, ChannelStatus.PENDING, null, null)).await();
  }

  /** Issues the channel's attestation over HTTP as {@code username}; returns the answer. */
  public static Http.Response issue(Http http, String username, long channelId) {
    return http.post("/api/verifier/channels/" + channelId + "/attestations", null, http.login(username));
  }

  public static JsonObject verify(Http http, String q) {
    Http.Response r = http.get("/api/public/verify?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    if (r.status() != 200) {
      throw new AssertionError("verify " + q + ": " + r);
    }
    return r.json();
  }
}
