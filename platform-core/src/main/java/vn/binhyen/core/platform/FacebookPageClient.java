package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Facebook Pages API (Graph API, the version of BINHYEN_FACEBOOK_GRAPH_VERSION): a post on a Page's feed, {@code POST /{page-id}/feed} with
 * {@code message} and {@code link}, or a photo post ({@link #postPhoto}), made with a Page access token that has {@code pages_manage_posts}.
 * Success is {@code {"id": "<page-id>_<post-id>"}}; a refusal is Graph's error object, read as the
 * Send API's is ({@link MessengerClient#RATE_LIMITED}: codes 4, 32, 613; 190 an invalid token).
 */
public final class FacebookPageClient {

  private final PlatformHttp http;
  private final String base;

  FacebookPageClient(PlatformHttp http, String base) {
    this.http = http;
    this.base = base;
  }

  /** Publishes {@code message} with {@code link} on the feed of page {@code pageId}. */
  public Future<SendResult> postToFeed(String pageAccessToken, String pageId, String message, String link) {
    JsonObject body = new JsonObject().put("message", message).put("link", link);
    String url = base + "/" + URLEncoder.encode(pageId, StandardCharsets.UTF_8) + "/feed?access_token="
        + URLEncoder.encode(pageAccessToken, StandardCharsets.UTF_8);
    return http.post(url, Map.of(), body).map(a -> result(a.body()));
  }

  /**
   * Publishes the photo at {@code imageUrl} (Graph fetches it) with {@code message} as its caption
   * on the page: {@code POST /{page-id}/photos} with {@code url} and {@code message}; Graph answers
   * {@code {"id": "<photo-id>", "post_id": "<page-id>_<post-id>"}}, and the post's id is the result
   * (developers.facebook.com/docs/graph-api/reference/page/photos).
   */
  public Future<SendResult> postPhoto(String pageAccessToken, String pageId, String message, String imageUrl) {
    JsonObject body = new JsonObject().put("url", imageUrl).put("message", message).put("published", true);
    String url = base + "/" + URLEncoder.encode(pageId, StandardCharsets.UTF_8) + "/photos?access_token="
        + URLEncoder.encode(pageAccessToken, StandardCharsets.UTF_8);
    return http.post(url, Map.of(), body).map(a -> {
      JsonObject answer = a.body();
      if (answer.getJsonObject("error") == null && answer.getString("post_id") != null) {
        return new SendResult.Sent(answer.getString("post_id"));
      }
      return result(answer);
    });
  }

  static SendResult result(JsonObject answer) {
    if (answer.getJsonObject("error") == null) {
      String id = answer.getString("id");
      if (id == null) {
        throw new IllegalStateException("Graph answered a feed post without id or error");
      }
      return new SendResult.Sent(id);
    }
    JsonObject error = answer.getJsonObject("error");
    int code = error.getInteger("code", -1);
    String message = String.valueOf(error.getValue("message"));
    if (MessengerClient.RATE_LIMITED.contains(code)) {
      return new SendResult.RateLimited(code, message);
    }
    if (code == MessengerClient.INVALID_TOKEN) {
      return new SendResult.InvalidToken(code, message);
    }
    return new SendResult.Refused(code, message);
  }
}
