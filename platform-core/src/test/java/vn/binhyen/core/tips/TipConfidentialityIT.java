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

  @Test
  void only_the_handling_units_officer_reveals_the_contact_and_the_reveal_is_audited() throws Exception {
    long id = submit("00004", "crime", "Tố giác đánh bạc", PHONE).getLong("tipId");
    String officer = http().login("badinh-officer");
    JsonObject tip = http().get("/api/tips/" + id, officer).json();
    assertTrue(tip.getBoolean("hasContact"));
    assertFalse(tip.encode().contains("0987"), "reading a tip never shows the identity");
    long audits = scalar("SELECT count(*) FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?", "tip:" + id);
    Http.Response r = http().post("/api/tips/" + id + "/identity", null, officer);
    assertEquals(200, r.status(), r.toString());
    assertEquals(PHONE, r.json().getString("contact"));
    assertEquals(audits + 1, scalar("SELECT count(*) FROM audit_log WHERE action = 'tip.identity.reveal' AND target = ?", "tip:" + id));
  }

  @Test
  void supervisors_admins_and_neighbouring_officers_never_get_the_identity() {
    long id = submit("00004", "crime", "Tố giác", PHONE).getLong("tipId");
    for (String user : new String[] {"hanoi-supervisor", "hanoi-admin", "badinh-admin", "ministry-admin", "ministry-supervisor"}) {
      Http.Response r = http().post("/api/tips/" + id + "/identity", null, http().login(user));
      assertEquals(403, r.status(), user + ": " + r);
      assertFalse(r.body().contains("0987"));
    }
    Http.Response neighbour = http().post("/api/tips/" + id + "/identity", null, http().login("hoankiem-officer"));
    assertEquals(404, neighbour.status());
  }

  @Test
  void a_raw_select_of_the_tips_table_shows_no_clear_contact() throws Exception {
    long id = submit("00004", "crime", "Tố giác", PHONE).getLong("tipId");
    try (var c = owner(); var st = c.prepareStatement("SELECT t::text, encode(contact_sealed, 'escape') FROM tip t WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        assertFalse(rs.getString(1).contains("0987"));
        assertFalse(rs.getString(2).contains("0987"));
        assertFalse(rs.getString(1).contains("Nguyễn Văn A"));
      }
    }
  }

  @Test
  void the_receipt_follow_up_never_shows_the_contact() {
    JsonObject r = submit("00004", "crime", "Tố giác", PHONE);
    assertFalse(follow(r.getString("receipt"), r.getString("secret")).body().contains("0987"));
  }
}
