package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** Bad input gets a 400-class problem+json with a stable type, never a 500. */
class ProblemIT {

  private final Http http = TestPlatform.http();

  @Test
  void malformed_json_is_a_validation_problem() {
    Http.Response r = http.raw("POST", "/api/auth/login", "{\"username\": ", "application/json", null);
    assertTrue(r.isProblem(400, "validation"), r.toString());
  }

  @Test
  void unknown_fields_are_named() {
    Http.Response r = http.raw("POST", "/api/auth/login",
        "{\"username\":\"a\",\"password\":\"b\",\"admin\":true}", "application/json", null);
    assertTrue(r.isProblem(400, "validation"), r.toString());
    assertEquals("#/admin", r.json().getJsonArray("errors").getJsonObject(0).getString("pointer"));
  }

  @Test
  void wrong_types_and_missing_fields_are_validation_problems() {
    assertTrue(http.raw("POST", "/api/auth/login", "{\"username\":5,\"password\":\"b\"}", "application/json", null)
        .isProblem(400, "validation"));
    assertTrue(http.raw("POST", "/api/auth/login", "{\"username\":\"a\"}", "application/json", null)
        .isProblem(400, "validation"));
    String token = http.login("hanoi-admin");
    Http.Response badLimit = http.get("/api/units/01/children?limit=abc", token);
    assertTrue(badLimit.isProblem(400, "validation"), badLimit.toString());
    Http.Response hugeLimit = http.get("/api/units/01/children?limit=100000000", token);
    assertTrue(hugeLimit.isProblem(400, "validation"), hugeLimit.toString());
  }

  @Test
  void an_oversized_body_is_413_before_validation() {
    String big = "{\"username\":\"" + "a".repeat(400_000) + "\",\"password\":\"x\"}";
    Http.Response r = http.raw("POST", "/api/auth/login", big, "application/json", null);
    assertTrue(r.isProblem(413, "too-large"), r.status() + " " + r.contentType());
  }

  @Test
  void invalid_utf8_is_refused_cleanly() {
    byte[] body = "{\"username\":\"\u0000\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[body.length + 2];
    System.arraycopy(body, 0, broken, 0, body.length);
    broken[body.length] = (byte) 0xC3;
    broken[body.length + 1] = (byte) 0x28;
    Http.Response r = http.raw("POST", "/api/auth/login", broken, "application/json", null, Map.of());
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"));
  }

  @Test
  void unknown_paths_and_methods_are_problems_without_internals() {
    Http.Response missing = http.get("/api/nothing-here", null);
    assertTrue(missing.isProblem(404, "not-found"), missing.toString());
    Http.Response method = http.raw("DELETE", "/api/auth/login", "", null, null);
    assertTrue(method.status() == 405 || method.status() == 404, method.toString());
    assertTrue(method.contentType().startsWith("application/problem+json"));
    assertFalse(method.body().contains("Exception"));
  }

  @Test
  void every_response_carries_the_security_headers() {
    Http.Response r = http.get("/login", null);
    assertEquals(200, r.status());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
    assertTrue(r.headers().firstValue("X-Request-Id").isPresent());
  }

  @Test
  void health_metrics_and_api_docs_are_served() {
    Http.Response ready = http.get("/health/ready", null);
    assertEquals(200, ready.status(), ready.body());
    assertEquals("UP", ready.json().getJsonObject("checks").getString("cluster"));
    assertEquals(200, http.get("/health/live", null).status());
    assertTrue(http.get("/metrics", null).body().contains("vertx_http_server"));
    assertTrue(http.get("/openapi.json", null).json().getJsonObject("paths").containsKey("/api/auth/login"));
    assertEquals(200, http.get("/api/docs", null).status());
    assertEquals(200, http.get("/api/docs/ui/swagger-ui-bundle.js", null).status());
  }

  /** Letters only Vietnamese uses here (Latin-1 Supplement to Latin Extended Additional, đ included). */
  private static final java.util.regex.Pattern VIETNAMESE = java.util.regex.Pattern.compile("[\\u00C0-\\u1EF9]");

  @Test
  void problems_answer_in_the_language_the_request_asks_for_and_vietnamese_by_default() {
    String token = http.login("hanoi-admin");
    Map<String, String> asked = new java.util.LinkedHashMap<>();
    asked.put("", "vi");
    asked.put("vi-VN,vi;q=0.9", "vi");
    asked.put("en-GB,en;q=0.9,vi;q=0.5", "en");
    asked.put("vi;q=0.4, en;q=0.8", "en");
    asked.put("fr-FR, de;q=0.9", "vi");
    asked.put("en;q=0, vi", "vi");
    for (var e : asked.entrySet()) {
      Map<String, String> headers = e.getKey().isEmpty() ? Map.of() : Map.of("Accept-Language", e.getKey());
      Http.Response domain = http.raw("GET", "/api/units/99999/children", new byte[0], null, token, headers);
      Http.Response route = http.raw("GET", "/api/nothing-here", new byte[0], null, null, headers);
      Http.Response invalid = http.raw("POST", "/api/auth/login", "{\"username\":\"a\"}".getBytes(StandardCharsets.UTF_8),
          "application/json", null, headers);
      assertTrue(domain.isProblem(404, "not-found"), domain.toString());
      assertTrue(route.isProblem(404, "not-found"), route.toString());
      assertTrue(invalid.isProblem(400, "validation"), invalid.toString());
      for (Http.Response r : new Http.Response[] {domain, route, invalid}) {
        String title = r.json().getString("title");
        String detail = r.json().getString("detail");
        String where = "Accept-Language '" + e.getKey() + "': " + r.body();
        assertEquals(e.getValue(), r.headers().firstValue("Content-Language").orElse(""), where);
        assertFalse(title.contains(" / ") || detail.contains(" / "), "one language only, " + where);
        if (e.getValue().equals("vi")) {
          assertTrue(VIETNAMESE.matcher(title).find() && VIETNAMESE.matcher(detail).find(), "Vietnamese, " + where);
        } else {
          assertFalse(VIETNAMESE.matcher(title).find() || VIETNAMESE.matcher(detail).find(), "English, " + where);
          assertTrue(Character.isUpperCase(detail.charAt(0)), "a sentence, " + where);
        }
      }
    }
  }
}
