package vn.binhyen.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.module.Services;
import vn.binhyen.verifier.attest.AttestationService;
import vn.binhyen.verifier.registry.VerificationRegistry;
import vn.binhyen.verifier.translog.TransparencyLog;

/** The demo's official channels are verified and logged once; seeding again adds nothing. */
class DemoChannelsIT {

  @Test
  void every_demo_channel_is_official_and_a_second_seeding_logs_nothing_new() {
    Services s = TestChannels.services();
    VerificationRegistry registry = s.get(VerificationRegistry.class);
    for (DemoChannels.Demo demo : DemoChannels.CHANNELS) {
      var entry = registry.byNormalizedId(ChannelLinks.normalize(demo.link()).normalizedId()).orElseThrow();
      assertTrue(entry.official(), demo.link());
      assertEquals(demo.unitCode(), entry.tenantCode());
    }
    TransparencyLog log = s.get(TransparencyLog.class);
    long before = log.sync().await();
    new DemoChannels(s, s.get(AttestationService.class)).seed().await();
    assertEquals(before, log.sync().await());
  }
}
