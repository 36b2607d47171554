package vn.binhyen.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.Settings;

/** The verifier's keys: defaults, values, and a bad value named instead of silently becoming 600. */
class VerifierSettingsTest {

  @Test
  void defaults_and_values() {
    VerifierSettings d = VerifierSettings.from(Settings.of(Map.of()));
    assertEquals(new VerifierSettings(600, true, true, false, 240), d);
    VerifierSettings s = VerifierSettings.from(Settings.of(Map.of("BINHYEN_VERIFY_PER_MINUTE", "0",
        "BINHYEN_VERIFY_REMEMBER_TOKENS", "false", "BINHYEN_VERIFY_FAST_PATH", "False", "BINHYEN_BENCH_ROUTES", "true")));
    assertEquals(0, s.verifyPerMinute());
    assertFalse(s.rememberTokens());
    assertFalse(s.fastPath());
    assertTrue(s.benchRoutes());
  }

  @Test
  void a_bad_verify_limit_stops_start_up_with_its_key() {
    for (String bad : new String[] {"six hundred", "-1", "1e3", "99999999999"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> VerifierSettings.from(Settings.of(Map.of("BINHYEN_VERIFY_PER_MINUTE", bad))), bad);
      assertEquals("BINHYEN_VERIFY_PER_MINUTE", e.key());
    }
    assertEquals("BINHYEN_VERIFY_FAST_PATH", assertThrows(ConfigException.class,
        () -> VerifierSettings.from(Settings.of(Map.of("BINHYEN_VERIFY_FAST_PATH", "off")))).key());
  }
}
