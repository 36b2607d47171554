package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.http;
import static vn.binhyen.core.tips.TipFixtures.scalar;
import static vn.binhyen.core.tips.TipFixtures.scalarText;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Eventually;
import vn.binhyen.core.tips.rollup.ConversationFigures;

/**
 * The conversation figures (issue 18 item 7) of a ward, its province and the country equal what
 * the tips, replies and deliveries themselves say, after conversations whose replies went out
 * at once, late, after waiting outside the window, or failed.
 */
class TipConversationFiguresIT {

  @BeforeAll
  static void channels() throws Exception {
    TipRepliesIT.channels();
  }

  /** What the base tables say for the subtree of {@code path} over the period. */
  private static JsonObject expected(String path, LocalDate from, LocalDate to) throws Exception {
    String conversations = """
        WITH c AS (SELECT t.id, t.received_at FROM tip t WHERE t.source IN ('zalo', 'facebook')
                      AND (t.tenant_path = '%1$s' OR t.tenant_path LIKE '%1$s/%%')
                      AND t.received_day BETWEEN '%2$s' AND '%3$s'),
             r AS (SELECT d.*, e.at FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id
                     JOIN c ON c.id = d.tip_id WHERE e.actor_id IS NOT NULL)
        """.formatted(path, from, to);
    JsonObject o = new JsonObject()
        .put("conversations", scalar(conversations + "SELECT count(*) FROM c"))
        .put("firstReplies", scalar(conversations + "SELECT count(DISTINCT tip_id) FROM r"))
        .put("replies", scalar(conversations + "SELECT count(*) FROM r"))
        .put("repliesInWindow", scalar(conversations + "SELECT count(*) FROM r WHERE sent_at IS NOT NULL AND NOT held_once"))
        .put("repliesAfterWait", scalar(conversations + "SELECT count(*) FROM r WHERE sent_at IS NOT NULL AND held_once"))
        .put("repliesHeld", scalar(conversations + "SELECT count(*) FROM r WHERE held_once"))
        .put("repliesFailed", scalar(conversations + "SELECT count(*) FROM r WHERE status = 'failed'"));
    String minutes = scalarText(conversations + """
        SELECT coalesce(string_agg(m::text, ',' ORDER BY m), '') FROM (
          SELECT extract(epoch FROM min(r.at) - c.received_at) / 60 AS m FROM r JOIN c ON c.id = r.tip_id
           GROUP BY c.id, c.received_at) x""");
    List<Double> sorted = new ArrayList<>();
    for (String m : minutes.split(",")) {
      if (!m.isEmpty()) {
        sorted.add(Double.parseDouble(m));
      }
    }
    Integer median = null;
    if (!sorted.isEmpty()) {
      double lower = sorted.get((sorted.size() + 1) / 2 - 1);
      median = ConversationFigures.BUCKETS.stream().filter(b -> lower <= b).findFirst().orElse(-1);
    }
    return o.put("firstReplyMedianMinutes", median);
  }

  private static void assertFigures(JsonObject expected, JsonObject got, String what) {
    for (String k : expected.fieldNames()) {
      Object e = expected.getValue(k);
      Object g = got.getValue(k);
      assertEquals(e == null ? null : ((Number) e).longValue(), g == null ? null : ((Number) g).longValue(),
          what + ": " + k + " in " + got.encode());
    }
  }

  @Test
  void ward_province_and_country_figures_equal_the_conversations_and_their_replies() throws Exception {
    String officer = http().login("badinh-officer");
    // A: answered at once. B: answered three hours after the first message.
    String a = TipRepliesIT.psid();
    long tipA = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, a, "Hội thoại A");
    TipRepliesIT.reply(tipA, "Đã nhận.");
    String b = TipRepliesIT.psid();
    long tipB = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, b, "Hội thoại B");
    scalar("UPDATE tip SET received_at = received_at - interval '3 hours' WHERE id = ? RETURNING 1", tipB);
    TipRepliesIT.reply(tipB, "Xin lỗi vì trả lời muộn.");
    // C: held outside the window, sent when the citizen writes again (joining the same conversation).
    String c = TipRepliesIT.psid();
    long tipC = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, c, "Hội thoại C");
    TipRepliesIT.fakes.closeWindow(c);
    TipRepliesIT.reply(tipC, "Bạn còn ở đó không?");
    Eventually.await(() -> "held".equals(TipRepliesIT.delivery(tipC)), "C held");
    TipRepliesIT.fakes.openWindow(c);
    assertEquals(tipC, TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, c, "Tôi đây"));
    // D: through a page whose token was revoked: failed.
    String d = TipRepliesIT.psid();
    long tipD = TipRepliesIT.messenger(TipRepliesIT.BAD_TOKEN_PAGE_ID, d, "Hội thoại D");
    TipRepliesIT.reply(tipD, "Đã nhận.");
    Eventually.await(() -> "sent".equals(TipRepliesIT.delivery(tipA)) && "sent".equals(TipRepliesIT.delivery(tipB))
        && "sent".equals(TipRepliesIT.delivery(tipC)) && "failed".equals(TipRepliesIT.delivery(tipD)), "the outcomes");

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    LocalDate from = today.minusDays(1);
    LocalDate to = today.plusDays(1);
    String ward = scalarText("SELECT path FROM tenant WHERE code = '00004' AND valid_to IS NULL");
    String[] segments = ward.split("/");
    String query = "/conversation-figures?from=" + from + "&to=" + to;

    JsonObject w = http().get("/api/units/00004" + query, officer).json();
    JsonObject expectedWard = expected(ward, from, to);
    assertFigures(expectedWard, w.getJsonObject("total"), "the ward");
    assertTrue(expectedWard.getLong("conversations") >= 4 && expectedWard.getLong("repliesAfterWait") >= 1
        && expectedWard.getLong("repliesFailed") >= 1 && expectedWard.getLong("repliesHeld") >= 1,
        "the four conversations are counted: " + expectedWard.encode());
    assertEquals("00004", w.getJsonArray("children").getJsonObject(0).getString("code"), "the unit itself first");

    String provinceCode = segments[1];
    String province = String.join("/", java.util.Arrays.copyOf(segments, 2));
    JsonObject p = http().get("/api/units/" + provinceCode + query, http().login("hanoi-supervisor")).json();
    assertFigures(expected(province, from, to), p.getJsonObject("total"), "the province");
    // Each child's row is its subtree's figures (drill-down).
    String childCode = segments[2];
    JsonObject child = p.getJsonArray("children").stream().map(JsonObject.class::cast)
        .filter(x -> childCode.equals(x.getString("code"))).findFirst().orElseThrow();
    assertFigures(expected(String.join("/", java.util.Arrays.copyOf(segments, 3)), from, to), child, "the child row");

    JsonObject n = http().get("/api/units/" + segments[0] + query, http().login("ministry-supervisor")).json();
    assertFigures(expected(segments[0], from, to), n.getJsonObject("total"), "the country");
    // A ward's officer cannot read the province's figures.
    assertEquals(403, http().get("/api/units/" + provinceCode + query, officer).status());

    // A tip that moves to another ward (a forward, a reorganisation) takes its figures with it.
    String other = scalarText("SELECT t.path FROM tenant t JOIN tenant w ON w.parent_id = t.parent_id"
        + " WHERE w.code = '00004' AND w.valid_to IS NULL AND t.valid_to IS NULL AND t.code <> '00004' ORDER BY t.code LIMIT 1");
    scalar("UPDATE tip SET tenant_path = ?, tenant_id = (SELECT id FROM tenant WHERE path = ? AND valid_to IS NULL)"
        + " WHERE id = ? RETURNING 1", other, other, tipB);
    String otherCode = other.substring(other.lastIndexOf('/') + 1);
    assertFigures(expected(ward, from, to), http().get("/api/units/00004" + query, officer).json().getJsonObject("total"),
        "the ward after the move");
    JsonObject moved = http().get("/api/units/" + otherCode + query, http().login("hanoi-supervisor")).json();
    JsonObject expectedOther = expected(other, from, to);
    assertFigures(expectedOther, moved.getJsonObject("total"), "the ward the tip moved to");
    assertTrue(expectedOther.getLong("conversations") >= 1 && expectedOther.getLong("repliesInWindow") >= 1,
        "the moved conversation and its reply: " + expectedOther.encode());
    assertFigures(expected(province, from, to), http().get("/api/units/" + provinceCode + query,
        http().login("hanoi-supervisor")).json().getJsonObject("total"), "the province, unchanged by a move inside it");

    // A tip whose day changes (as the roll-up tests do to every third tip) takes its figures to that day.
    scalar("UPDATE tip SET received_day = received_day - 5 WHERE id = ? RETURNING 1", tipA);
    JsonObject afterDay = expected(ward, from, to);
    assertFigures(afterDay, http().get("/api/units/00004" + query, officer).json().getJsonObject("total"),
        "the ward after a day change");
    String earlier = "/conversation-figures?from=" + from.minusDays(5) + "&to=" + from.minusDays(3);
    JsonObject then = http().get("/api/units/00004" + earlier, officer).json().getJsonObject("total");
    assertFigures(expected(ward, from.minusDays(5), from.minusDays(3)), then, "the day the tip moved to");
    assertTrue(then.getLong("conversations") >= 1, "tip A is counted on its new day: " + then.encode());
  }
}
