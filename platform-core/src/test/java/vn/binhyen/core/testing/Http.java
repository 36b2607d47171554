package vn.binhyen.core.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small blocking HTTP client for tests against a running node. */
public final class Http {

  /** One answer: status, headers, body. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray jsonArray() {
      return new JsonArray(body);
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    /** Whether this is an RFC 9457 problem with the given status and a type ending in {@code slug}. */
    public boolean isProblem(int expectedStatus, String slug) {
      return status == expectedStatus && contentType().startsWith("application/problem+json")
          && json().getString("type", "").endsWith("/" + slug) && json().getInteger("status") == expectedStatus;
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  public String base() {
    return "http://localhost:" + port;
  }

  public String login(String username, String password) {
    Response r = post("/api/auth/login", new JsonObject().put("username", username).put("password", password), null);
    if (r.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + r);
    }
    return r.json().getString("accessToken");
  }

  public String login(String username) {
    return login(username, TestPlatform.PASSWORD);
  }

  public Response get(String path, String token) {
    return send(builder(path, token).GET().build());
  }

  public Response post(String path, JsonObject body, String token) {
    return raw("POST", path, body == null ? "" : body.encode(), "application/json", token);
  }

  public Response patch(String path, JsonObject body, String token) {
    return raw("PATCH", path, body.encode(), "application/json", token);
  }

  public Response delete(String path, String token) {
    return send(builder(path, token).DELETE().build());
  }

  public Response raw(String method, String path, String body, String contentType, String token) {
    return raw(method, path, body.getBytes(StandardCharsets.UTF_8), contentType, token, Map.of());
  }

  public Response raw(String method, String path, byte[] body, String contentType, String token,
      Map<String, String> headers) {
    HttpRequest.Builder b = builder(path, token).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    return send(b.build());
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
