package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

/** The inbox as a work queue: overdue first, filters, folded search, paging, the unit's officers. */
class TipInboxIT {

  static final String COLLEAGUE = "badinh-officer2";
  private final String officer = http().login("badinh-officer");

  @BeforeAll
  static void aColleagueInTheWard() throws Exception {
    try (var c = owner(); var st = c.prepareStatement("""
        INSERT INTO app_user (username, display_name, tenant_id, tenant_path, role)
        SELECT ?, 'Trần Thị Hoa', id, path, 'OFFICER' FROM tenant WHERE code = '00004'
        ON CONFLICT (username) DO NOTHING""")) {
      st.setString(1, COLLEAGUE);
      st.executeUpdate();
    }
  }

  /** Three tips sharing a fresh word: one 2 h overdue, one due in 5 h, one resolved (oldest due). */
  private List<Long> queue(String word) throws Exception {
    long late = submit("00004", "crime", "Mất trộm xe máy " + word, null).getLong("tipId");
    long soon = submit("00004", "fraud", "Lừa đảo qua điện thoại " + word, null).getLong("tipId");
    long done = submit("00004", "crime", "Trộm cắp đã xử lý " + word, null).getLong("tipId");
    due(late, "-2 hours");
    due(soon, "5 hours");
    due(done, "-3 days");
    for (String step : List.of("triage", "assign", "start", "resolve")) {
      assertEquals(200, transition(officer, done, action(step)).status(), step);
    }
    return List.of(late, soon, done);
  }

  private static void due(long id, String offset) throws Exception {
    try (var c = owner(); var st = c.prepareStatement(
        "UPDATE tip SET sla_due_at = now() + ?::interval WHERE id = ?")) {
      st.setString(1, offset);
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  private JsonObject page(String query) {
    Http.Response r = http().get("/api/units/00004/tips?" + query, officer);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static List<Long> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(JsonObject.class::cast).map(t -> t.getLong("id")).toList();
  }

  private static String word() {
    return "x" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Test
  void the_work_queue_puts_the_overdue_first_and_closed_tips_last() throws Exception {
    String w = word();
    List<Long> q = queue(w);
    assertEquals(q, ids(page("sort=overdue&q=" + w)));
    // Newest first is still the default order.
    assertEquals(List.of(q.get(2), q.get(1), q.get(0)), ids(page("q=" + w)));
  }

  @Test
  void pages_have_a_total_and_an_offset() throws Exception {
    String w = word();
    List<Long> q = queue(w);
    JsonObject first = page("sort=overdue&limit=2&offset=0&q=" + w);
    assertEquals(3, first.getLong("total"));
    assertEquals(q.subList(0, 2), ids(first));
    JsonObject second = page("sort=overdue&limit=2&offset=2&q=" + w);
    assertEquals(3, second.getLong("total"));
    assertEquals(List.of(q.get(2)), ids(second));
  }

  @Test
  void filters_by_status_category_and_assignee_and_searches_without_accents() throws Exception {
    String w = word();
    List<Long> q = queue(w);
    assertEquals(List.of(q.get(0), q.get(1)), ids(page("sort=overdue&status=open&q=" + w)));
    assertEquals(List.of(q.get(0), q.get(2)), ids(page("sort=overdue&category=crime&q=" + w)));
    assertEquals(List.of(q.get(2)), ids(page("assigned=me&q=" + w)));
    assertEquals(List.of(q.get(0), q.get(1)), ids(page("sort=overdue&assigned=none&q=" + w)));
    // "lua dao" finds "Lừa đảo": the search folds accents and đ on both sides.
    assertEquals(List.of(q.get(1)), ids(page("q=" + java.net.URLEncoder.encode("lua dao qua dien thoai " + w,
        java.nio.charset.StandardCharsets.UTF_8))));
  }

  @Test
  void the_unit_officers_are_listed_by_name_only_and_another_unit_is_refused() {
    Http.Response r = http().get("/api/units/00004/officers", officer);
    assertEquals(200, r.status(), r.toString());
    var items = r.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertTrue(items.stream().anyMatch(u -> u.getString("username").equals(COLLEAGUE)
        && u.getString("displayName").equals("Trần Thị Hoa")), items.toString());
    assertTrue(items.stream().anyMatch(u -> u.getString("username").equals("badinh-officer")));
    items.forEach(u -> assertEquals(Set.of("username", "displayName"), u.fieldNames()));
    assertFalse(items.stream().anyMatch(u -> u.getString("username").equals("hoankiem-officer")));
    assertEquals(403, http().get("/api/units/00004/officers", http().login("hoankiem-officer")).status());
    assertEquals(403, http().get("/api/units/00070/officers", officer).status());
  }

  @Test
  void a_tip_is_assigned_to_a_colleague_of_its_unit_and_the_history_names_them() {
    long id = submit("00004", "crime", "Giao cho đồng nghiệp " + word(), null).getLong("tipId");
    assertEquals(200, transition(officer, id, action("triage")).status());
    assertTrue(transition(officer, id, action("assign").put("assignee", "hoankiem-officer"))
        .isProblem(400, "tip-assignee"));
    assertTrue(transition(officer, id, action("assign").put("assignee", "nobody"))
        .isProblem(400, "tip-assignee"));
    Http.Response r = transition(officer, id, action("assign").put("assignee", COLLEAGUE));
    assertEquals(200, r.status(), r.toString());
    JsonObject tip = r.json();
    assertEquals(COLLEAGUE, tip.getString("assignee"));
    JsonObject last = tip.getJsonArray("events").getJsonObject(tip.getJsonArray("events").size() - 1);
    assertEquals("assign", last.getString("action"));
    assertEquals("→ Trần Thị Hoa", last.getString("note"));
  }
}
