package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

class TipWorkflowIT {

  private final String officer = http().login("badinh-officer");

  private long newTip(String unit) {
    return submit(unit, "security_order", "Tụ tập gây rối trật tự khu phố", null).getLong("tipId");
  }

  @Test
  void a_tip_goes_from_received_to_resolved_and_every_step_is_recorded() {
    long id = newTip("00004");
    for (String step : List.of("triage", "assign", "start", "resolve")) {
      Http.Response r = transition(officer, id, action(step).put("note", "bước " + step));
      assertEquals(200, r.status(), step + ": " + r);
    }
    JsonObject tip = http().get("/api/tips/" + id, officer).json();
    assertEquals("resolved", tip.getString("status"));
    assertEquals("badinh-officer", tip.getString("assignee"));
    assertNotNull(tip.getString("firstResponseAt"));
    var actions = tip.getJsonArray("events").stream().map(JsonObject.class::cast)
        .map(e -> e.getString("action") + ":" + e.getString("to") + ":" + e.getString("actor")).toList();
    assertEquals(List.of("receive:received:Người báo tin / citizen", "triage:triaged:badinh-officer",
        "assign:assigned:badinh-officer", "start:in_progress:badinh-officer", "resolve:resolved:badinh-officer"), actions);
  }

  @Test
  void jumping_over_states_or_leaving_a_final_state_is_a_conflict() {
    long id = newTip("00004");
    assertTrue(transition(officer, id, action("resolve")).isProblem(409, "tip-illegal-transition"));
    assertTrue(transition(officer, id, action("start")).isProblem(409, "tip-illegal-transition"));
    assertEquals(200, transition(officer, id, action("reject").put("reason", "spam")).status());
    assertTrue(transition(officer, id, action("triage")).isProblem(409, "tip-illegal-transition"));
    assertEquals("spam", http().get("/api/tips/" + id, officer).json().getString("rejectReason"));
  }

  @Test
  void rejecting_needs_a_reason() {
    long id = newTip("00004");
    assertTrue(transition(officer, id, action("reject")).isProblem(400, "tip-reject-reason"));
  }

  @Test
  void officer_of_another_ward_cannot_see_or_move_the_tip() {
    long id = newTip("00004");
    String other = http().login("hoankiem-officer");
    assertTrue(http().get("/api/tips/" + id, other).isProblem(404, "not-found"));
    assertTrue(transition(other, id, action("triage")).isProblem(404, "not-found"));
    String daklak = http().login("buonmathuot-officer");
    assertEquals(404, http().get("/api/tips/" + id, daklak).status());
  }

  @Test
  void supervisor_reads_the_tip_but_cannot_change_it() {
    long id = newTip("00004");
    String supervisor = http().login("hanoi-supervisor");
    assertEquals(200, http().get("/api/tips/" + id, supervisor).status());
    assertTrue(transition(supervisor, id, action("triage")).isProblem(403, "forbidden"));
    assertEquals(403, http().post("/api/tips/" + id + "/replies", new JsonObject().put("text", "x"), supervisor).status());
    String admin = http().login("hanoi-admin");
    assertTrue(transition(admin, id, action("triage")).isProblem(403, "forbidden"), "a province admin operates only its own unit");
  }

  @Test
  void forwarding_hands_the_tip_to_the_other_ward_and_it_starts_over() {
    long id = newTip("00004");
    assertEquals(200, transition(officer, id, action("triage")).status());
    Http.Response r = transition(officer, id, action("forward").put("toUnit", "00070").put("note", "thuộc địa bàn Hoàn Kiếm"));
    assertEquals(200, r.status(), r.toString());
    assertEquals("received", r.json().getString("status"));
    assertEquals("00070", r.json().getString("unit"));
    assertEquals(404, http().get("/api/tips/" + id, officer).status(), "the old ward no longer sees it");
    String other = http().login("hoankiem-officer");
    assertEquals(200, transition(other, id, action("triage")).status());
  }

  @Test
  void escalating_hands_the_tip_to_the_parent_unit() {
    long id = newTip("00004");
    Http.Response r = transition(officer, id, action("escalate").put("note", "vượt thẩm quyền"));
    assertEquals(200, r.status(), r.toString());
    assertEquals("01", r.json().getString("unit"));
    String admin = http().login("hanoi-admin");
    assertEquals(200, transition(admin, id, action("triage")).status(), "the province unit now handles it");
  }

  @Test
  void forwarding_to_an_unknown_unit_is_not_found() {
    long id = newTip("00004");
    assertEquals(404, transition(officer, id, action("forward").put("toUnit", "99998")).status());
    assertTrue(transition(officer, id, action("forward")).isProblem(400, "tip-forward-unit"));
  }

  @Test
  void inbox_filters_and_searches_with_or_without_accents() {
    String marker = "Trộm cắp xe đạp điện ở chợ Ngọc Hà " + System.nanoTime();
    long id = submit("00004", "crime", marker, null).getLong("tipId");
    for (String q : List.of("trộm cắp xe đạp", "trom cap xe dap", "TRÔ\u0323M CĂ\u0301P")) {
      JsonObject page = http().get("/api/units/00004/tips?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
          + "&status=received&category=crime&limit=10", officer).json();
      assertTrue(page.getJsonArray("items").stream().map(JsonObject.class::cast).anyMatch(t -> t.getLong("id") == id), q);
    }
    JsonObject none = http().get("/api/units/00004/tips?q=trom&category=fire", officer).json();
    assertTrue(none.getJsonArray("items").stream().map(JsonObject.class::cast).noneMatch(t -> t.getLong("id") == id));
    assertEquals(403, http().get("/api/units/00004/tips", http().login("hoankiem-officer")).status());
    JsonObject paged = http().get("/api/units/00004/tips?limit=2&offset=0&sort=oldest", officer).json();
    assertEquals(2, paged.getJsonArray("items").size());
    assertTrue(paged.getLong("total") >= 2);
  }

  @Test
  void unanswered_tips_past_their_sla_are_flagged_and_counted() throws Exception {
    long id = newTip("24133");
    SlaSweeper sweeper = TipWorld.demo().services().get(SlaSweeper.class);
    long before = http().get("/api/units/66/rollup", http().login("daklak-supervisor")).json().getLong("breaches");
    int flagged = sweeper.sweep(java.time.OffsetDateTime.now().plusDays(10)).toCompletionStage().toCompletableFuture().get();
    assertTrue(flagged >= 1);
    JsonObject tip = http().get("/api/tips/" + id, http().login("buonmathuot-officer")).json();
    assertTrue(tip.getBoolean("slaBreached"));
    long after = http().get("/api/units/66/rollup", http().login("daklak-supervisor")).json().getLong("breaches");
    assertTrue(after >= before + 1, before + " → " + after);
    assertEquals(0, scalar(ROLLUP_DIFF));
  }
}
