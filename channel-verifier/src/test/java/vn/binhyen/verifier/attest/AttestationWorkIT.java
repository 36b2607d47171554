package vn.binhyen.verifier.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.Eventually;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/**
 * The administration plane's requests reach the verifier through the outbox, at least once, and
 * the verifier acts on them once: an approval committed with its outbox row gets its attestation;
 * the same approval delivered again issues nothing more; a channel moved to another unit gets an
 * attestation naming its new unit; a verified channel whose approval never reached the verifier
 * (no outbox row: the state an event lost before the outbox left) is repaired by the sweeper.
 */
class AttestationWorkIT {

  static Http http;
  static Services services;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    services = TestChannels.services();
  }

  @Test
  void an_approval_in_the_outbox_is_issued_once_however_often_it_is_delivered() throws Exception {
    Channel channel = TestChannels.pendingPage("00070");
    JsonObject approval = new JsonObject().put("channelId", channel.id()).put("normalizedId", channel.normalizedId())
        .put("approvedBy", 3).put("tenantPath", channel.tenantPath());
    // What the admin's approval commits: the status and the outbox row, in one transaction.
    services.db().inScope("BCA", tx -> new ChannelRepository().setStatus(tx, channel.id(), ChannelStatus.VERIFIED, null)
        .compose(x -> services.outbox().add(tx, ChannelEvents.APPROVED, approval))).await();
    services.outbox().kick();
    String link = "https://" + channel.normalizedId();
    Eventually.await(() -> "OFFICIAL".equals(TestChannels.verify(http, link).getString("verdict")), "the approval was delivered");
    assertEquals(1, count("SELECT count(*) FROM attestation WHERE channel_id = " + channel.id()));

    // Redelivered twice (a relay that died after handling, before deleting the row).
    services.db().inScope("BCA", tx -> services.outbox().add(tx, ChannelEvents.APPROVED, approval)
        .compose(x -> services.outbox().add(tx, ChannelEvents.APPROVED, approval))).await();
    services.outbox().kick();
    Eventually.await(() -> pending(channel.id()) == 0, "the redeliveries were handled");
    assertEquals(1, count("SELECT count(*) FROM attestation WHERE channel_id = " + channel.id()),
        "a redelivered approval issues nothing more");
  }

  @Test
  void a_moved_channel_gets_an_attestation_naming_its_new_unit_once() throws Exception {
    Channel channel = TestChannels.pendingPage("00070");
    assertEquals(201, TestChannels.issue(http, "hanoi-admin", channel.id()).status());
    JsonObject reissue = new JsonObject().put("channelIds", new JsonArray().add(channel.id()));
    services.db().inScope("BCA", tx -> services.outbox().add(tx, ChannelEvents.REISSUE, reissue)).await();
    services.outbox().kick();
    Eventually.await(() -> pending(channel.id()) == 0, "the re-issue was handled");
    assertEquals(1, count("SELECT count(*) FROM attestation WHERE channel_id = " + channel.id()),
        "the unit did not change: nothing to re-issue");

    // A reorganisation moves the channel to Ba Đình (00004) and asks for its re-issue.
    var badinh = services.tenantDirectory().byCode("00004").await();
    try (var c = TestDatabase.connect(TestPlatform.DATABASE); var st = c.createStatement()) {
      st.executeUpdate("UPDATE channel SET tenant_id = " + badinh.id() + ", tenant_path = '" + badinh.path()
          + "' WHERE id = " + channel.id());
    }
    services.db().inScope("BCA", tx -> services.outbox().add(tx, ChannelEvents.REISSUE, reissue)).await();
    services.outbox().kick();
    Eventually.await(() -> count("SELECT count(*) FROM attestation WHERE revoked_at IS NULL AND tenant_code = '00004' AND channel_id = "
        + channel.id()) == 1, "re-issued for the new unit");
    JsonObject verdict = TestChannels.verify(http, "https://" + channel.normalizedId());
    assertEquals("OFFICIAL", verdict.getString("verdict"), verdict.encode());
    assertEquals(1, count("SELECT count(*) FROM attestation WHERE revoked_at IS NULL AND channel_id = " + channel.id()),
        "the attestation naming the old unit is superseded");
  }

  @Test
  void the_sweeper_repairs_a_verified_channel_whose_approval_never_reached_the_verifier() throws Exception {
    Channel channel = TestChannels.pendingPage("00070");
    services.db().inScope("BCA", tx -> new ChannelRepository().setStatus(tx, channel.id(), ChannelStatus.VERIFIED, null))
        .await();
    AttestationService attestations = services.get(AttestationService.class);
    assertTrue(attestations.verifiedWithoutCurrent(10_000).await().contains(channel.id()), "found by the sweeper's query");

    int repaired = new AttestationWork(attestations).sweep().await();
    assertTrue(repaired >= 1, "repaired " + repaired);
    assertEquals("OFFICIAL", TestChannels.verify(http, "https://" + channel.normalizedId()).getString("verdict"));
    assertTrue(!attestations.verifiedWithoutCurrent(10_000).await().contains(channel.id()));
  }

  private static long pending(long channelId) {
    return count("SELECT count(*) FROM outbox WHERE payload->>'channelId' = '" + channelId + "'"
        + " OR payload->'channelIds' @> '[" + channelId + "]'");
  }

  private static long count(String sql) {
    try (var c = TestDatabase.connect(TestPlatform.DATABASE); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

}
