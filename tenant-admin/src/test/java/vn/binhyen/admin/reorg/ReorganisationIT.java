package vn.binhyen.admin.reorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.channel.ChannelEvents;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.tenant.ReorgParticipant;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

class ReorganisationIT {

  static Http http;
  static String hanoi;
  static final Set<Long> ownerChanged = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void setUp() {
    http = AdminFixtures.http();
    hanoi = http.login("hanoi-admin");
    TestPlatform.demo().vertx().eventBus().<JsonObject>consumer(ChannelEvents.OWNER_CHANGED,
        m -> m.body().getJsonArray("channelIds").forEach(id -> ownerChanged.add(((Number) id).longValue())));
    // A participant (as the tips module registers one) that refuses units named "Hỏng": the whole
    // step must roll back with it.
    TestPlatform.demo().services().reorgParticipants().add(new ReorgParticipant() {
      @Override
      public Future<Void> moveAll(SqlConnection tx, Tenant from, Tenant to) {
        return from.name().contains("Hỏng")
            ? Future.failedFuture(new DomainError.Conflict("participant-refused", "tips could not move"))
            : tx.query("SELECT 1").execute().mapEmpty();
      }
    });
  }

  @Test
  void a_failing_participant_rolls_the_whole_merge_back() {
    String broken = AdminFixtures.wardCode();
    Http.Response onboard = http.post("/api/admin/units/01/onboard", new JsonObject().put("code", broken)
        .put("name", "Phường Hỏng " + broken).put("level", "commune")
        .put("firstUser", AdminFixtures.newUser("broken-officer-" + broken, "OFFICER")), hanoi);
    assertEquals(201, onboard.status(), onboard.toString());
    Object[] b = wardWithChannel(null);
    Http.Response r = http.post("/api/admin/reorg/merge", new JsonObject()
        .put("sources", new JsonArray().add(broken).add(b[0])).put("target", b[0]), hanoi);
    assertTrue(r.isProblem(409, "participant-refused"), r.toString());
    assertEquals(200, http.get("/api/units/" + broken, hanoi).status());
    assertTrue(http.get("/api/admin/units/" + broken + "/users", hanoi).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(u -> u.getString("username").equals("broken-officer-" + broken)));
    assertEquals(0, http.get("/api/admin/units/" + b[0] + "/audit?action=reorg.merge", hanoi).json()
        .getJsonArray("items").size());
  }

  @Test
  void units_are_found_without_accents_within_the_subtree_only() {
    String code = AdminFixtures.wardCode();
    http.post("/api/admin/units/01/onboard", new JsonObject().put("code", code)
        .put("name", "Phường Đồng Xuân Thử " + code).put("level", "commune")
        .put("firstUser", AdminFixtures.newUser("search-officer-" + code, "OFFICER")), hanoi);
    JsonObject found = http.get("/api/units/01/search?q=dong%20xuan%20thu%20" + code, hanoi).json();
    assertEquals(code, found.getJsonArray("items").getJsonObject(0).getString("code"), found.encode());
    JsonObject none = http.get("/api/units/66/search?q=dong%20xuan%20thu%20" + code, http.login("daklak-admin")).json();
    assertEquals(0, none.getJsonArray("items").size());
  }

  /** A ward with an officer and one channel with figures; answers {code, officerToken, channelId}. */
  private static Object[] wardWithChannel(String serves) {
    String code = AdminFixtures.wardCode();
    JsonObject first = AdminFixtures.onboardWard(http, hanoi, "01", code, "reorg-officer-" + code, "OFFICER")
        .getJsonObject("firstUser");
    String token = AdminFixtures.activate(http, first);
    Http.Response ch = http.post("/api/admin/units/" + code + "/channels", new JsonObject().put("platform", "zalo_group")
        .put("link", "https://zalo.me/g/reorg" + code).put("name", "Nhóm " + code).put("serves", serves), token);
    long id = ch.json().getLong("id");
    http.raw("PUT", "/api/admin/channels/" + id + "/figures", "{\"followers\":100,\"posts\":10,\"questionsAnswered\":1}",
        "application/json", token);
    return new Object[] {code, token, id};
  }

  private static JsonObject post(String path, JsonObject body) {
    Http.Response r = http.post(path, body, hanoi);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static Set<Long> channelIds(String code) {
    return http.get("/api/admin/units/" + code + "/channels", hanoi).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).map(c -> c.getLong("id")).collect(Collectors.toSet());
  }

  @Test
  void merge_dry_run_changes_nothing_then_channels_users_and_figures_follow_the_survivor() throws InterruptedException {
    Object[] a = wardWithChannel(null);
    Object[] b = wardWithChannel(null);
    String codeA = (String) a[0];
    String codeB = (String) b[0];
    long channelA = (long) a[2];
    http.post("/api/admin/channels/" + channelA + "/verification-request", null, (String) a[1]);
    http.post("/api/admin/channels/" + channelA + "/approve", null, hanoi);
    JsonObject provinceBefore = http.get("/api/admin/units/01/figures", hanoi).json();
    for (int i = 0; i < 2; i++) {
      assertEquals(201, http.post("/api/public/tips", new JsonObject().put("unit", codeA).put("category", "other")
          .put("text", "Tin báo trước khi hợp nhất " + i), null).status());
    }

    JsonObject merge = new JsonObject().put("sources", new JsonArray().add(codeA).add(codeB)).put("target", codeB);
    JsonObject dry = post("/api/admin/reorg/merge", merge.copy().put("dryRun", true));
    assertTrue(dry.getBoolean("dryRun"));
    // The tips that follow, counted by the tips module's participant before they move.
    assertEquals(2, dry.getInteger("tipsMoved"), dry.encode());
    assertEquals(1, dry.getInteger("channelsMoved"));
    assertEquals(1, dry.getInteger("usersMoved"));
    assertEquals(Set.of(channelA), channelIds(codeA));
    assertEquals(200, http.get("/api/units/" + codeA, hanoi).status());

    JsonObject done = post("/api/admin/reorg/merge", merge);
    assertEquals(new JsonArray().add(codeA), done.getJsonArray("closed"));
    assertEquals(Set.of(channelA, (long) b[2]), channelIds(codeB));
    assertTrue(ownerChangedSoon(channelA), "the move is announced through the outbox");

    JsonObject resolved = http.get("/api/public/units/" + codeA, null).json();
    assertEquals(codeB, resolved.getJsonArray("successors").getJsonObject(0).getString("code"), resolved.encode());
    assertTrue(http.get("/api/admin/units/" + codeB + "/users", hanoi).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(u -> u.getString("username").equals("reorg-officer-" + codeA)));

    JsonObject provinceAfter = http.get("/api/admin/units/01/figures", hanoi).json();
    for (String k : new String[] {"channels", "verifiedChannels", "followers", "posts", "questionsAnswered"}) {
      assertEquals(provinceBefore.getLong(k), provinceAfter.getLong(k), k);
    }
    assertEquals(provinceBefore.getLong("wards") - 1, provinceAfter.getLong("wards"));
    JsonObject wardB = http.get("/api/admin/units/" + codeB + "/figures", hanoi).json();
    assertEquals(200, wardB.getLong("followers"));
    assertEquals(1, wardB.getLong("wardsCovered"));
    assertTrue(http.get("/api/admin/units/" + codeB + "/audit?action=reorg.merge", hanoi).json()
        .getJsonArray("items").size() >= 1);
  }

  @Test
  void a_merge_or_move_that_would_create_a_cycle_is_refused_and_writes_nothing() {
    Object[] a = wardWithChannel(null);
    String code = (String) a[0];
    Http.Response merge = http.post("/api/admin/reorg/merge", new JsonObject()
        .put("sources", new JsonArray().add("01")).put("target", code), http.login("ministry-admin"));
    assertTrue(merge.isProblem(409, "reorg-cycle"), merge.toString());
    Http.Response move = http.post("/api/admin/reorg/move", new JsonObject().put("unit", "01").put("parent", code),
        http.login("ministry-admin"));
    assertTrue(move.isProblem(409, "reorg-cycle"), move.toString());
    assertEquals("BCA/01", http.get("/api/units/01", hanoi).json().getString("path"));
  }

  @Test
  void another_province_admin_cannot_reorganise_hanoi() {
    Object[] a = wardWithChannel(null);
    Object[] b = wardWithChannel(null);
    Http.Response r = http.post("/api/admin/reorg/merge", new JsonObject()
        .put("sources", new JsonArray().add(a[0]).add(b[0])).put("target", b[0]), http.login("daklak-admin"));
    assertTrue(r.isProblem(403, "forbidden"), r.toString());
    assertEquals(Set.of((long) a[2]), channelIds((String) a[0]));
  }

  @Test
  void move_under_a_new_district_rewrites_the_paths_of_units_users_and_channels() throws InterruptedException {
    Object[] a = wardWithChannel(null);
    String ward = (String) a[0];
    String district = String.valueOf(900 + (Integer.parseInt(ward) % 100));
    Http.Response d = http.post("/api/admin/units/01/onboard", new JsonObject().put("code", district)
        .put("name", "Quận Thử " + district).put("level", "district")
        .put("firstUser", AdminFixtures.newUser("district-admin-" + ward, "UNIT_ADMIN")), hanoi);
    assertEquals(201, d.status(), d.toString());
    JsonObject moved = post("/api/admin/reorg/move", new JsonObject().put("unit", ward).put("parent", district));
    assertEquals(1, moved.getInteger("unitsRepathed"));
    assertEquals("BCA/01/" + district + "/" + ward, http.get("/api/units/" + ward, hanoi).json().getString("path"));
    JsonObject channel = http.get("/api/admin/units/" + ward + "/channels", hanoi).json().getJsonArray("items").getJsonObject(0);
    assertEquals("BCA/01/" + district + "/" + ward, channel.getString("tenantPath"));
    assertEquals(100, http.get("/api/admin/units/" + district + "/figures", hanoi).json().getLong("followers"));
    assertTrue(ownerChangedSoon((long) a[2]), "the move is announced through the outbox");
    // The officer's row followed: the district admin sees them.
    String districtAdmin = AdminFixtures.activate(http, d.json().getJsonObject("firstUser"));
    assertTrue(http.get("/api/admin/units/" + district + "/users", districtAdmin).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(u -> u.getString("username").equals("reorg-officer-" + ward)));
  }

  @Test
  void split_sends_a_channel_by_its_recorded_location_else_to_the_chosen_successor_for_review() {
    Object[] f = wardWithChannel(null);
    Object[] g = wardWithChannel(null);
    String codeG = (String) g[0];
    Object[] e = wardWithChannel("Tổ dân phố 3, Phuong Thu " + codeG);
    String codeE = (String) e[0];
    String officerE = (String) e[1];
    Http.Response second = http.post("/api/admin/units/" + codeE + "/channels", new JsonObject().put("platform", "facebook_page")
        .put("link", "https://facebook.com/conganphuong" + codeE).put("name", "Trang " + codeE), officerE);
    long unlocated = second.json().getLong("id");

    JsonObject body = new JsonObject().put("unit", codeE).put("successors", new JsonArray().add(f[0]).add(codeG))
        .put("defaultSuccessor", f[0]);
    JsonObject dry = post("/api/admin/reorg/split", body.copy().put("dryRun", true));
    assertEquals(2, dry.getInteger("channelsMoved"));
    assertEquals(Set.of((long) e[2], unlocated), channelIds(codeE));

    JsonObject done = post("/api/admin/reorg/split", body);
    // One channel, one user, and (with participants registered) their data as a whole.
    int participantData = TestPlatform.demo().services().reorgParticipants().all().isEmpty() ? 0 : 1;
    assertEquals(2 + participantData, done.getInteger("reviewItems"), done.encode());
    assertTrue(channelIds(codeG).contains((long) e[2]));
    assertTrue(channelIds((String) f[0]).contains(unlocated));
    JsonObject resolved = http.get("/api/public/units/" + codeE, null).json();
    assertEquals(2, resolved.getJsonArray("successors").size());
  }

  @Test
  void a_splits_review_items_are_listed_and_resolved_in_the_successors_scope_only() {
    Object[] f = wardWithChannel(null);
    Object[] g = wardWithChannel(null);
    Object[] e = wardWithChannel(null);
    String codeF = (String) f[0];
    post("/api/admin/reorg/split", new JsonObject().put("unit", e[0]).put("successors", new JsonArray().add(codeF).add(g[0]))
        .put("defaultSuccessor", codeF));
    JsonArray items = http.get("/api/admin/units/" + codeF + "/reorg-reviews", hanoi).json().getJsonArray("items");
    JsonObject channel = items.stream().map(JsonObject.class::cast).filter(i -> i.getString("kind").equals("channel"))
        .findFirst().orElseThrow(() -> new AssertionError("no channel to review: " + items.encode()));
    assertEquals((long) e[2], channel.getLong("itemId"));
    assertEquals(e[0], channel.getString("fromCode"));
    assertEquals(codeF, channel.getString("toCode"));
    long id = channel.getLong("id");
    String resolve = "/api/admin/units/" + codeF + "/reorg-reviews/" + id + "/resolve";

    // Another province's admin is refused; through another ward of its own, Hà Nội's admin finds nothing.
    assertEquals(403, http.post(resolve, new JsonObject(), http.login("daklak-admin")).status());
    assertTrue(http.post("/api/admin/units/" + g[0] + "/reorg-reviews/" + id + "/resolve", new JsonObject(), hanoi)
        .isProblem(404, "not-found"));
    assertEquals(204, http.post(resolve, new JsonObject(), hanoi).status());
    assertFalse(http.get("/api/admin/units/" + codeF + "/reorg-reviews", hanoi).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(i -> i.getLong("id") == id));
    assertTrue(http.post(resolve, new JsonObject(), hanoi).isProblem(404, "not-found"), "resolved once only");
    assertTrue(http.get("/api/admin/units/01/audit?action=reorg.review.resolve", hanoi).body().contains("channel:" + e[2]));
  }

  @Test
  void rename_dry_run_reports_and_apply_renames() {
    Object[] a = wardWithChannel(null);
    String code = (String) a[0];
    JsonObject dry = post("/api/admin/reorg/rename", new JsonObject().put("unit", code).put("name", "Phường Mới").put("dryRun", true));
    assertEquals(1, dry.getJsonArray("renamed").size());
    assertEquals("Phường Thử " + code, http.get("/api/units/" + code, hanoi).json().getString("name"));
    post("/api/admin/reorg/rename", new JsonObject().put("unit", code).put("name", "Phường Mới"));
    assertEquals("Phường Mới", http.get("/api/units/" + code, hanoi).json().getString("name"));
  }

  /** The announcement comes through the outbox after commit: wait for it, bounded. */
  private static boolean ownerChangedSoon(long channelId) throws InterruptedException {
    for (int i = 0; i < 200 && !ownerChanged.contains(channelId); i++) {
      Thread.sleep(50);
    }
    return ownerChanged.contains(channelId);
  }
}
