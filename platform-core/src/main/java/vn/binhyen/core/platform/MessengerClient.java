package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Messenger Platform Send API (Graph API, the version of BINHYEN_FACEBOOK_GRAPH_VERSION) for a Facebook page: a standard reply
 * ({@code messaging_type: RESPONSE}) within 24 hours of the person's last message, a human agent's
 * reply ({@code MESSAGE_TAG}, {@code tag: HUMAN_AGENT}) up to 7 days. Success is
 * {@code {"recipient_id": …, "message_id": …}}; a refusal is Graph's
 * {@code {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}}.
 */
public final class MessengerClient {

  public static final Duration STANDARD_WINDOW = Duration.ofHours(24);
  public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);
  /** Graph subcodes of "this message is sent outside of allowed window". */
  static final Set<Integer> OUTSIDE_WINDOW_SUBCODES = Set.of(2018278, 2534022);
  /** Application (4), page (32) and calls-per-time (613) rate limits. */
  static final Set<Integer> RATE_LIMITED = Set.of(4, 32, 613);
  static final int INVALID_TOKEN = 190;

  private final PlatformHttp http;
  private final String base;

  MessengerClient(PlatformHttp http, String base) {
    this.http = http;
    this.base = base;
  }

  /**
   * Sends {@code text} to the page-scoped id {@code psid}; {@code sinceLastMessage} (the time since
   * the person last wrote) chooses RESPONSE or the HUMAN_AGENT tag. Beyond 7 days it is still
   * tried with the tag, and Messenger's answer says the window is closed.
   */
  public Future<SendResult> sendText(String pageAccessToken, String psid, String text, Duration sinceLastMessage) {
    return send(pageAccessToken, psid, new JsonObject().put("text", text), sinceLastMessage);
  }

  /**
   * Uploads a photo through the Attachment Upload API, {@code POST /{version}/me/message_attachments}
   * (multipart: {@code message = {"attachment":{"type":"image","payload":{"is_reusable":true}}}} and
   * the file as {@code filedata}); {@code Sent} carries Messenger's {@code attachment_id}.
   */
  public Future<SendResult> uploadImage(String pageAccessToken, String mediaType, Buffer image) {
    String name = "image/png".equals(mediaType) ? "reply.png" : "reply.jpg";
    JsonObject message = new JsonObject().put("attachment", new JsonObject().put("type", "image")
        .put("payload", new JsonObject().put("is_reusable", true)));
    return http.postMultipart(url("/me/message_attachments", pageAccessToken), Map.of(),
            Map.of("message", message.encode()), new PlatformHttp.FilePart("filedata", name, mediaType, image))
        .map(a -> {
          JsonObject answer = a.body();
          if (answer.getJsonObject("error") == null) {
            String id = answer.getString("attachment_id");
            if (id == null) {
              throw new IllegalStateException("Messenger answered an upload without attachment_id or error");
            }
            return new SendResult.Sent(id);
          }
          return result(answer);
        });
  }

  /** Sends the uploaded photo {@code attachmentId} ({@code attachment.payload.attachment_id}) to {@code psid}. */
  public Future<SendResult> sendImage(String pageAccessToken, String psid, String attachmentId, Duration sinceLastMessage) {
    return send(pageAccessToken, psid, new JsonObject().put("attachment", new JsonObject().put("type", "image")
        .put("payload", new JsonObject().put("attachment_id", attachmentId))), sinceLastMessage);
  }

  private Future<SendResult> send(String pageAccessToken, String psid, JsonObject message, Duration sinceLastMessage) {
    JsonObject body = new JsonObject().put("recipient", new JsonObject().put("id", psid));
    if (sinceLastMessage.compareTo(STANDARD_WINDOW) < 0) {
      body.put("messaging_type", "RESPONSE");
    } else {
      body.put("messaging_type", "MESSAGE_TAG").put("tag", "HUMAN_AGENT");
    }
    body.put("message", message);
    return http.post(url("/me/messages", pageAccessToken), Map.of(), body).map(a -> result(a.body()));
  }

  private String url(String path, String pageAccessToken) {
    return base + path + "?access_token=" + URLEncoder.encode(pageAccessToken, StandardCharsets.UTF_8);
  }

  static SendResult result(JsonObject answer) {
    JsonObject error = answer.getJsonObject("error");
    if (error == null) {
      String id = answer.getString("message_id");
      if (id == null) {
        throw new IllegalStateException("Messenger answered without message_id or error");
      }
      return new SendResult.Sent(id);
    }
    int code = error.getInteger("code", -1);
    int subcode = error.getInteger("error_subcode", -1);
    String message = String.valueOf(error.getValue("message"));
    if (OUTSIDE_WINDOW_SUBCODES.contains(subcode)) {
      return new SendResult.OutsideWindow(code, message);
    }
    if (RATE_LIMITED.contains(code)) {
      return new SendResult.RateLimited(code, message);
    }
    if (code == INVALID_TOKEN) {
      return new SendResult.InvalidToken(code, message);
    }
    return new SendResult.Refused(code, message);
  }
}
