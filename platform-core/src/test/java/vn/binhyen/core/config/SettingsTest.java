package vn.binhyen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.binhyen.core.tips.TipSettings;

/** One loader for every module's keys: file and environment alike, bad values named, not guessed. */
class SettingsTest {

  @Test
  void a_module_key_comes_from_the_file_and_the_environment_wins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("binhyen.properties");
    Files.writeString(file, "BINHYEN_TIPS_MAX_ATTACHMENTS=3\nBINHYEN_TIPS_SECRET_FAILURES=4\n");
    Settings s = ConfigLoader.from(Map.of("BINHYEN_CONFIG", file.toString(), "BINHYEN_TIPS_SECRET_FAILURES", "7")).settings();
    assertEquals(3, s.integer("BINHYEN_TIPS_MAX_ATTACHMENTS", 5, 0, 50), "from the file");
    assertEquals(7, s.integer("BINHYEN_TIPS_SECRET_FAILURES", 10, 1, 1000), "the environment over the file");
    TipSettings tips = TipSettings.from(s);
    assertEquals(3, tips.maxAttachments());
    assertEquals(7, tips.secretFailuresPerReceipt());
  }

  @Test
  void absent_or_blank_takes_the_default() {
    Settings s = Settings.of(Map.of("BINHYEN_X", "  "));
    assertEquals(5, s.integer("BINHYEN_X", 5, 0, 9));
    assertEquals(5, s.integer("BINHYEN_Y", 5, 0, 9));
    assertTrue(s.bool("BINHYEN_Y", true));
    assertEquals("d", s.text("BINHYEN_X", "d"));
  }

  @Test
  void an_unusable_value_is_refused_with_its_key_never_read_as_a_default() {
    Settings s = Settings.of(Map.of("BINHYEN_N", "lots", "BINHYEN_BIG", "10000000000", "BINHYEN_LOW", "-1",
        "BINHYEN_FLAG", "yes please", "BINHYEN_D", "0,5"));
    for (String key : new String[] {"BINHYEN_N", "BINHYEN_BIG", "BINHYEN_LOW"}) {
      assertEquals(key, assertThrows(ConfigException.class, () -> s.integer(key, 1, 0, 100)).key());
    }
    assertEquals("BINHYEN_FLAG", assertThrows(ConfigException.class, () -> s.bool("BINHYEN_FLAG", false)).key());
    assertEquals("BINHYEN_D", assertThrows(ConfigException.class, () -> s.decimal("BINHYEN_D", 0.5, 0, 1)).key());
    assertFalse(Settings.of(Map.of("BINHYEN_FLAG", "FALSE")).bool("BINHYEN_FLAG", true));
  }

  @Test
  void the_tips_settings_refuse_a_bad_zone_and_a_zero_sweep_naming_the_key() {
    assertEquals("BINHYEN_TIPS_ZONE", assertThrows(ConfigException.class,
        () -> TipSettings.from(Settings.of(Map.of("BINHYEN_TIPS_ZONE", "Hanoi/Nowhere")))).key());
    assertEquals("BINHYEN_TIPS_SLA_SWEEP_SECONDS", assertThrows(ConfigException.class,
        () -> TipSettings.from(Settings.of(Map.of("BINHYEN_TIPS_SLA_SWEEP_SECONDS", "0")))).key());
  }
}
