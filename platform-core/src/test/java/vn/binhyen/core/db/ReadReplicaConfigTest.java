package vn.binhyen.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.ConfigLoader;

/** The read replica's settings: a bad value stops start-up naming its key; none set, no replica. */
class ReadReplicaConfigTest {

  @Test
  void a_read_url_that_is_not_a_postgresql_url_names_its_key() {
    ConfigException e = assertThrows(ConfigException.class, () -> ReadReplica.configured(null,
        ConfigLoader.from(Map.of("BINHYEN_DB_READ_URL", "mysql://replica:3306/binhyen")), null, null));
    assertEquals("BINHYEN_DB_READ_URL", e.key());
  }

  @Test
  void a_lag_bound_out_of_range_names_its_key() {
    ConfigException e = assertThrows(ConfigException.class, () -> ReadReplica.configured(null,
        ConfigLoader.from(Map.of("BINHYEN_DB_READ_URL", "postgresql://replica:5432/binhyen",
            "BINHYEN_DB_READ_MAX_LAG_SECONDS", "0")), null, null));
    assertEquals("BINHYEN_DB_READ_MAX_LAG_SECONDS", e.key());
  }

  @Test
  void without_a_read_url_every_read_is_on_the_primary_and_readiness_says_not_configured() {
    ReadReplica none = ReadReplica.configured(null, ConfigLoader.from(Map.of()), null, null);
    assertFalse(none.state().configured());
    assertFalse(none.state().inUse());
    assertEquals("{\"configured\":false,\"inUse\":false}", none.state().toJson().encode());
  }
}
