package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Zalo OA articles and broadcast ("tin truyền thông"), Open API v2.0, header {@code access_token}:
 * {@code POST /v2.0/article/create} (a normal article: title, author, cover, description, body)
 * answers a {@code data.token}; {@code POST /v2.0/article/verify} with that token answers the
 * article's {@code data.id}; {@code POST /v2.0/oa/message} with a broadcast {@code target} and a
 * {@code media} template holding the article ({@code media_type: article}) sends it to the OA's
 * followers and answers {@code data.message_id}. Every answer is HTTP 200 with {@code error} 0 or a
 * negative code, read as the consultation message's are ({@link ZaloOaClient#result}).
 */
public final class ZaloArticleClient {

  private final PlatformHttp http;
  private final String base;

  ZaloArticleClient(PlatformHttp http, String base) {
    this.http = http;
    this.base = base;
  }

  /** A normal article to publish; {@code coverUrl} is a photo (Zalo requires a cover). */
  public record Article(String title, String author, String description, String text, String coverUrl) {}

  /** Creates and verifies an article: {@code Sent} carries the article's id (the broadcast's attachment). */
  public Future<SendResult> createArticle(String accessToken, Article a) {
    JsonObject body = new JsonObject().put("type", "normal").put("title", cut(a.title(), 150))
        .put("author", cut(a.author(), 50))
        .put("cover", new JsonObject().put("cover_type", "photo").put("photo_url", a.coverUrl()).put("status", "show"))
        .put("description", cut(a.description(), 300))
        .put("body", new JsonArray().add(new JsonObject().put("type", "text").put("content", a.text())))
        .put("status", "show").put("comment", "show");
    return http.post(base + "/v2.0/article/create", Map.of("access_token", accessToken), body)
        .compose(created -> {
          SendResult r = dataField(created.body(), "token");
          if (!(r instanceof SendResult.Sent s)) {
            return Future.succeededFuture(r);
          }
          return http.post(base + "/v2.0/article/verify", Map.of("access_token", accessToken),
              new JsonObject().put("token", s.messageId())).map(v -> dataField(v.body(), "id"));
        });
  }

  /** Broadcasts the article {@code articleId} to all the OA's followers ({@code gender} 0: everyone). */
  public Future<SendResult> broadcastArticle(String accessToken, String articleId) {
    JsonObject body = new JsonObject()
        .put("recipient", new JsonObject().put("target", new JsonObject().put("gender", "0")))
        .put("message", new JsonObject().put("attachment", new JsonObject().put("type", "template")
            .put("payload", new JsonObject().put("template_type", "media").put("elements", new JsonArray()
                .add(new JsonObject().put("media_type", "article").put("attachment_id", articleId))))));
    return http.post(base + "/v2.0/oa/message", Map.of("access_token", accessToken), body)
        .map(a -> ZaloOaClient.result(a.body()));
  }

  /** A Zalo answer whose success carries {@code data.<field>} (not {@code message_id}). */
  static SendResult dataField(JsonObject answer, String field) {
    Object err = answer.getValue("error");
    if (err instanceof Number n && n.intValue() == 0) {
      JsonObject data = answer.getJsonObject("data");
      Object value = data == null ? null : data.getValue(field);
      if (value == null) {
        throw new IllegalStateException("Zalo answered success without data." + field);
      }
      return new SendResult.Sent(String.valueOf(value));
    }
    return ZaloOaClient.result(answer);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
