package vn.binhyen.verifier.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.testing.Eventually;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Alerts reach the official channels in scope through the outbox and the one platform client,
 * against the local fakes of the Graph API and Zalo's Open API: a province alert posts on every
 * verified page and OA of its wards and nowhere outside; community groups wait for the officer;
 * rate limits and transport failures are retried, refusals reported in the platform's words;
 * an expired Zalo token is refreshed; work delivered twice posts once; a cancellation stops what
 * is still queued; the figures roll up.
 */
class AlertDeliveryIT {

  static final PlatformFakes fakes = PlatformFakes.shared();
  static Http http;
  static String hanoiAdmin;
  static String daklakAdmin;
  // Hà Nội: a page in Ba Đình, an OA in Hoàn Kiếm, a Zalo group in Ba Đình (by hand).
  static final String PAGE_BADINH = "104857600888001";
  static final String OA_HOANKIEM = "1357924680888002";
  static long groupBadinh;
  static long pageBadinhId;
  // Đắk Lắk (outside Hà Nội's subtree): pages whose platform misbehaves.
  static final String PAGE_DAKLAK = "104857600888011";
  static final String PAGE_LIMITED = "104857600888012";
  static final String PAGE_REFUSED = "104857600888013";
  static final String PAGE_DOWN = "104857600888014";
  static final String OA_EXPIRED = "1357924680888015";
  static final Map<String, Long> channelIds = new HashMap<>();

  @BeforeAll
  static void channels() throws Exception {
    http = TestPlatform.http();
    AlertImagesIT.http = http;
    hanoiAdmin = http.login("hanoi-admin");
    daklakAdmin = http.login("daklak-admin");
    fakes.acceptToken("EAAGalertpage888001");
    fakes.acceptToken("EAAGalertpage888011");
    fakes.acceptToken("EAAGalertpage888012");
    fakes.acceptToken("EAAGalertpage888013");
    fakes.acceptToken("EAAGalertpage888014");
    fakes.acceptToken("zalo-alert-oa-888002", OA_HOANKIEM);
    // The OA's access token has expired; its refresh token and app are good.
    fakes.zaloApp("3604329716888015", "zalo-app-secret-888015");
    fakes.acceptRefreshToken("zalo-refresh-888015", OA_EXPIRED);

    pageBadinhId = channel("00004", Platform.FACEBOOK_PAGE, PAGE_BADINH);
    credentials(hanoiAdmin, "00004", pageBadinhId, new JsonObject().put("targetId", PAGE_BADINH)
        .put("accessToken", "EAAGalertpage888001"));
    long oa = channel("00070", Platform.ZALO_OA, OA_HOANKIEM);
    credentials(hanoiAdmin, "00070", oa, new JsonObject().put("targetId", OA_HOANKIEM)
        .put("accessToken", "zalo-alert-oa-888002"));
    groupBadinh = channel("00004", Platform.ZALO_GROUP, "https://zalo.me/g/alertdelivery888003");
    for (String page : List.of(PAGE_DAKLAK, PAGE_LIMITED, PAGE_REFUSED, PAGE_DOWN)) {
      long id = channel("24133", Platform.FACEBOOK_PAGE, page);
      credentials(daklakAdmin, "24133", id, new JsonObject().put("targetId", page)
          .put("accessToken", "EAAGalertpage" + page.substring(page.length() - 6)));
    }
    long expired = channel("24133", Platform.ZALO_OA, OA_EXPIRED);
    credentials(daklakAdmin, "24133", expired, new JsonObject().put("targetId", OA_EXPIRED)
        .put("accessToken", "zalo-expired-888015").put("refreshToken", "zalo-refresh-888015")
        .put("appId", "3604329716888015").put("appSecret", "zalo-app-secret-888015"));
  }

  static long channel(String unit, Platform platform, String id) throws Exception {
    String normalized = ChannelLinks.normalize(id, platform).normalizedId();
    long channelId = Long.parseLong(scalar("""
        INSERT INTO channel (tenant_id, tenant_path, platform, normalized_id, url, display_name, name_folded, status)
        SELECT id, path, ?, ?, ?, 'Kênh thử cảnh báo', 'kenh thu canh bao', 'verified'
          FROM tenant WHERE code = ? AND valid_to IS NULL RETURNING id""",
        platform.id(), normalized, "https://" + normalized, unit));
    channelIds.put(id, channelId);
    return channelId;
  }

  static void credentials(String token, String unit, long channel, JsonObject body) {
    Http.Response r = http.raw("PUT", "/api/units/" + unit + "/channels/" + channel + "/alert-credentials",
        body.encode(), "application/json", token);
    assertEquals(204, r.status(), r.toString());
  }

  static JsonObject issue(String token, String unit, Object scope, String title) {
    Http.Response r = http.post("/api/units/" + unit + "/alerts", new JsonObject().put("title", title)
        .put("body", "Đối tượng giả danh nhân viên ngân hàng gửi đường link lạ. Không bấm vào đường link, báo ngay cho công an.")
        .put("severity", "severe").put("scope", scope).put("validHours", 24), token);
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static Map<Long, JsonObject> deliveries(String token, String unit, String alertId) {
    Http.Response r = http.get("/api/units/" + unit + "/alerts/" + alertId + "/deliveries", token);
    assertEquals(200, r.status(), r.toString());
    Map<Long, JsonObject> byChannel = new HashMap<>();
    JsonArray items = r.json().getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      JsonObject d = items.getJsonObject(i);
      byChannel.put(d.getJsonObject("channel").getLong("id"), d);
    }
    return byChannel;
  }

  static String status(String token, String unit, String alertId, String page) {
    JsonObject d = deliveries(token, unit, alertId).get(channelIds.get(page));
    return d == null ? null : d.getString("status");
  }

  /** Posts the fakes accepted for {@code recipient} that carry this alert's link. */
  static List<JsonObject> postsOf(String recipient, String alertId) {
    List<JsonObject> out = new ArrayList<>();
    for (PlatformFakes.Received r : fakes.inbox(recipient)) {
      if (r.body().encode().contains("/alerts/" + alertId)) {
        out.add(r.body());
      }
    }
    return out;
  }

  static JsonObject figures(String unit) {
    Http.Response r = http.get("/api/units/" + unit + "/alert-figures", hanoiAdmin);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  @Test
  void a_province_alert_reaches_every_verified_channel_of_its_wards_and_nothing_outside_its_subtree() throws Exception {
    JsonObject before = figures("01");
    JsonObject alert = issue(hanoiAdmin, "01", "subtree", "Cảnh báo giả danh ngân hàng gửi đường link");
    String id = alert.getString("id");

    Eventually.await(() -> postsOf(PAGE_BADINH, id).size() == 1, "the feed post on Ba Đình's page");
    JsonObject post = postsOf(PAGE_BADINH, id).get(0);
    assertTrue(post.getString("message").contains("Cảnh báo giả danh ngân hàng gửi đường link"), post.encode());
    assertTrue(post.getString("link").endsWith("/alerts/" + id), post.encode());
    Eventually.await(() -> fakes.inbox(OA_HOANKIEM).stream().anyMatch(r -> r.platform().equals("zalo_broadcast")),
        "the broadcast of Hoàn Kiếm's OA");
    Eventually.await(() -> "sent".equals(status(hanoiAdmin, "01", id, OA_HOANKIEM)), "the OA's delivery sent");

    Map<Long, JsonObject> all = deliveries(hanoiAdmin, "01", id);
    JsonObject page = all.get(pageBadinhId);
    assertEquals("sent", page.getString("status"));
    assertTrue(page.getString("platformRef").startsWith(PAGE_BADINH + "_"), page.encode());
    assertEquals(1, page.getInteger("attempts"));
    assertNotNull(all.get(channelIds.get(OA_HOANKIEM)).getString("platformRef"));
    JsonObject group = all.get(groupBadinh);
    assertEquals("manual", group.getString("mode"));
    assertEquals("ready", group.getString("status"));
    assertTrue(group.getString("text").contains("/alerts/" + id), group.encode());
    for (String outside : List.of(PAGE_DAKLAK, PAGE_LIMITED, PAGE_REFUSED, PAGE_DOWN, OA_EXPIRED)) {
      assertNull(all.get(channelIds.get(outside)), "no delivery to " + outside + " outside Hà Nội");
      assertTrue(postsOf(outside, id).isEmpty(), outside);
    }

    // The ward officer sees the group's delivery arrive from above, pastes it and marks it posted.
    String officer = http.login("badinh-officer");
    Http.Response ward = http.get("/api/units/00004/alert-deliveries", officer);
    assertEquals(200, ward.status(), ward.toString());
    JsonObject mine = null;
    for (Object o : ward.json().getJsonArray("items")) {
      JsonObject d = (JsonObject) o;
      if (d.getString("alertId").equals(id) && d.getJsonObject("channel").getLong("id") == groupBadinh) {
        mine = d;
      }
    }
    assertNotNull(mine, ward.body());
    assertEquals("Chờ cán bộ đăng thủ công", mine.getString("statusLabel"));
    Http.Response posted = http.post("/api/units/00004/alert-deliveries/" + mine.getLong("id") + "/posted",
        new JsonObject().put("link", "https://zalo.me/g/alertdelivery888003/p/1"), officer);
    assertEquals(200, posted.status(), posted.toString());
    assertEquals("posted", posted.json().getString("status"));
    assertTrue(http.post("/api/units/00004/alert-deliveries/" + mine.getLong("id") + "/posted", new JsonObject(), officer)
        .isProblem(409, "alert-delivery-not-ready"));
    // Another ward's officer may not mark Ba Đình's group.
    assertEquals(403, http.post("/api/units/00004/alert-deliveries/" + mine.getLong("id") + "/posted", new JsonObject(),
        http.login("hoankiem-officer")).status());

    // Figures: this alert adds one issued, its sent and posted deliveries reached, the demo pages
    // without credentials as not connected (not platform failures), and Ba Đình's share in its child row.
    Eventually.await(() -> deliveries(hanoiAdmin, "01", id).values().stream()
        .noneMatch(d -> d.getString("status").equals("queued")), "every API delivery of the alert done");
    Map<Long, JsonObject> done = deliveries(hanoiAdmin, "01", id);
    long reached = done.values().stream().filter(d -> List.of("sent", "posted").contains(d.getString("status"))).count();
    long failed = done.values().stream().filter(d -> d.getString("state").equals("failed")).count();
    List<JsonObject> unconnected = done.values().stream().filter(d -> d.getString("state").equals("not-connected")).toList();
    assertTrue(reached >= 3, done.toString());
    assertEquals(0, failed, done.toString());
    assertFalse(unconnected.isEmpty(), "the demo pages have no access token: " + done);
    for (JsonObject d : unconnected) {
      assertEquals("failed", d.getString("status"));
      assertEquals("no-credentials", d.getString("failReason"));
      assertEquals("Trang chưa kết nối: hãy kết nối mã truy cập của trang", d.getString("statusLabel"));
      assertNull(d.getString("failLabel"), d.encode());
    }
    JsonObject after = figures("01");
    assertEquals(before.getLong("alertsIssued") + 1, after.getLong("alertsIssued"));
    assertEquals(before.getLong("channelsReached") + reached, after.getLong("channelsReached"));
    assertEquals(before.getLong("deliveryFailures"), after.getLong("deliveryFailures"));
    assertEquals(before.getLong("notConnected") + unconnected.size(), after.getLong("notConnected"));
    assertNull(after.getValue("followersReached"), "without tenant-admin nobody reports followers");
    JsonObject badinh = child(after, "00004");
    assertNotNull(badinh, after.encode());
    assertTrue(badinh.getLong("channelsReached") >= 2, badinh.encode());
    assertEquals(403, http.get("/api/units/66/alert-figures", hanoiAdmin).status(), "Hà Nội does not read Đắk Lắk's figures");
  }

  static JsonObject child(JsonObject figures, String code) {
    for (Object o : figures.getJsonArray("children")) {
      JsonObject c = (JsonObject) o;
      if (code.equals(c.getJsonObject("unit").getString("code"))) {
        return c;
      }
    }
    return null;
  }

  @Test
  void an_alert_with_images_is_a_photo_post_of_the_first_and_the_cover_of_the_zalo_article() throws Exception {
    String first = AlertImagesIT.uploaded("01", "hanoi-admin", AlertImagesIT.image("png", 0xaa0000, 32));
    String second = AlertImagesIT.uploaded("01", "hanoi-admin", AlertImagesIT.image("png", 0x00aa00, 32));
    Http.Response r = http.post("/api/units/01/alerts", new JsonObject().put("title", "Cảnh báo ảnh tin nhắn giả")
        .put("body", "Tin nhắn giả mạo ngân hàng như trong ảnh. Không bấm vào đường link.").put("severity", "moderate")
        .put("scope", new JsonArray().add("00004").add("00070")).put("validHours", 24)
        .put("images", new JsonArray().add(first).add(second)), hanoiAdmin);
    assertEquals(201, r.status(), r.toString());
    String id = r.json().getString("id");
    String imageUrl = "/api/public/alerts/" + id + "/images/1";
    Eventually.await(() -> postsOf(PAGE_BADINH, id).size() == 1, "the photo post on Ba Đình's page");
    JsonObject post = postsOf(PAGE_BADINH, id).get(0);
    assertTrue(post.getString("url").matches("https?://.+" + java.util.regex.Pattern.quote(imageUrl)), post.encode());
    assertTrue(post.getString("message").contains("/alerts/" + id), "the caption carries the verification link");
    Eventually.await(() -> "sent".equals(status(hanoiAdmin, "01", id, PAGE_BADINH)), "the photo post recorded as sent");
    assertTrue(deliveries(hanoiAdmin, "01", id).get(channelIds.get(PAGE_BADINH)).getString("platformRef")
        .startsWith(PAGE_BADINH + "_"), "the post's id (post_id), not the photo's");
    Eventually.await(() -> fakes.attempts(OA_HOANKIEM).stream().anyMatch(a -> a.platform().equals("zalo_article")
        && a.body().encode().contains("/alerts/" + id)), "the Zalo article");
    JsonObject cover = fakes.attempts(OA_HOANKIEM).stream().filter(a -> a.platform().equals("zalo_article")
        && a.body().encode().contains("/alerts/" + id)).findFirst().orElseThrow().body().getJsonObject("cover");
    assertEquals("photo", cover.getString("cover_type"));
    assertTrue(cover.getString("photo_url").endsWith(imageUrl), cover.encode());
  }

  @Test
  void a_page_not_connected_is_posted_once_its_access_token_is_set_for_alerts_still_in_force() throws Exception {
    String page = "104857600888021";
    long id = channel("00070", Platform.FACEBOOK_PAGE, page);
    String current = issue(hanoiAdmin, "01", List.of("00070"), "Cảnh báo lừa đảo mua vé máy bay giá rẻ").getString("id");
    String cancelled = issue(hanoiAdmin, "01", List.of("00070"), "Cảnh báo đã huỷ trước khi trang kết nối").getString("id");
    Eventually.await(() -> "not-connected".equals(deliveries(hanoiAdmin, "01", current).get(id).getString("state")),
        "the page found not connected");
    Eventually.await(() -> "not-connected".equals(deliveries(hanoiAdmin, "01", cancelled).get(id).getString("state")),
        "the page found not connected by the second alert");
    assertEquals(200, http.post("/api/units/01/alerts/" + cancelled + "/cancel", new JsonObject(), hanoiAdmin).status());

    fakes.acceptToken("EAAGalertpage888021");
    credentials(hanoiAdmin, "00070", id, new JsonObject().put("targetId", page).put("accessToken", "EAAGalertpage888021"));
    Eventually.await(() -> "sent".equals(deliveries(hanoiAdmin, "01", current).get(id).getString("state")),
        "the alert in force posted once the page is connected");
    assertEquals(1, postsOf(page, current).size());
    assertEquals("not-connected", deliveries(hanoiAdmin, "01", cancelled).get(id).getString("state"),
        "a cancelled alert is not sent to a page connected afterwards");
    assertTrue(postsOf(page, cancelled).isEmpty());
  }

  @Test
  void rate_limits_and_platform_failures_are_retried_refusals_reported_and_an_expired_zalo_token_refreshed()
      throws Exception {
    fakes.rateLimit(PAGE_LIMITED, 2);
    fakes.refuse(PAGE_REFUSED, 200, "(#200) The user hasn't authorized the application to perform this action");
    fakes.serverError(PAGE_DOWN, 2);
    fakes.expireToken("zalo-expired-888015");
    int refreshes = fakes.refreshes();
    JsonObject alert = issue(daklakAdmin, "66", List.of("24133"), "Cảnh báo lừa đảo tuyển cộng tác viên");
    String id = alert.getString("id");

    Eventually.await(() -> "sent".equals(status(daklakAdmin, "66", id, PAGE_LIMITED)), "the rate-limited page sent");
    Eventually.await(() -> "failed".equals(status(daklakAdmin, "66", id, PAGE_REFUSED)), "the refusal reported");
    Eventually.await(() -> "sent".equals(status(daklakAdmin, "66", id, PAGE_DOWN)), "the page whose platform was down");
    Eventually.await(() -> "sent".equals(status(daklakAdmin, "66", id, OA_EXPIRED)), "the OA sent after the refresh");
    Map<Long, JsonObject> all = deliveries(daklakAdmin, "66", id);

    JsonObject limited = all.get(channelIds.get(PAGE_LIMITED));
    assertEquals(3, limited.getInteger("attempts"), limited.encode());
    assertEquals(1, postsOf(PAGE_LIMITED, id).size());
    assertEquals(3, fakes.attempts(PAGE_LIMITED).stream().filter(r -> r.body().encode().contains(id)).count());

    JsonObject refused = all.get(channelIds.get(PAGE_REFUSED));
    assertEquals("refused", refused.getString("failReason"));
    assertTrue(refused.getString("error").contains("hasn't authorized the application"), refused.encode());
    // In words for the console: why (in the request's language) and the platform's own message.
    assertEquals("failed", refused.getString("state"));
    assertEquals("Nền tảng từ chối bài đăng", refused.getString("failLabel"));
    assertEquals("(#200) The user hasn't authorized the application to perform this action",
        refused.getString("platformMessage"));
    assertEquals(1, fakes.attempts(PAGE_REFUSED).stream().filter(r -> r.body().encode().contains(id)).count(),
        "a refusal is not tried again");

    JsonObject down = all.get(channelIds.get(PAGE_DOWN));
    assertEquals(3, down.getInteger("attempts"), down.encode());
    assertEquals(1, postsOf(PAGE_DOWN, id).size());

    // The OA's token expired before its first alert: Zalo's refresh flow gave a new one, stored
    // with its expiry (whichever alert of this class met the expired token first refreshed it).
    assertTrue(fakes.refreshes() >= 1 && fakes.refreshes() >= refreshes, "the expired OA token refreshed");
    assertNotNull(scalar("SELECT access_expires_at FROM alert_channel_credential WHERE channel_id = ?",
        channelIds.get(OA_EXPIRED)), "the refreshed token's expiry stored");
    JsonObject oa = all.get(channelIds.get(OA_EXPIRED));
    assertNotNull(oa.getString("platformRef"), oa.encode());
    assertEquals(1, fakes.attempts(OA_EXPIRED).stream()
        .filter(r -> r.platform().equals("zalo_article") && r.body().encode().contains("/alerts/" + id)).count(),
        "one article for this alert under the OA's fresh token");
  }

  @Test
  void a_delivery_that_keeps_failing_is_reported_failed_after_the_last_attempt() throws Exception {
    fakes.serverError(PAGE_DAKLAK, 1_000);
    JsonObject alert = issue(daklakAdmin, "66", List.of("24133"), "Cảnh báo lừa đảo đầu tư tiền ảo");
    String id = alert.getString("id");
    long delivery = deliveries(daklakAdmin, "66", id).get(channelIds.get(PAGE_DAKLAK)).getLong("id");
    Eventually.await(() -> deliveries(daklakAdmin, "66", id).get(channelIds.get(PAGE_DAKLAK)).getInteger("attempts") >= 1,
        "a first failed attempt recorded");
    JsonObject first = deliveries(daklakAdmin, "66", id).get(channelIds.get(PAGE_DAKLAK));
    assertEquals("queued", first.getString("status"), first.encode());
    assertTrue(first.getString("error").contains("500"), first.encode());
    // Seven attempts spent (the outbox's backoff would take two minutes to get there): the next is the last.
    exec("UPDATE alert_delivery SET attempts = 7 WHERE id = ?", delivery);
    Eventually.await(() -> "failed".equals(status(daklakAdmin, "66", id, PAGE_DAKLAK)), "reported failed");
    JsonObject last = deliveries(daklakAdmin, "66", id).get(channelIds.get(PAGE_DAKLAK));
    assertEquals("gave-up", last.getString("failReason"));
    assertEquals(8, last.getInteger("attempts"));
    assertTrue(last.getString("error").contains("500"), last.encode());
    assertTrue(postsOf(PAGE_DAKLAK, id).isEmpty());
    fakes.clear(PAGE_DAKLAK);
  }

  @Test
  void work_delivered_twice_posts_once_and_a_cancelled_alerts_queued_deliveries_are_not_sent() throws Exception {
    JsonObject alert = issue(hanoiAdmin, "01", List.of("00004"), "Cảnh báo lừa đảo cài ứng dụng giả");
    String id = alert.getString("id");
    Eventually.await(() -> "sent".equals(status(hanoiAdmin, "01", id, PAGE_BADINH)), "sent once");
    long delivery = deliveries(hanoiAdmin, "01", id).get(pageBadinhId).getLong("id");
    // What a node lost after the post would leave: the same work again (at-least-once outbox).
    exec("INSERT INTO outbox (topic, payload) VALUES ('alerts.deliver', ?::jsonb)",
        new JsonObject().put("delivery", delivery).put("scope", "BCA/01/00004").encode());
    Eventually.await(() -> Long.parseLong(unchecked("SELECT count(*) FROM outbox WHERE topic = 'alerts.deliver' AND"
        + " (payload->>'delivery')::bigint = ?", delivery)) == 0, "the repeated work handled");
    assertEquals(1, postsOf(PAGE_BADINH, id).size(), "posted once");

    // A Page whose platform is down keeps its delivery queued; cancelling the alert stops it.
    fakes.serverError(PAGE_BADINH, 1_000);
    JsonObject second = issue(hanoiAdmin, "01", List.of("00004"), "Cảnh báo lừa đảo vé máy bay giá rẻ");
    String id2 = second.getString("id");
    Eventually.await(() -> deliveries(hanoiAdmin, "01", id2).get(pageBadinhId).getInteger("attempts") >= 1,
        "a failed attempt");
    Http.Response cancel = http.post("/api/units/01/alerts/" + id2 + "/cancel", new JsonObject(), hanoiAdmin);
    assertEquals(200, cancel.status(), cancel.toString());
    fakes.clear(PAGE_BADINH);
    Map<Long, JsonObject> after = deliveries(hanoiAdmin, "01", id2);
    assertEquals("cancelled", after.get(pageBadinhId).getString("status"));
    assertEquals("cancelled", after.get(groupBadinh).getString("status"));
    // The outbox's retry finds nothing queued and is dropped without posting.
    Eventually.await(() -> Long.parseLong(unchecked("SELECT count(*) FROM outbox WHERE topic = 'alerts.deliver' AND"
        + " (payload->>'delivery')::bigint = ?", after.get(pageBadinhId).getLong("id"))) == 0, "the retry dropped");
    assertTrue(postsOf(PAGE_BADINH, id2).isEmpty());
  }

  @Test
  void credentials_are_sealed_and_only_for_pages_and_oas_of_the_unit() throws Exception {
    String sealed = scalar("SELECT encode(sealed, 'escape') FROM alert_channel_credential WHERE channel_id = ?",
        pageBadinhId);
    assertFalse(sealed.contains("EAAGalertpage888001"), "the token is not stored in clear");
    Http.Response group = http.raw("PUT", "/api/units/00004/channels/" + groupBadinh + "/alert-credentials",
        new JsonObject().put("targetId", "g1").put("accessToken", "x").encode(), "application/json", hanoiAdmin);
    assertTrue(group.isProblem(400, "alert-credentials-platform"), group.toString());
    Http.Response other = http.raw("PUT", "/api/units/00070/channels/" + pageBadinhId + "/alert-credentials",
        new JsonObject().put("targetId", PAGE_BADINH).put("accessToken", "x").encode(), "application/json", hanoiAdmin);
    assertEquals(404, other.status(), other.toString());
    Http.Response officer = http.raw("PUT", "/api/units/00004/channels/" + pageBadinhId + "/alert-credentials",
        new JsonObject().put("targetId", PAGE_BADINH).put("accessToken", "x").encode(), "application/json",
        http.login("badinh-officer"));
    assertEquals(403, officer.status(), "an officer does not set credentials: " + officer);
  }

  static String scalar(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  static String unchecked(String sql, Object... params) {
    try {
      return scalar(sql, params);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void exec(String sql, Object... params) throws Exception {
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      st.executeUpdate();
    }
  }
}
