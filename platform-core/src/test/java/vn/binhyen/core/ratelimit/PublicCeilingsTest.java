package vn.binhyen.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicCeilingsTest {

  private final PublicCeilings ceilings = new PublicCeilings(null, Map.of("verify", 1000, "tips.submit", 50));

  @Test
  void the_configured_ceiling_applies_above_the_per_client_limit() {
    assertEquals(1000, ceilings.ceiling("verify", 600));
  }

  @Test
  void a_ceiling_is_never_below_one_clients_own_allowance() {
    assertEquals(100_000, ceilings.ceiling("tips.submit", 100_000), "a load test raising the per-client limit raises the ceiling");
  }

  @Test
  void a_per_client_limit_turned_off_turns_the_ceiling_off_and_unknown_endpoints_have_none() {
    assertEquals(0, ceilings.ceiling("verify", 0));
    assertEquals(0, ceilings.ceiling("impostor-check", 60));
  }

  @Test
  void without_a_limiter_every_request_is_admitted() {
    assertTrue(ceilings.admit("verify", 600).succeeded());
  }
}
