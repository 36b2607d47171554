package vn.binhyen.core.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.config.ConfigException;
import vn.binhyen.core.config.ConfigLoader;
import vn.binhyen.core.runtime.Platform;

/** A bad Graph API version stops a node's start-up before anything starts, naming the key. */
class GraphVersionStartTest {

  @Test
  void a_bad_graph_version_stops_start_up_with_the_key_named() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Platform.start(ConfigLoader.from(Map.of("BINHYEN_FACEBOOK_GRAPH_VERSION", "21.0"))));
    assertTrue(e.getMessage().contains("BINHYEN_FACEBOOK_GRAPH_VERSION") && e.getMessage().contains("v21.0"),
        e.getMessage());
  }
}
