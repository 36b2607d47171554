package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * HTTP framing on raw sockets (issue 19, items 7 and 13): a request with both Transfer-Encoding
 * and Content-Length is refused and its connection closed, so nothing can be smuggled behind it;
 * an oversized request line is a 414 and oversized headers a 431, all problem+json; ordinary
 * Content-Length, chunked and pipelined requests still work.
 */
class HttpFramingIT {

  private final Http http = TestPlatform.http();

  private String login() {
    return new JsonObject().put("username", "hanoi-admin").put("password", TestPlatform.PASSWORD).encode();
  }

  /** Writes {@code request} on a fresh connection and reads until the server closes it. */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", http.port())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buf)) > 0; ) {
          out.write(buf, 0, n);
        }
      } catch (SocketTimeoutException | SocketException e) {
        // a reset after the answer (the server closed with unread input) ends the stream too
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static int statusLines(String answer) {
    int count = 0;
    for (int i = answer.indexOf("HTTP/1.1 "); i >= 0; i = answer.indexOf("HTTP/1.1 ", i + 1)) {
      count++;
    }
    return count;
  }

  private static void assertProblem(String answer, int status, String slug) {
    String head = answer.substring(0, Math.min(600, answer.length()));
    // An unreadable request line is answered in HTTP/1.0 (Netty's stand-in request has no version).
    assertTrue(answer.matches("(?s)HTTP/1\\.[01] " + status + " .*"), head);
    assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), head);
    JsonObject body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertEquals(Problems.TYPE_BASE + slug, body.getString("type"), head);
    assertEquals(status, body.getInteger("status"), head);
  }

  @Test
  void transfer_encoding_with_content_length_is_refused_and_the_smuggled_request_never_answered() throws Exception {
    String smuggled = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
    String body = "0\r\n\r\n" + smuggled;
    String answer = raw("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
    assertProblem(answer, 400, "ambiguous-framing");
    assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
    assertEquals(1, statusLines(answer), "a second request was answered on the same connection: " + answer);
  }

  @Test
  void framing_headers_together_are_refused_in_either_order_and_on_a_later_request() throws Exception {
    String answer = raw("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
        + "0\r\n\r\n"
        + "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
    assertEquals(2, statusLines(answer), "the first request is answered, the second refused, the third never: " + answer);
    String second = answer.substring(answer.indexOf("HTTP/1.1 ", 1));
    assertProblem(second, 400, "ambiguous-framing");
  }

  @Test
  void a_request_line_over_the_limit_is_a_414_problem() throws Exception {
    String answer = raw("GET /api/public/units?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertProblem(answer, 414, "uri-too-long");
  }

  @Test
  void headers_over_the_limit_are_a_431_problem() throws Exception {
    String answer = raw("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Padding: " + "b".repeat(20_000) + "\r\n\r\n");
    assertProblem(answer, 431, "headers-too-large");
    String many = raw("GET /health/live HTTP/1.1\r\nHost: x\r\n" + "X-A: 0123456789abcdef\r\n".repeat(1000) + "\r\n");
    assertProblem(many, 431, "headers-too-large");
  }

  /**
   * Slowloris: a client that sends one header byte every second never goes idle, so only a
   * deadline for the whole request head cuts it off (10 s from its first byte).
   */
  @Test
  void headers_trickled_byte_by_byte_are_cut_off_after_the_header_deadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", http.port())) {
      socket.setSoTimeout(1_000);
      var output = socket.getOutputStream();
      output.write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      long started = System.nanoTime();
      boolean closed = false;
      while (!closed && System.nanoTime() - started < 25_000_000_000L) {
        try {
          output.write('X');
          output.flush();
          closed = socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
          // nothing to read yet: the server is waiting for the rest of the headers
        } catch (SocketException reset) {
          closed = true;
        }
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertTrue(closed, "the connection was still open after 25 s of trickled headers");
      assertTrue(seconds >= StrictRequestDecoder.HEADER_DEADLINE_SECONDS - 1,
          "not cut before the deadline: " + seconds + " s");
    }
  }

  @Test
  void content_length_chunked_and_pipelined_requests_still_work() throws Exception {
    String json = login();
    String withLength = raw("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + json);
    assertTrue(withLength.startsWith("HTTP/1.1 200 "), withLength);
    assertTrue(withLength.contains("accessToken"), withLength);

    String half = json.substring(0, 10);
    String rest = json.substring(10);
    String chunked = raw("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
        + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n");
    assertTrue(chunked.startsWith("HTTP/1.1 200 "), chunked);
    assertTrue(chunked.contains("accessToken"), chunked);

    String pipelined = raw("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertEquals(3, statusLines(pipelined), pipelined);
    assertTrue(!pipelined.contains("HTTP/1.1 4") && !pipelined.contains("HTTP/1.1 5"), pipelined);
  }
}
