package vn.binhyen.admin.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

class ChannelRegistryIT {

  static Http http;
  static String hanoi;
  static final LinkedBlockingQueue<JsonObject> approved = new LinkedBlockingQueue<>();

  @BeforeAll
  static void setUp() {
    http = AdminFixtures.http();
    hanoi = http.login("hanoi-admin");
    // channel-verifier is not in this module's test JVM: the test takes its place as the
    // outbox's handler of approvals.
    TestPlatform.demo().services().outbox().handle(ChannelEvents.APPROVED, p -> {
      approved.add(p);
      return io.vertx.core.Future.succeededFuture();
    });
  }

  /** A fresh ward of Hà Nội with a signed-in officer. */
  private static String[] wardWithOfficer() {
    String code = AdminFixtures.wardCode();
    JsonObject first = AdminFixtures.onboardWard(http, hanoi, "01", code, "officer-" + code, "OFFICER")
        .getJsonObject("firstUser");
    return new String[] {code, AdminFixtures.activate(http, first)};
  }

  private static JsonObject register(String code, String token, String link) {
    Http.Response r = http.post("/api/admin/units/" + code + "/channels", new JsonObject().put("platform", "zalo_group")
        .put("link", link).put("name", "Nhóm Zalo Tổ dân phố 5").put("serves", "Tổ dân phố 5")
        .put("admins", "Nguyễn Văn A"), token);
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  @Test
  void officer_registers_a_group_requests_verification_and_the_province_approves_it() throws Exception {
    String[] ward = wardWithOfficer();
    JsonObject ch = register(ward[0], ward[1], "https://zalo.me/g/tdp5" + ward[0]);
    assertEquals("pending", ch.getString("status"));
    assertEquals("zalo.me/g/tdp5" + ward[0], ch.getString("normalizedId"));
    long id = ch.getLong("id");

    assertEquals(200, http.post("/api/admin/channels/" + id + "/verification-request", null, ward[1]).status());
    assertTrue(http.post("/api/admin/channels/" + id + "/verification-request", null, ward[1])
        .isProblem(409, "verification-already-requested"));
    assertTrue(http.post("/api/admin/channels/" + id + "/approve", null, ward[1]).isProblem(403, "forbidden"));
    assertTrue(http.post("/api/admin/channels/" + id + "/approve", null, http.login("daklak-admin"))
        .isProblem(404, "not-found"));

    Http.Response queue = http.get("/api/admin/units/01/approvals?limit=500", hanoi);
    assertTrue(queue.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(r -> r.getLong("channelId") == id), queue.toString());

    Http.Response ok = http.post("/api/admin/channels/" + id + "/approve", null, hanoi);
    assertEquals("verified", ok.json().getString("status"), ok.toString());
    JsonObject event = approved.poll(10, TimeUnit.SECONDS);
    while (event != null && event.getLong("channelId") != id) {
      event = approved.poll(10, TimeUnit.SECONDS);
    }
    assertEquals("zalo.me/g/tdp5" + ward[0], event.getString("normalizedId"));
    assertEquals("BCA/01/" + ward[0], event.getString("tenantPath"));
    assertTrue(event.containsKey("approvedBy"));

    JsonObject figures = http.get("/api/admin/units/" + ward[0] + "/figures", hanoi).json();
    assertEquals(1, figures.getLong("wards"));
    assertEquals(1, figures.getLong("wardsCovered"));
    assertEquals(1.0, figures.getDouble("coverage"));
  }

  @Test
  void rejection_needs_a_reason_and_keeps_the_channel_pending() {
    String[] ward = wardWithOfficer();
    long id = register(ward[0], ward[1], "https://zalo.me/g/rej" + ward[0]).getLong("id");
    http.post("/api/admin/channels/" + id + "/verification-request", null, ward[1]);
    assertEquals(400, http.post("/api/admin/channels/" + id + "/reject", new JsonObject().put("reason", "  "), hanoi).status());
    Http.Response r = http.post("/api/admin/channels/" + id + "/reject", new JsonObject().put("reason", "Sai tên nhóm"), hanoi);
    assertEquals("pending", r.json().getString("status"), r.toString());
    assertEquals("Sai tên nhóm", r.json().getString("statusReason"));
    assertTrue(http.post("/api/admin/channels/" + id + "/approve", null, hanoi).isProblem(409, "no-open-request"));
  }

  @Test
  void a_bad_link_or_a_duplicate_is_refused_and_another_ward_cannot_edit() {
    String[] ward = wardWithOfficer();
    Http.Response bad = http.post("/api/admin/units/" + ward[0] + "/channels", new JsonObject().put("platform", "zalo_group")
        .put("link", "https://www.youtube.com/watch?v=abc").put("name", "Nhóm"), ward[1]);
    assertTrue(bad.isProblem(400, "invalid-link"), bad.toString());
    long id = register(ward[0], ward[1], "https://zalo.me/g/dup" + ward[0]).getLong("id");
    Http.Response dup = http.post("/api/admin/units/" + ward[0] + "/channels", new JsonObject().put("platform", "zalo_group")
        .put("link", "zalo.me/g/dup" + ward[0]).put("name", "Nhóm khác"), ward[1]);
    assertTrue(dup.isProblem(409, "channel-exists"), dup.toString());
    assertTrue(http.post("/api/admin/units/" + ward[0] + "/channels", new JsonObject().put("platform", "zalo_group")
        .put("link", "zalo.me/g/other" + ward[0]).put("name", "Nhóm"), http.login("hoankiem-officer")).isProblem(403, "forbidden"));
    Http.Response edit = http.patch("/api/admin/channels/" + id, new JsonObject().put("name", "Đổi tên"), http.login("hoankiem-officer"));
    assertTrue(edit.isProblem(404, "not-found"), edit.toString());
    Http.Response mine = http.patch("/api/admin/channels/" + id, new JsonObject().put("name", "Nhóm Zalo TDP 5 (mới)"), ward[1]);
    assertEquals("Nhóm Zalo TDP 5 (mới)", mine.json().getString("displayName"));
    assertTrue(http.post("/api/admin/channels/" + id + "/archive", null, ward[1]).json().getBoolean("archived"));
  }

  @Test
  void figures_by_hand_and_by_csv_roll_up_and_a_bad_csv_line_changes_nothing() {
    String[] ward = wardWithOfficer();
    long a = register(ward[0], ward[1], "https://zalo.me/g/figa" + ward[0]).getLong("id");
    long b = register(ward[0], ward[1], "https://zalo.me/g/figb" + ward[0]).getLong("id");
    Http.Response put = http.raw("PUT", "/api/admin/channels/" + a + "/figures",
        "{\"followers\":120,\"posts\":7,\"questionsAnswered\":3}", "application/json", ward[1]);
    assertEquals(200, put.status(), put.toString());
    String csv = "channel,followers,posts,questions_answered\n" + b + ",80,2,1\nzalo.me/g/figa" + ward[0] + ",130,8,4\n";
    Http.Response up = http.raw("POST", "/api/admin/units/" + ward[0] + "/channel-figures", csv, "text/csv", ward[1]);
    assertEquals(200, up.status(), up.toString());

    String bad = "channel,followers,posts,questions_answered\n" + b + ",999,9,9\n" + a + ",-1,0,0\n";
    Http.Response refused = http.raw("POST", "/api/admin/units/" + ward[0] + "/channel-figures", bad, "text/csv", ward[1]);
    assertTrue(refused.isProblem(400, "figures-refused"), refused.toString());
    assertEquals(3, refused.json().getJsonArray("errors").getJsonObject(0).getInteger("line"));

    JsonObject f = http.get("/api/admin/units/" + ward[0] + "/figures", hanoi).json();
    assertEquals(210, f.getLong("followers"));
    assertEquals(10, f.getLong("posts"));
    assertEquals(5, f.getLong("questionsAnswered"));
    assertEquals(0, f.getLong("wardsCovered"));
  }
}
