package vn.binhyen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void defaults_apply_when_nothing_is_set() {
    Config c = ConfigLoader.from(Map.of());
    assertEquals(8080, c.httpPort());
    assertTrue(c.dbUrl().isEmpty());
    assertTrue(c.dataDir().isAbsolute());
    assertEquals(c.dataDir().resolve("master.key"), c.masterKeyFile());
  }

  @Test
  void the_application_login_is_optional_and_never_printed() {
    assertTrue(ConfigLoader.from(Map.of()).dbAppLogin().isEmpty(), "unset: SET ROLE on the owner's login");
    Config c = ConfigLoader.from(Map.of("BINHYEN_DB_URL", "postgresql://owner:owner-secret@db:5432/binhyen",
        "BINHYEN_DB_APP_PASSWORD", "app-secret-123"));
    assertEquals(new Config.DbUrlLogin("binhyen_app", "app-secret-123"), c.dbAppLogin().orElseThrow());
    assertTrue(!c.toString().contains("app-secret-123") && !c.toString().contains("owner-secret"), c.toString());
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_DB_APP_USER", "x; DROP TABLE tip")));
    assertEquals("BINHYEN_DB_APP_USER", e.key());
  }

  @Test
  void a_port_that_is_not_a_number_names_the_key() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_HTTP_PORT", "eighty")));
    assertEquals("BINHYEN_HTTP_PORT", e.key());
    assertTrue(e.getMessage().contains("BINHYEN_HTTP_PORT"));
  }

  @Test
  void a_port_out_of_range_names_the_key() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_HTTP_PORT", "70000")));
    assertEquals("BINHYEN_HTTP_PORT", e.key());
  }

  @Test
  void a_database_url_that_is_not_postgresql_names_the_key() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_DB_URL", "mysql://x@y/z")));
    assertEquals("BINHYEN_DB_URL", e.key());
  }

  @Test
  void the_environment_wins_over_the_file(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("binhyen.properties");
    Files.writeString(file, "BINHYEN_HTTP_PORT=9000\nBINHYEN_DATA_DIR=/srv/binhyen\n");
    Config c = ConfigLoader.from(Map.of("BINHYEN_CONFIG", file.toString(), "BINHYEN_HTTP_PORT", "9100"));
    assertEquals(9100, c.httpPort());
    assertEquals(Path.of("/srv/binhyen"), c.dataDir());
  }

  @Test
  void a_missing_config_file_names_the_key() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_CONFIG", "/nonexistent/binhyen.properties")));
    assertEquals("BINHYEN_CONFIG", e.key());
  }

  @Test
  void public_ceilings_have_defaults_and_take_overrides() {
    Config defaults = ConfigLoader.from(Map.of());
    assertEquals(ConfigLoader.PUBLIC_CEILINGS, defaults.publicCeilingsPerMinute());
    assertEquals(8192, defaults.httpMaxLineBytes());
    assertEquals(16 * 1024, defaults.httpMaxHeaderBytes());
    Config c = ConfigLoader.from(Map.of("BINHYEN_PUBLIC_CEILINGS", " verify=1200, tips.submit = 30 "));
    assertEquals(1200, c.publicCeilingsPerMinute().get("verify"));
    assertEquals(30, c.publicCeilingsPerMinute().get("tips.submit"));
    assertEquals(ConfigLoader.PUBLIC_CEILINGS.get("impostor-check"), c.publicCeilingsPerMinute().get("impostor-check"));
  }

  @Test
  void a_public_ceiling_for_an_unknown_endpoint_or_not_a_number_names_the_key() {
    for (String bad : new String[] {"verfy=10", "verify=ten", "verify", "verify=0", "verify=-5"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> ConfigLoader.from(Map.of("BINHYEN_PUBLIC_CEILINGS", bad)), bad);
      assertEquals("BINHYEN_PUBLIC_CEILINGS", e.key(), bad);
    }
  }

  @Test
  void http_line_and_header_limits_are_bounded() {
    assertEquals(4096, ConfigLoader.from(Map.of("BINHYEN_HTTP_MAX_LINE_BYTES", "4096")).httpMaxLineBytes());
    assertEquals("BINHYEN_HTTP_MAX_HEADER_BYTES", assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_HTTP_MAX_HEADER_BYTES", "10"))).key());
  }

  @Test
  void the_unit_search_limit_defaults_to_120_a_minute_and_is_bounded() {
    assertEquals(120, vn.binhyen.core.tenant.TenantRoutes.searchPerMinute(ConfigLoader.from(Map.of()).settings()));
    assertEquals(0, vn.binhyen.core.tenant.TenantRoutes.searchPerMinute(
        ConfigLoader.from(Map.of("BINHYEN_UNIT_SEARCH_PER_MINUTE", "0")).settings()));
    assertEquals("BINHYEN_UNIT_SEARCH_PER_MINUTE", assertThrows(ConfigException.class,
        () -> vn.binhyen.core.tenant.TenantRoutes.searchPerMinute(
            ConfigLoader.from(Map.of("BINHYEN_UNIT_SEARCH_PER_MINUTE", "-1")).settings())).key());
    assertEquals(120_000, ConfigLoader.PUBLIC_CEILINGS.get("units.search"));
  }

  @Test
  void shutdown_drain_and_grace_default_to_nothing_and_ten_seconds() {
    Config c = ConfigLoader.from(Map.of());
    assertEquals(java.time.Duration.ZERO, c.shutdownDrain());
    assertEquals(java.time.Duration.ofSeconds(10), c.shutdownGrace());
  }

  @Test
  void shutdown_durations_read_seconds_and_milliseconds() {
    Config c = ConfigLoader.from(Map.of("BINHYEN_SHUTDOWN_DRAIN", "1500ms", "BINHYEN_SHUTDOWN_GRACE", "7s"));
    assertEquals(java.time.Duration.ofMillis(1500), c.shutdownDrain());
    assertEquals(java.time.Duration.ofSeconds(7), c.shutdownGrace());
    assertEquals(java.time.Duration.ofSeconds(3),
        ConfigLoader.from(Map.of("BINHYEN_SHUTDOWN_DRAIN", "3")).shutdownDrain());
  }

  @Test
  void a_shutdown_duration_that_is_not_one_names_the_key() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_SHUTDOWN_GRACE", "ten seconds")));
    assertEquals("BINHYEN_SHUTDOWN_GRACE", e.key());
    ConfigException tooLong = assertThrows(ConfigException.class,
        () -> ConfigLoader.from(Map.of("BINHYEN_SHUTDOWN_DRAIN", "301s")));
    assertEquals("BINHYEN_SHUTDOWN_DRAIN", tooLong.key());
  }
}
