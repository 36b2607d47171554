package vn.binhyen.core.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for Zalo's Open API and Facebook's Graph API (one HTTP server, both paths), in
 * their documented request and answer formats, errors included: Zalo OA's consultation message
 * ({@code POST /v3.0/oa/message/cs}, header {@code access_token}, HTTP 200 with {@code error} 0 or
 * negative) and Messenger's Send API ({@code POST /v21.0/me/messages?access_token=…}, Graph's
 * {@code error {message, type, code, error_subcode, fbtrace_id}} with HTTP 400). Tests choose the
 * accepted tokens, whose reply window is closed and how many rate-limit answers come first.
 * Every node of the test JVM points its {@code BINHYEN_ZALO_OPENAPI_URL} and
 * {@code BINHYEN_FACEBOOK_GRAPH_URL} here ({@link #env}).
 */
public final class PlatformFakes {

  /** One request that reached a fake: its platform, recipient id and JSON body. */
  public record Received(String platform, String recipient, JsonObject body) {}

  private static PlatformFakes shared;

  private final Vertx vertx = Vertx.vertx();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Set<String> closedWindows = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> rateLimits = new ConcurrentHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final List<Received> delivered = new CopyOnWriteArrayList<>();
  private final List<Received> attempts = new CopyOnWriteArrayList<>();
  private final int port;

  private PlatformFakes() {
    HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
    // Listening is complete before the first test node learns the address.
    this.port = Eventually.result(server.listen(0, "127.0.0.1")).actualPort();
  }

  /** The fakes of this test JVM, started on first use. */
  public static synchronized PlatformFakes shared() {
    if (shared == null) {
      shared = new PlatformFakes();
    }
    return shared;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The settings that point a node at these fakes. */
  public Map<String, String> env() {
    return Map.of("BINHYEN_ZALO_OPENAPI_URL", baseUrl(), "BINHYEN_FACEBOOK_GRAPH_URL", baseUrl());
  }

  /** A page or OA access token the fakes accept. */
  public void acceptToken(String token) {
    tokens.add(token);
  }

  /** The user's reply window is closed (the platform refuses messages to them) until {@link #openWindow}. */
  public void closeWindow(String recipient) {
    closedWindows.add(recipient);
  }

  public void openWindow(String recipient) {
    closedWindows.remove(recipient);
  }

  /**
   * Messages to {@code recipient} get Graph's transient error (code 2, "An unexpected error has
   * occurred. Please retry your request later.", HTTP 500) and are not delivered, until
   * {@link #up}.
   */
  public void down(String recipient) {
    down.add(recipient);
  }

  public void up(String recipient) {
    down.remove(recipient);
  }

  /** The next {@code times} messages to {@code recipient} get a rate-limit answer. */
  public void rateLimit(String recipient, int times) {
    rateLimits.put(recipient, new AtomicInteger(times));
  }

  /** Messages the platform accepted for {@code recipient}, in order. */
  public List<Received> inbox(String recipient) {
    return delivered.stream().filter(r -> r.recipient().equals(recipient)).toList();
  }

  /** Every request for {@code recipient}, refused ones included. */
  public List<Received> attempts(String recipient) {
    return attempts.stream().filter(r -> r.recipient().equals(recipient)).toList();
  }

  // Every request is answered, whatever it holds: a request the fakes cannot read gets a 400, a bug
  // of the fakes a 500, never silence.
  private void handle(HttpServerRequest req) {
    req.body().onFailure(e -> req.response().setStatusCode(400).end()).onSuccess(b -> {
      try {
        route(req, b);
      } catch (RuntimeException e) {
        if (!req.response().ended()) {
          req.response().setStatusCode(500).end();
        }
      }
    });
  }

  private void route(HttpServerRequest req, Buffer b) {
    JsonObject body;
    try {
      body = b.toJsonObject();
    } catch (RuntimeException e) {
      req.response().setStatusCode(400).end();
      return;
    }
    if (req.method().name().equals("POST") && req.path().equals("/v3.0/oa/message/cs")) {
      zalo(req, body);
    } else if (req.method().name().equals("POST") && req.path().equals("/v21.0/me/messages")) {
      messenger(req, body);
    } else {
      req.response().setStatusCode(404).end();
    }
  }

  private void zalo(HttpServerRequest req, JsonObject body) {
    JsonObject recipient = body.getJsonObject("recipient");
    String user = recipient == null ? null : recipient.getString("user_id");
    if (user != null) {
      attempts.add(new Received("zalo", user, body));
    }
    JsonObject answer;
    if (!tokens.contains(String.valueOf(req.getHeader("access_token")))) {
      answer = zaloError(-216, "Access token is invalid");
    } else if (user == null || body.getJsonObject("message") == null || body.getJsonObject("message").getString("text") == null) {
      answer = zaloError(-201, "Parameters are invalid");
    } else if (takeRateLimit(user)) {
      answer = zaloError(-211, "Out of quota");
    } else if (closedWindows.contains(user)) {
      answer = zaloError(-230, "User has not interacted with the OA in the allowed time");
    } else {
      delivered.add(new Received("zalo", user, body));
      answer = new JsonObject().put("data", new JsonObject().put("message_id", UUID.randomUUID().toString().replace("-", ""))
          .put("user_id", user)).put("error", 0).put("message", "Success");
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  private static JsonObject zaloError(int code, String message) {
    return new JsonObject().put("error", code).put("message", message);
  }

  private void messenger(HttpServerRequest req, JsonObject body) {
    JsonObject recipient = body.getJsonObject("recipient");
    String psid = recipient == null ? null : recipient.getString("id");
    if (psid != null) {
      attempts.add(new Received("facebook", psid, body));
    }
    String type = body.getString("messaging_type");
    if (!tokens.contains(String.valueOf(req.getParam("access_token")))) {
      graphError(req, 190, null, "Invalid OAuth access token - Cannot parse access token");
    } else if (psid == null || body.getJsonObject("message") == null
        || !Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(type)
        || ("MESSAGE_TAG".equals(type) != body.containsKey("tag"))) {
      graphError(req, 100, null, "(#100) Invalid parameter");
    } else if (down.contains(psid)) {
      req.response().setStatusCode(500).putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("error", new JsonObject().put("message", "An unexpected error has occurred. Please retry your request later.")
              .put("type", "OAuthException").put("is_transient", true).put("code", 2)).encode());
    } else if (takeRateLimit(psid)) {
      graphError(req, 613, null, "(#613) Calls to this api have exceeded the rate limit.");
    } else if (closedWindows.contains(psid)) {
      graphError(req, 10, 2018278, "(#10) This message is sent outside of allowed window.");
    } else {
      delivered.add(new Received("facebook", psid, body));
      req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("recipient_id", psid)
          .put("message_id", "m_" + UUID.randomUUID().toString().replace("-", "")).encode());
    }
  }

  private static void graphError(HttpServerRequest req, int code, Integer subcode, String message) {
    JsonObject error = new JsonObject().put("message", message).put("type", "OAuthException").put("code", code);
    if (subcode != null) {
      error.put("error_subcode", subcode);
    }
    error.put("fbtrace_id", "A" + UUID.randomUUID().toString().substring(0, 10));
    req.response().setStatusCode(400).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }

  private boolean takeRateLimit(String recipient) {
    AtomicInteger left = rateLimits.get(recipient);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
