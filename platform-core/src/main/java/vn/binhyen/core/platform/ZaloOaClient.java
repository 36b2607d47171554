package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Zalo Official Account Open API v3: the consultation ("tư vấn") text message, allowed within 48
 * hours of the user's last interaction with the OA. Zalo answers HTTP 200 with
 * {@code {"error": 0, "message": "Success", "data": {"message_id": …}}} or a negative {@code error}.
 */
public final class ZaloOaClient {

  /** A consultation message is allowed within 48 hours of the user's last interaction with the OA. */
  public static final Duration CONSULTATION_WINDOW = Duration.ofHours(48);
  /** The user has not interacted with the OA recently enough for a consultation message. */
  static final Set<Integer> OUTSIDE_WINDOW = Set.of(-230, -232);
  /** Out of quota, or too many requests for now. */
  static final Set<Integer> RATE_LIMITED = Set.of(-211, -32);
  /** The OA access token is invalid or expired (Zalo's refresh flow gives a new one). */
  static final Set<Integer> INVALID_TOKEN = Set.of(-216, -124);

  private final PlatformHttp http;
  private final String base;

  ZaloOaClient(PlatformHttp http, String base) {
    this.http = http;
    this.base = base;
  }

  /** Sends {@code text} to {@code userId} (the follower's id for this OA) as a consultation message. */
  public Future<SendResult> sendText(String accessToken, String userId, String text) {
    JsonObject body = new JsonObject()
        .put("recipient", new JsonObject().put("user_id", userId))
        .put("message", new JsonObject().put("text", text));
    return http.post(base + "/v3.0/oa/message/cs", Map.of("access_token", accessToken), body)
        .map(a -> result(a.body()));
  }

  /**
   * Uploads a JPEG or PNG photo (Zalo: at most 1 MB, kept 7 days) for use in messages:
   * {@code POST /v2.0/oa/upload/image}, multipart field {@code file}, header {@code access_token};
   * {@code Sent} carries Zalo's {@code data.attachment_id}.
   */
  public Future<SendResult> uploadImage(String accessToken, String mediaType, Buffer image) {
    String name = "image/png".equals(mediaType) ? "reply.png" : "reply.jpg";
    return http.postMultipart(base + "/v2.0/oa/upload/image", Map.of("access_token", accessToken), Map.of(),
            new PlatformHttp.FilePart("file", name, mediaType, image))
        .map(a -> ZaloArticleClient.dataField(a.body(), "attachment_id"));
  }

  /**
   * Sends {@code text} (may be empty) with the uploaded photo {@code attachmentId} as one
   * consultation message: an attachment of type {@code template}, {@code template_type: media},
   * one element {@code {media_type: image, attachment_id}}.
   */
  public Future<SendResult> sendImage(String accessToken, String userId, String text, String attachmentId) {
    JsonObject message = new JsonObject().put("attachment", new JsonObject().put("type", "template")
        .put("payload", new JsonObject().put("template_type", "media").put("elements", new JsonArray()
            .add(new JsonObject().put("media_type", "image").put("attachment_id", attachmentId)))));
    if (text != null && !text.isBlank()) {
      message.put("text", text);
    }
    JsonObject body = new JsonObject().put("recipient", new JsonObject().put("user_id", userId)).put("message", message);
    return http.post(base + "/v3.0/oa/message/cs", Map.of("access_token", accessToken), body)
        .map(a -> result(a.body()));
  }

  static SendResult result(JsonObject answer) {
    Object err = answer.getValue("error");
    int code = err instanceof Number n ? n.intValue() : Integer.MIN_VALUE;
    String message = String.valueOf(answer.getValue("message"));
    if (code == 0) {
      JsonObject data = answer.getJsonObject("data");
      String id = data == null ? null : data.getString("message_id");
      if (id == null) {
        throw new IllegalStateException("Zalo accepted the message without a message_id");
      }
      return new SendResult.Sent(id);
    }
    if (code == Integer.MIN_VALUE) {
      throw new IllegalStateException("Zalo answered without an error code");
    }
    if (OUTSIDE_WINDOW.contains(code)) {
      return new SendResult.OutsideWindow(code, message);
    }
    if (RATE_LIMITED.contains(code)) {
      return new SendResult.RateLimited(code, message);
    }
    if (INVALID_TOKEN.contains(code)) {
      return new SendResult.InvalidToken(code, message);
    }
    return new SendResult.Refused(code, message);
  }
}
