package vn.binhyen.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.DemoCountry;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;

/** The name search is limited per client address (BINHYEN_UNIT_SEARCH_PER_MINUTE, 3 here). */
class UnitSearchRateLimitIT {

  private static Platform node;

  @BeforeAll
  static void start() {
    node = TestNode.start("unitsearch_limit", TestNode.newClusterName(),
        Map.of("BINHYEN_UNIT_SEARCH_PER_MINUTE", "3"));
    DemoCountry.ensureRoot(node.services()).await();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void the_fourth_search_in_a_minute_is_429_with_retry_after() {
    Http http = new Http(node.httpPort());
    for (int i = 0; i < 3; i++) {
      Http.Response ok = http.get("/api/public/units?q=bo%20cong%20an", null);
      assertEquals(200, ok.status(), ok.toString());
    }
    Http.Response refused = http.get("/api/public/units?q=bo%20cong%20an", null);
    assertTrue(refused.isProblem(429, "rate-limited"), refused.toString());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.toString());
  }
}
