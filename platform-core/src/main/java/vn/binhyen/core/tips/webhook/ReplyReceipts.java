package vn.binhyen.core.tips.webhook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivery and read receipts of the page's or OA's own messages, as the platforms send them to
 * the webhook (docs/tips.md, "Delivery and read receipts"): Messenger's {@code delivery}
 * ({@code mids}, sometimes absent, and {@code watermark}) and {@code read} ({@code watermark}) in
 * a {@code messaging} item; Zalo's {@code user_received_message} and {@code user_seen_message}
 * events ({@code message.msg_ids}), where the OA is the {@code sender} and the user the
 * {@code recipient}.
 */
final class ReplyReceipts {

  /** One receipt: the messages it names, the user it came from, a watermark (epoch ms) or null. */
  record Receipt(String status, List<String> messageIds, String user, Long watermarkMs) {}

  private ReplyReceipts() {}

  static List<Receipt> of(String source, JsonObject body, String platformId) {
    return "facebook".equals(source) ? facebook(body, platformId) : zalo(body);
  }

  private static List<Receipt> facebook(JsonObject body, String pageId) {
    List<Receipt> out = new ArrayList<>();
    for (Object e : body.getJsonArray("entry", new JsonArray())) {
      if (!(e instanceof JsonObject entry) || !pageId.equals(String.valueOf(entry.getValue("id")))) {
        continue;
      }
      for (Object m : entry.getJsonArray("messaging", new JsonArray())) {
        if (!(m instanceof JsonObject messaging) || messaging.getJsonObject("sender") == null) {
          continue;
        }
        String user = String.valueOf(messaging.getJsonObject("sender").getValue("id"));
        JsonObject delivery = messaging.getJsonObject("delivery");
        JsonObject read = messaging.getJsonObject("read");
        if (delivery != null) {
          out.add(new Receipt("delivered", strings(delivery.getJsonArray("mids")), user, watermark(delivery)));
        }
        if (read != null) {
          out.add(new Receipt("read", List.of(), user, watermark(read)));
        }
      }
    }
    return out;
  }

  private static List<Receipt> zalo(JsonObject body) {
    String event = body.getString("event_name", "");
    String status = switch (event) {
      case "user_received_message" -> "delivered";
      case "user_seen_message" -> "read";
      default -> null;
    };
    JsonObject message = body.getJsonObject("message");
    if (status == null || message == null) {
      return List.of();
    }
    List<String> ids = strings(message.getJsonArray("msg_ids"));
    if (ids.isEmpty() && message.getString("msg_id") != null) {
      ids = List.of(message.getString("msg_id"));
    }
    String user = String.valueOf(body.getJsonObject("recipient", new JsonObject()).getValue("id"));
    return ids.isEmpty() ? List.of() : List.of(new Receipt(status, ids, user, null));
  }

  private static Long watermark(JsonObject o) {
    return o.getValue("watermark") instanceof Number n ? n.longValue() : null;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    if (a != null) {
      a.forEach(x -> {
        if (x instanceof String s && s.length() <= 200) {
          out.add(s);
        }
      });
    }
    return out.size() > 100 ? out.subList(0, 100) : out;
  }
}
