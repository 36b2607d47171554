package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** A browser following a wrong link gets an HTML page; API clients keep getting problem+json. */
class ErrorPagesIT {

  private final Http http = TestPlatform.http();

  private Http.Response get(String path, String accept) {
    return http.raw("GET", path, new byte[0], null, null, Map.of("Accept", accept));
  }

  @Test
  void a_browser_gets_an_html_404_page_in_vietnamese_with_english_on_request() {
    Http.Response r = get("/no/such/page", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertEquals(404, r.status());
    assertTrue(r.contentType().startsWith("text/html"), r.contentType());
    assertTrue(r.body().contains("Không tìm thấy trang"), r.body());
    assertTrue(r.body().contains("/favicon.ico"), r.body());
  }

  @Test
  void an_api_client_gets_problem_json_for_the_same_address() {
    assertTrue(get("/no/such/page", "application/json").isProblem(404, "not-found"));
  }

  @Test
  void an_unknown_api_path_stays_problem_json_even_for_a_browser() {
    assertTrue(get("/api/no/such/thing", "text/html").isProblem(404, "not-found"));
  }

  @Test
  void the_favicon_is_an_svg() {
    Http.Response r = get("/favicon.ico", "*/*");
    assertEquals(200, r.status());
    assertEquals("image/svg+xml", r.contentType());
    assertTrue(r.body().startsWith("<svg"), r.body());
  }
}
