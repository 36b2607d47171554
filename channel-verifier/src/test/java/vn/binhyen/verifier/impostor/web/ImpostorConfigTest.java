package vn.binhyen.verifier.impostor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.binhyen.core.config.ConfigException;

class ImpostorConfigTest {

  @Test
  void no_keys_give_the_defaults() {
    assertEquals(ImpostorConfig.DEFAULTS, ImpostorConfig.from(Map.of()));
  }

  @Test
  void environment_sets_thresholds_and_limits_over_the_file(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("binhyen.properties");
    Files.writeString(file, "BINHYEN_IMPOSTOR_SUSPECT_THRESHOLD=0.7\nBINHYEN_IMPOSTOR_CHECKS_PER_MINUTE=5\n");
    ImpostorConfig c = ImpostorConfig.from(Map.of("BINHYEN_CONFIG", file.toString(),
        "BINHYEN_IMPOSTOR_CHECKS_PER_MINUTE", "1000000", "BINHYEN_IMPOSTOR_MAX_HANDLE_EDITS", "1"));
    assertEquals(0.7, c.thresholds().suspectThreshold());
    assertEquals(1, c.thresholds().maxHandleEditDistance());
    assertEquals(1_000_000, c.checksPerMinute());
  }

  @Test
  void bad_values_name_the_key() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ImpostorConfig.from(Map.of("BINHYEN_IMPOSTOR_REPORTS_PER_HOUR", "many")));
    assertEquals("BINHYEN_IMPOSTOR_REPORTS_PER_HOUR", e.key());
    assertThrows(ConfigException.class, () -> ImpostorConfig.from(Map.of("BINHYEN_IMPOSTOR_SUSPECT_THRESHOLD", "1.5")));
  }
}
