package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

class TipConfidentialityIT {

  private static final String PHONE = "0987 654 321 Nguyễn Văn A";
  private static final String REASON = "Cần liên hệ người báo để xác minh địa điểm";

  /**
   * Whether a text carries the tipster's contact: the number or the name. Not just "0987": four
   * digits also turn up by chance in instants, ids and ciphertext.
   */
  private static boolean showsIdentity(String text) {
    return text.contains("0987 654 321") || text.contains("654 321") || text.contains("Nguyễn Văn A");
  }

  private static JsonObject reason(String text) {
    return new JsonObject().put("reason", text);
  }

  @Test
  void only_the_handling_units_officer_reveals_the_contact_and_the_reveal_is_audited() throws Exception {
    long id = submit("00004", "crime", "Tố giác đánh bạc", PHONE).getLong("tipId");
    String officer = http().login("badinh-officer");
    JsonObject tip = http().get("/api/tips/" + id, officer).json();
    assertTrue(tip.getBoolean("hasContact"));
    assertFalse(showsIdentity(tip.encode()), "reading a tip never shows the identity");
    long audits = scalar("SELECT count(*) FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?", "tip:" + id);
    Http.Response r = http().post("/api/tips/" + id + "/identity", reason(REASON), officer);
    assertEquals(200, r.status(), r.toString());
    assertEquals(PHONE, r.json().getString("contact"));
    assertEquals(audits + 1, scalar("SELECT count(*) FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?", "tip:" + id));
  }

  @Test
  void supervisors_admins_and_neighbouring_officers_never_get_the_identity() {
    long id = submit("00004", "crime", "Tố giác", PHONE).getLong("tipId");
    for (String user : new String[] {"hanoi-supervisor", "hanoi-admin", "badinh-admin", "ministry-admin", "ministry-supervisor"}) {
      Http.Response r = http().post("/api/tips/" + id + "/identity", reason(REASON), http().login(user));
      assertEquals(403, r.status(), user + ": " + r);
      assertFalse(showsIdentity(r.body()));
    }
    Http.Response neighbour = http().post("/api/tips/" + id + "/identity", reason(REASON), http().login("hoankiem-officer"));
    assertEquals(404, neighbour.status());
  }

  @Test
  void a_raw_select_of_the_tips_table_shows_no_clear_contact() throws Exception {
    long id = submit("00004", "crime", "Tố giác", PHONE).getLong("tipId");
    try (var c = owner(); var st = c.prepareStatement("SELECT t::text, encode(contact_sealed, 'escape') FROM tip t WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        assertFalse(showsIdentity(rs.getString(1)));
        assertFalse(showsIdentity(rs.getString(2)));
        assertFalse(rs.getString(1).contains("Nguyễn Văn A"));
      }
    }
  }

  @Test
  void the_receipt_follow_up_never_shows_the_contact() {
    JsonObject r = submit("00004", "crime", "Tố giác", PHONE);
    assertFalse(showsIdentity(follow(r.getString("receipt"), r.getString("secret")).body()));
  }

  @Test
  void a_reveal_without_a_usable_reason_is_refused_and_reveals_nothing() throws Exception {
    long id = submit("00004", "crime", "Tố giác", PHONE).getLong("tipId");
    String officer = http().login("badinh-officer");
    long audits = scalar("SELECT count(*) FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?", "tip:" + id);
    for (JsonObject body : new JsonObject[] {null, new JsonObject(), reason("   "), reason("  ab  ")}) {
      Http.Response r = http().post("/api/tips/" + id + "/identity", body, officer);
      assertTrue(r.isProblem(400, "reveal-reason-required"), body + ": " + r);
      assertFalse(showsIdentity(r.body()), r.body());
      assertTrue(r.json().getString("detail").contains("500"), "the detail says what to write: " + r);
    }
    Http.Response tooLong = http().post("/api/tips/" + id + "/identity", reason("x".repeat(501)), officer);
    assertTrue(tooLong.isProblem(400, "reveal-reason-too-long"), tooLong.toString());
    assertEquals(200, http().post("/api/tips/" + id + "/identity", reason("  " + "x".repeat(500) + "  "), officer).status(),
        "500 characters once trimmed are enough");
    assertEquals(audits + 1, scalar("SELECT count(*) FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?", "tip:" + id));
    assertEquals(1, scalar("SELECT count(*) FROM tip_event WHERE tip_id = ? AND kind = 'identity'", id));
  }

  @Test
  void the_reason_is_kept_in_the_audit_entry_and_in_the_tips_history_for_the_units_officers() throws Exception {
    JsonObject sent = submit("00004", "crime", "Tố giác đánh bạc ở ngõ 5", PHONE);
    long id = sent.getLong("tipId");
    String officer = http().login("badinh-officer");
    assertEquals(200, http().post("/api/tips/" + id + "/identity", reason("  " + REASON + "  "), officer).status());
    assertEquals(REASON, scalarText("SELECT after->>'reason' FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?",
        "tip:" + id));
    JsonObject reveal = http().get("/api/tips/" + id, officer).json().getJsonArray("events").stream()
        .map(JsonObject.class::cast).filter(e -> "identity".equals(e.getString("kind"))).findFirst()
        .orElseThrow(() -> new AssertionError("no identity event in the tip's history"));
    assertEquals("reveal", reveal.getString("action"));
    assertEquals("badinh-officer", reveal.getString("actor"));
    assertEquals(REASON, reveal.getString("note"));
    assertTrue(reveal.getString("at") != null && !reveal.getString("at").isBlank());
    Http.Response citizen = follow(sent.getString("receipt"), sent.getString("secret"));
    assertEquals(200, citizen.status(), citizen.toString());
    assertFalse(citizen.body().contains(REASON), "the citizen never sees the reveal's reason: " + citizen.body());
    assertFalse(citizen.body().contains("identity"), "nor the reveal itself: " + citizen.body());
    assertFalse(citizen.body().contains("badinh-officer"), citizen.body());
  }
}
