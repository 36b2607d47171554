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
 * negative) and Messenger's Send API ({@code POST /{version}/me/messages?access_token=…}, any Graph version, Graph's
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
  private final Map<String, java.time.Instant> lastWrote = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> rateLimits = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> passFirst = new ConcurrentHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final Set<String> hung = ConcurrentHashMap.newKeySet();
  private final List<io.vertx.core.http.HttpServerResponse> hanging = new CopyOnWriteArrayList<>();
  private final List<Received> delivered = new CopyOnWriteArrayList<>();
  private final List<Received> attempts = new CopyOnWriteArrayList<>();
  private final int port;
  // Alerts' endpoints (Page feed posts, Zalo articles and broadcasts, Zalo's token refresh).
  private final Map<String, String> tokenOwners = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, String> zaloApps = new ConcurrentHashMap<>();
  private final Map<String, String> articleTokens = new ConcurrentHashMap<>();
  private final Map<String, String> articles = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> refusals = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile String lastIssued;
  private volatile String lastGraphVersion;
  // Photos uploaded through Zalo's and Messenger's upload APIs, by the attachment id they answered.
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final List<Upload> uploadAttempts = new CopyOnWriteArrayList<>();

  /** Zalo's upload limit for a photo (JPEG or PNG). */
  public static final int ZALO_IMAGE_MAX_BYTES = 1024 * 1024;
  /** Messenger's limit for an uploaded asset. */
  public static final int MESSENGER_ASSET_MAX_BYTES = 25 * 1024 * 1024;

  /** A photo that reached an upload endpoint: platform, declared and sniffed type, bytes. */
  public record Upload(String platform, String declaredType, String sniffedType, Buffer content) {}
  private final Set<String> stalled = ConcurrentHashMap.newKeySet();
  private final List<Held> held = new CopyOnWriteArrayList<>();

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
    return Map.of("BINHYEN_ZALO_OPENAPI_URL", baseUrl(), "BINHYEN_FACEBOOK_GRAPH_URL", baseUrl(),
        "BINHYEN_ZALO_OAUTH_URL", baseUrl());
  }

  /** A page or OA access token the fakes accept. */
  public void acceptToken(String token) {
    tokens.add(token);
  }

  /**
   * The person {@code psid} last wrote to the page at {@code at}: from then on the Messenger fake
   * applies Messenger's windows to them, RESPONSE within 24 hours and the HUMAN_AGENT tag within
   * 7 days ("This message is sent outside of allowed window" otherwise).
   */
  public void userWrote(String psid, java.time.Instant at) {
    lastWrote.put(psid, at);
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

  /**
   * Messenger messages to {@code recipient} are received (counted as attempts) and never answered,
   * as when the platform is slow and the caller's node dies meanwhile; until {@link #unhang}, which
   * closes the waiting connections unanswered (nothing was delivered).
   */
  public void hang(String recipient) {
    hung.add(recipient);
  }

  public void unhang(String recipient) {
    hung.remove(recipient);
    hanging.removeIf(r -> {
      if (!r.ended()) {
        r.reset();
      }
      return true;
    });
  }

  /** How many requests are waiting for an answer that will not come. */
  public int hanging() {
    return hanging.size();
  }

  /** The next {@code times} messages to {@code recipient} get a rate-limit answer. */
  public void rateLimit(String recipient, int times) {
    rateLimits.put(recipient, new AtomicInteger(times));
  }

  /** The next {@code pass} messages to {@code recipient} go through, then {@code times} get a rate-limit answer. */
  public void rateLimitAfter(String recipient, int pass, int times) {
    passFirst.put(recipient, new AtomicInteger(pass));
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

  /**
   * A Zalo OA access token the fakes accept for the OA {@code oaId}: articles and broadcasts made
   * with it are recorded under the OA's id ({@link #inbox}, {@link #attempts}).
   */
  public void acceptToken(String token, String oaId) {
    tokens.add(token);
    tokenOwners.put(token, oaId);
  }

  /** The access token no longer works (expired): Zalo answers -216 until a refresh replaces it. */
  public void expireToken(String token) {
    tokens.remove(token);
  }

  /** A Zalo app ({@code app_id} and its {@code secret_key}) whose refresh tokens the fakes honour. */
  public void zaloApp(String appId, String secretKey) {
    zaloApps.put(appId, secretKey);
  }

  /** A refresh token of {@code oaId}, good for one refresh (Zalo's refresh tokens work once). */
  public void acceptRefreshToken(String refreshToken, String oaId) {
    refreshTokens.put(refreshToken, oaId);
  }

  /** The access token the last granted refresh issued, or null. */
  public String lastIssuedAccessToken() {
    return lastIssued;
  }

  /** How many refreshes the token endpoint granted. */
  public int refreshes() {
    return refreshes.get();
  }

  /**
   * Every request for {@code recipient} (a page id, an OA id) is refused from now on with this
   * platform error (Graph's {@code code}, or Zalo's negative {@code error}), until {@link #clear}.
   */
  public void refuse(String recipient, int code, String message) {
    refusals.put(recipient, new JsonObject().put("code", code).put("message", message));
  }

  /** The next {@code times} requests for {@code recipient} get an HTTP 500 (the platform's own trouble). */
  public void serverError(String recipient, int times) {
    serverErrors.put(recipient, new AtomicInteger(times));
  }

  /**
   * Page feed posts for {@code page} are taken in and left unanswered (a platform that hangs), so
   * a node can be killed while its call is in flight, until {@link #unstall}.
   */
  public void stall(String page) {
    stalled.add(page);
  }

  /** Answers the posts held for {@code page} with an HTTP 500 (nothing was posted) and takes posts again. */
  public void unstall(String page) {
    stalled.remove(page);
    held.removeIf(h -> {
      if (h.page().equals(page)) {
        if (!h.abandoned().get()) {
          h.request().response().setStatusCode(500).end();
        }
        return true;
      }
      return false;
    });
  }

  /** How many held posts for {@code page} their caller gave up on (its connection closed: a killed node). */
  public long abandoned(String page) {
    return held.stream().filter(h -> h.page().equals(page) && h.abandoned().get()).count();
  }

  private record Held(String page, HttpServerRequest request, java.util.concurrent.atomic.AtomicBoolean abandoned) {}

  /** Forgets refusals, rate limits and server errors set for {@code recipient}. */
  public void clear(String recipient) {
    refusals.remove(recipient);
    rateLimits.remove(recipient);
    serverErrors.remove(recipient);
  }

  // Every request is answered, whatever it holds: a request the fakes cannot read gets a 400, a bug
  // of the fakes a 500, never silence (but for posts held on purpose by {@link #stall}).
  private void handle(HttpServerRequest req) {
    if (req.method().name().equals("POST") && (req.path().equals("/v2.0/oa/upload/image")
        || req.path().matches("/v[0-9]+\\.[0-9]+/me/message_attachments"))) {
      multipart(req);
      return;
    }
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
    if (req.method().name().equals("POST") && req.path().equals("/v4/oa/access_token")) {
      zaloRefresh(req, b);
      return;
    }
    JsonObject body;
    try {
      body = b.toJsonObject();
    } catch (RuntimeException e) {
      req.response().setStatusCode(400).end();
      return;
    }
    if (req.method().name().equals("POST") && req.path().equals("/v3.0/oa/message/cs")) {
      zalo(req, body);
    } else if (req.method().name().equals("POST") && req.path().matches("/v[0-9]+\\.[0-9]+/me/messages")) {
      graphVersion(req);
      messenger(req, body);
    } else if (req.method().name().equals("POST") && req.path().matches("/v[0-9]+\\.[0-9]+/[0-9A-Za-z_.-]+/feed")) {
      graphVersion(req);
      String rest = req.path().substring(req.path().indexOf('/', 1) + 1);
      pageFeed(req, body, rest.substring(0, rest.length() - "/feed".length()), false);
    } else if (req.method().name().equals("POST") && req.path().matches("/v[0-9]+\\.[0-9]+/[0-9A-Za-z_.-]+/photos")) {
      graphVersion(req);
      String rest = req.path().substring(req.path().indexOf('/', 1) + 1);
      pageFeed(req, body, rest.substring(0, rest.length() - "/photos".length()), true);
    } else if (req.method().name().equals("POST") && req.path().equals("/v2.0/article/create")) {
      zaloArticleCreate(req, body);
    } else if (req.method().name().equals("POST") && req.path().equals("/v2.0/article/verify")) {
      zaloArticleVerify(req, body);
    } else if (req.method().name().equals("POST") && req.path().equals("/v2.0/oa/message")) {
      zaloBroadcast(req, body);
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
    } else if (user == null || body.getJsonObject("message") == null
        || (body.getJsonObject("message").containsKey("attachment") ? !zaloImageKnown(body.getJsonObject("message"))
            : body.getJsonObject("message").getString("text") == null)) {
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
        || (body.getJsonObject("message").containsKey("attachment") ? !messengerImageKnown(body.getJsonObject("message"))
            : body.getJsonObject("message").getString("text") == null)
        || !Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(type)
        || ("MESSAGE_TAG".equals(type) != body.containsKey("tag"))) {
      graphError(req, 100, null, "(#100) Invalid parameter");
    } else if (hung.contains(psid)) {
      hanging.add(req.response());
    } else if (down.contains(psid)) {
      req.response().setStatusCode(500).putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("error", new JsonObject().put("message", "An unexpected error has occurred. Please retry your request later.")
              .put("type", "OAuthException").put("is_transient", true).put("code", 2)).encode());
    } else if (takeRateLimit(psid)) {
      graphError(req, 613, null, "(#613) Calls to this api have exceeded the rate limit.");
    } else if (closedWindows.contains(psid) || outsideMessengerWindow(psid, type, body.getString("tag"))) {
      graphError(req, 10, 2018278, "(#10) This message is sent outside of allowed window.");
    } else {
      delivered.add(new Received("facebook", psid, body));
      req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("recipient_id", psid)
          .put("message_id", "m_" + UUID.randomUUID().toString().replace("-", "")).encode());
    }
  }

  private boolean outsideMessengerWindow(String psid, String type, String tag) {
    java.time.Instant wrote = lastWrote.get(psid);
    if (wrote == null) {
      return false;
    }
    java.time.Duration since = java.time.Duration.between(wrote, java.time.Instant.now());
    if ("RESPONSE".equals(type)) {
      return since.compareTo(java.time.Duration.ofHours(24)) >= 0;
    }
    return !"HUMAN_AGENT".equals(tag) || since.compareTo(java.time.Duration.ofDays(7)) >= 0;
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
    AtomicInteger pass = passFirst.get(recipient);
    if (pass != null && pass.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return false;
    }
    AtomicInteger left = rateLimits.get(recipient);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  // Graph API Page feed post: {"id": "<page>_<post>"} or Graph's error object with HTTP 400. A
  // photo post (/{page}/photos with url and message) answers {"id": "<photo>", "post_id": "<page>_<post>"}.
  private void pageFeed(HttpServerRequest req, JsonObject body, String page, boolean photo) {
    attempts.add(new Received("facebook_page", page, body));
    JsonObject refusal = refusals.get(page);
    if (stalled.contains(page)) {
      Held h = new Held(page, req, new java.util.concurrent.atomic.AtomicBoolean());
      req.connection().closeHandler(v -> h.abandoned().set(true));
      held.add(h);
    } else if (takeServerError(page)) {
      req.response().setStatusCode(500).end();
    } else if (!tokens.contains(String.valueOf(req.getParam("access_token")))) {
      graphError(req, 190, 463, "Error validating access token: Session has expired");
    } else if (body.getString("message") == null || body.getString("message").isBlank()
        || photo && !String.valueOf(body.getString("url")).matches("https?://.+")) {
      graphError(req, 100, null, "(#100) Invalid parameter");
    } else if (takeRateLimit(page)) {
      graphError(req, 32, null, "(#32) Page request limit reached");
    } else if (refusal != null) {
      graphError(req, refusal.getInteger("code"), null, refusal.getString("message"));
    } else {
      delivered.add(new Received("facebook_page", page, body));
      String post = page + "_" + Math.abs(UUID.randomUUID().getMostSignificantBits());
      JsonObject answer = photo
          ? new JsonObject().put("id", Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()))).put("post_id", post)
          : new JsonObject().put("id", post);
      req.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }
  }

  private void zaloArticleCreate(HttpServerRequest req, JsonObject body) {
    String token = String.valueOf(req.getHeader("access_token"));
    String oa = tokenOwners.getOrDefault(token, token);
    attempts.add(new Received("zalo_article", oa, body));
    JsonObject answer;
    if (takeServerError(oa)) {
      req.response().setStatusCode(500).end();
      return;
    } else if (!tokens.contains(token)) {
      answer = zaloError(-216, "Access token is invalid");
    } else if (body.getString("title") == null || body.getJsonObject("cover") == null
        || body.getJsonArray("body") == null || !"normal".equals(body.getString("type"))) {
      answer = zaloError(-201, "Parameters are invalid");
    } else {
      String t = "art_" + UUID.randomUUID().toString().replace("-", "");
      articleTokens.put(t, oa);
      answer = new JsonObject().put("error", 0).put("message", "Success").put("data", new JsonObject().put("token", t));
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  private void zaloArticleVerify(HttpServerRequest req, JsonObject body) {
    String token = String.valueOf(req.getHeader("access_token"));
    String oa = articleTokens.get(String.valueOf(body.getString("token")));
    JsonObject answer;
    if (!tokens.contains(token)) {
      answer = zaloError(-216, "Access token is invalid");
    } else if (oa == null) {
      answer = zaloError(-201, "Parameters are invalid");
    } else {
      String id = UUID.randomUUID().toString().replace("-", "");
      articles.put(id, oa);
      answer = new JsonObject().put("error", 0).put("message", "Success").put("data", new JsonObject().put("id", id));
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  private void zaloBroadcast(HttpServerRequest req, JsonObject body) {
    String token = String.valueOf(req.getHeader("access_token"));
    String oa = tokenOwners.getOrDefault(token, token);
    attempts.add(new Received("zalo_broadcast", oa, body));
    JsonObject refusal = refusals.get(oa);
    String article = null;
    try {
      article = body.getJsonObject("message").getJsonObject("attachment").getJsonObject("payload")
          .getJsonArray("elements").getJsonObject(0).getString("attachment_id");
    } catch (RuntimeException e) {
      // answered below as invalid parameters
    }
    JsonObject answer;
    if (takeServerError(oa)) {
      req.response().setStatusCode(500).end();
      return;
    } else if (!tokens.contains(token)) {
      answer = zaloError(-216, "Access token is invalid");
    } else if (body.getJsonObject("recipient") == null || body.getJsonObject("recipient").getJsonObject("target") == null
        || article == null || !oa.equals(articles.get(article))) {
      answer = zaloError(-201, "Parameters are invalid");
    } else if (takeRateLimit(oa)) {
      answer = zaloError(-211, "Out of quota");
    } else if (refusal != null) {
      answer = zaloError(refusal.getInteger("code"), refusal.getString("message"));
    } else {
      delivered.add(new Received("zalo_broadcast", oa, body));
      answer = new JsonObject().put("error", 0).put("message", "Success")
          .put("data", new JsonObject().put("message_id", UUID.randomUUID().toString().replace("-", "")));
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  /** A PNG of {@code side} × {@code side} pixels of noise (noise does not compress: about 3 bytes a pixel). */
  public static byte[] png(int side) {
    var img = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        img.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** The Graph API version (the path's first segment, such as {@code v21.0}) of the latest Graph call. */
  public String lastGraphVersion() {
    return lastGraphVersion;
  }

  private void graphVersion(HttpServerRequest req) {
    lastGraphVersion = req.path().substring(1, req.path().indexOf('/', 1));
  }

  /** The photo uploaded under {@code attachmentId}, or null. */
  public Upload uploaded(String attachmentId) {
    return uploads.get(attachmentId);
  }

  /** Every upload that reached the fakes, refused ones included. */
  public List<Upload> uploadAttempts() {
    return List.copyOf(uploadAttempts);
  }

  private void multipart(HttpServerRequest req) {
    req.setExpectMultipart(true);
    Map<String, Buffer> files = new ConcurrentHashMap<>();
    Map<String, String> types = new ConcurrentHashMap<>();
    req.uploadHandler(u -> {
      Buffer content = Buffer.buffer();
      types.put(u.name(), String.valueOf(u.contentType()));
      u.handler(content::appendBuffer);
      u.endHandler(v -> files.put(u.name(), content));
    });
    req.exceptionHandler(e -> {
      if (!req.response().ended()) {
        req.response().setStatusCode(400).end();
      }
    });
    req.endHandler(v -> {
      try {
        if (req.path().startsWith("/v2.0/oa/")) {
          zaloUpload(req, files.get("file"), types.get("file"));
        } else {
          graphVersion(req);
          messengerUpload(req, req.formAttributes().get("message"), files.get("filedata"), types.get("filedata"));
        }
      } catch (RuntimeException e) {
        if (!req.response().ended()) {
          req.response().setStatusCode(500).end();
        }
      }
    });
  }

  // Zalo OA upload/image: JPEG or PNG, at most 1 MB; {"error":0,"data":{"attachment_id"}} or a negative error.
  private void zaloUpload(HttpServerRequest req, Buffer file, String declared) {
    String sniffed = file == null ? null : sniff(file);
    if (file != null) {
      uploadAttempts.add(new Upload("zalo", declared, sniffed, file));
    }
    JsonObject answer;
    if (!tokens.contains(String.valueOf(req.getHeader("access_token")))) {
      answer = zaloError(-216, "Access token is invalid");
    } else if (file == null || file.length() == 0) {
      answer = zaloError(-201, "Parameters are invalid");
    } else if (!"image/jpeg".equals(sniffed) && !"image/png".equals(sniffed)) {
      answer = zaloError(-201, "Parameters are invalid: only JPG and PNG images are supported");
    } else if (file.length() > ZALO_IMAGE_MAX_BYTES) {
      answer = zaloError(-210, "Parameter exceeds allowed limit: image size must not exceed 1MB");
    } else {
      String id = UUID.randomUUID().toString().replace("-", "");
      uploads.put(id, new Upload("zalo", declared, sniffed, file));
      answer = new JsonObject().put("data", new JsonObject().put("attachment_id", id)).put("error", 0)
          .put("message", "Success");
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  // Messenger Attachment Upload API: message={"attachment":{"type":"image","payload":{"is_reusable":true}}}
  // and filedata (an image, at most 25 MB); {"attachment_id"} or Graph's error with HTTP 400.
  private void messengerUpload(HttpServerRequest req, String message, Buffer file, String declared) {
    String sniffed = file == null ? null : sniff(file);
    if (file != null) {
      uploadAttempts.add(new Upload("facebook", declared, sniffed, file));
    }
    JsonObject attachment = null;
    try {
      attachment = new JsonObject(String.valueOf(message)).getJsonObject("attachment");
    } catch (RuntimeException e) {
      // answered below as an invalid parameter
    }
    if (!tokens.contains(String.valueOf(req.getParam("access_token")))) {
      graphError(req, 190, null, "Invalid OAuth access token - Cannot parse access token");
    } else if (attachment == null || !"image".equals(attachment.getString("type")) || file == null) {
      graphError(req, 100, null, "(#100) Invalid parameter");
    } else if (sniffed == null || file.length() > MESSENGER_ASSET_MAX_BYTES
        || !String.valueOf(declared).startsWith("image/")) {
      graphError(req, 100, 2018047, "(#100) Upload attachment failure.");
    } else {
      String id = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
      uploads.put(id, new Upload("facebook", declared, sniffed, file));
      req.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("attachment_id", id).encode());
    }
  }

  private static String sniff(Buffer b) {
    if (b.length() >= 3 && (b.getByte(0) & 0xff) == 0xff && (b.getByte(1) & 0xff) == 0xd8 && (b.getByte(2) & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length() >= 8 && (b.getByte(0) & 0xff) == 0x89 && b.getString(1, 4).equals("PNG")) {
      return "image/png";
    }
    if (b.length() >= 6 && b.getString(0, 4).equals("GIF8")) {
      return "image/gif";
    }
    return null;
  }

  // An image element of a Zalo media template names an attachment uploaded to Zalo.
  private boolean zaloImageKnown(JsonObject message) {
    try {
      JsonObject payload = message.getJsonObject("attachment").getJsonObject("payload");
      String id = payload.getJsonArray("elements").getJsonObject(0).getString("attachment_id");
      return "media".equals(payload.getString("template_type")) && uploads.containsKey(id)
          && "zalo".equals(uploads.get(id).platform());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean messengerImageKnown(JsonObject message) {
    try {
      String id = message.getJsonObject("attachment").getJsonObject("payload").getString("attachment_id");
      return uploads.containsKey(id) && "facebook".equals(uploads.get(id).platform());
    } catch (RuntimeException e) {
      return false;
    }
  }

  // Zalo OAuth v4 refresh (a form): new access and refresh tokens, the old refresh token spent.
  private void zaloRefresh(HttpServerRequest req, Buffer b) {
    Map<String, String> form = new java.util.HashMap<>();
    for (String pair : b.toString().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    String app = form.get("app_id");
    JsonObject answer;
    if (app == null || !zaloApps.containsKey(app) || !zaloApps.get(app).equals(req.getHeader("secret_key"))) {
      answer = new JsonObject().put("error", -14002).put("error_name", "Invalid app id")
          .put("error_description", "app_id or secret_key is invalid");
    } else if (!"refresh_token".equals(form.get("grant_type")) || form.get("refresh_token") == null
        || refreshTokens.get(form.get("refresh_token")) == null) {
      answer = new JsonObject().put("error", -14014).put("error_name", "Invalid refresh token")
          .put("error_description", "Refresh token is invalid or has been used");
    } else {
      String oa = refreshTokens.remove(form.get("refresh_token"));
      String access = "zat_" + UUID.randomUUID().toString().replace("-", "");
      String refresh = "zrt_" + UUID.randomUUID().toString().replace("-", "");
      acceptToken(access, oa);
      refreshTokens.put(refresh, oa);
      lastIssued = access;
      refreshes.incrementAndGet();
      answer = new JsonObject().put("access_token", access).put("refresh_token", refresh).put("expires_in", "90000");
    }
    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
  }

  private boolean takeServerError(String recipient) {
    AtomicInteger left = serverErrors.get(recipient);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
