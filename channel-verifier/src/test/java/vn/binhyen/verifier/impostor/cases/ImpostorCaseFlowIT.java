package vn.binhyen.verifier.impostor.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.verifier.impostor.web.ImpostorWorld;

/** Report → case for the right unit → its officer confirms → published and consulted by the check. */
class ImpostorCaseFlowIT {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

  private static Http http;

  @BeforeAll
  static void world() {
    http = ImpostorWorld.http();
  }

  private static JsonObject report(JsonObject body) {
    Http.Response r = http.post("/api/public/reports", body, null);
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  @Test
  void report_becomes_a_case_of_the_imitated_unit_and_its_officer_confirms_it_publicly() {
    JsonObject first = report(new JsonObject().put("link", "https://www.facebook.com/conganphuongbadinh.hotro")
        .put("name", "Công an phường Ba Đình").put("about", "Hỗ trợ lấy lại tiền bị lừa"));
    assertEquals("00004", first.getJsonObject("unit").getString("code"));
    assertFalse(first.getBoolean("merged"));
    assertEquals("SUSPECTED_IMPOSTOR", first.getJsonObject("check").getString("verdict"));
    long caseId = first.getLong("caseId");

    // The same page, pasted differently, joins the same case.
    JsonObject second = report(new JsonObject().put("link", "https://m.facebook.com/ConganPhuongBaDinh.Hotro/?ref=share")
        .put("note", "Trang này nhắn tin đòi phí")); 
    assertTrue(second.getBoolean("merged"));
    assertEquals(caseId, second.getLong("caseId"));

    String badinh = http.login("badinh-officer");
    String hoankiem = http.login("hoankiem-officer");

    JsonArray queue = http.get("/api/units/00004/impostor-cases?status=open", badinh).json().getJsonArray("items");
    assertTrue(queue.stream().anyMatch(c -> ((JsonObject) c).getLong("id") == caseId), queue.encode());

    JsonObject kase = http.get("/api/impostor/cases/" + caseId, badinh).json();
    assertEquals(2, kase.getInteger("reportCount"));
    assertEquals(2, kase.getJsonArray("reports").size());
    assertEquals("facebook.com/conganphuongbadinh", kase.getJsonObject("imitated").getString("normalizedId"));
    assertEquals("facebook.com/conganphuongbadinh.hotro", kase.getString("normalizedLink"));

    // Another unit's officer can neither see nor decide it, nor read the unit's queue.
    assertTrue(http.get("/api/impostor/cases/" + caseId, hoankiem).isProblem(403, "forbidden"));
    assertTrue(http.post("/api/impostor/cases/" + caseId + "/decision",
        new JsonObject().put("decision", "confirm").put("note", "x"), hoankiem).isProblem(403, "forbidden"));
    assertTrue(http.get("/api/units/00004/impostor-cases", hoankiem).isProblem(403, "forbidden"));
    assertTrue(http.get("/api/impostor/cases/" + caseId, null).isProblem(401, "unauthenticated"));

    Http.Response decided = http.post("/api/impostor/cases/" + caseId + "/decision",
        new JsonObject().put("decision", "confirm").put("note", "Trang giả mạo, đã xác minh"), badinh);
    assertEquals(200, decided.status(), decided.toString());
    assertEquals("confirmed", decided.json().getString("status"));
    assertEquals("00004", decided.json().getJsonObject("confirmedBy").getString("code"));
    assertTrue(http.post("/api/impostor/cases/" + caseId + "/decision",
        new JsonObject().put("decision", "dismiss").put("note", "again"), badinh).isProblem(409, "case-decided"));

    JsonObject published = http.get("/api/public/impostors?limit=500", null).json();
    JsonObject entry = published.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "facebook.com/conganphuongbadinh.hotro".equals(i.getString("normalizedLink")))
        .findFirst().orElseThrow();
    assertEquals("00004", entry.getJsonObject("confirmedBy").getString("code"));
    assertEquals("Phường Ba Đình", entry.getJsonObject("confirmedBy").getString("name"));
    assertTrue(entry.getString("confirmedAt") != null);
    assertNull(entry.getString("decisionNote"), "the note stays inside the unit");

    // The machine-readable feed: the same entry, with the transparency-log leaf of the confirmation.
    Http.Response feed = http.get("/api/public/impostors/feed.json", null);
    assertEquals(200, feed.status(), feed.toString());
    JsonObject fed = feed.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> "facebook.com/conganphuongbadinh.hotro".equals(i.getString("link")))
        .findFirst().orElseThrow();
    assertEquals("00004", fed.getJsonObject("imitates").getString("code"));
    assertEquals("Phường Ba Đình", fed.getJsonObject("imitates").getString("name"));
    long leaf = fed.getLong("logIndex");
    JsonObject logged = http.get("/api/public/log/entries?start=" + leaf + "&end=" + (leaf + 1), null).json()
        .getJsonArray("entries").getJsonObject(0).getJsonObject("event");
    assertEquals("impostor.confirm", logged.getString("op"));
    assertEquals("facebook.com/conganphuongbadinh.hotro", logged.getString("link"));
    assertEquals("00004", logged.getString("imitates"));
    Http.Response csv = http.get("/api/public/impostors/feed.csv", null);
    assertEquals(200, csv.status());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertTrue(csv.body().startsWith("link,platform,name,imitated_unit_code"), csv.body());
    assertTrue(csv.body().contains("\"facebook.com/conganphuongbadinh.hotro\",") && csv.body().contains("," + leaf + "\r\n"),
        "the CSV row carries the link and the log index");

    JsonObject unit = http.get("/api/public/units/00004/impostors", null).json();
    assertTrue(unit.getJsonObject("figures").getLong("imitatedConfirmed") >= 1);
    assertTrue(unit.getJsonObject("figures").getLong("reports") >= 2);

    ImpostorWorld.refresh();
    JsonObject check = http.post("/api/public/check",
        new JsonObject().put("link", "https://facebook.com/conganphuongbadinh.hotro"), null).json();
    assertEquals("CONFIRMED_IMPOSTOR", check.getString("verdict"));
    assertEquals("CONFIRMED_IMPOSTOR", check.getJsonArray("reasons").getJsonObject(0).getString("code"));
  }

  @Test
  void confirmation_is_audited_in_the_units_log() throws Exception {
    JsonObject r = report(new JsonObject().put("link", "https://www.facebook.com/conganphuonghoankiem.official"));
    assertEquals("00070", r.getJsonObject("unit").getString("code"));
    long caseId = r.getLong("caseId");
    String hoankiem = http.login("hoankiem-officer");
    assertEquals(200, http.post("/api/impostor/cases/" + caseId + "/decision",
        new JsonObject().put("decision", "dismiss").put("note", "Trang của hội người hâm mộ"), hoankiem).status());
    try (Connection c = TestDatabase.connect(ImpostorWorld.DATABASE);
         ResultSet rs = c.createStatement().executeQuery(
             "SELECT actor_name, tenant_path, after::text FROM audit_log WHERE action = 'impostor.dismiss'"
                 + " AND target = 'impostor_case:" + caseId + "'")) {
      assertTrue(rs.next());
      assertEquals("hoankiem-officer", rs.getString(1));
      assertTrue(rs.getString(2).endsWith("/00070"));
      assertTrue(rs.getString(3).contains("Trang của hội người hâm mộ"));
    }
  }

  @Test
  void a_verified_official_channel_reported_by_mistake_cannot_be_published_as_impostor() {
    JsonObject r = report(new JsonObject().put("link", "https://facebook.com/conganphuongbadinh").put("note", "Trang này lạ"));
    assertEquals("OFFICIAL", r.getJsonObject("check").getString("verdict"));
    assertEquals("00004", r.getJsonObject("unit").getString("code"));
    String badinh = http.login("badinh-officer");
    String path = "/api/impostor/cases/" + r.getLong("caseId") + "/decision";
    assertTrue(http.post(path, new JsonObject().put("decision", "confirm").put("note", "   "), badinh)
        .isProblem(400, "note-required"));
    assertTrue(http.post(path, new JsonObject().put("decision", "confirm").put("note", "nhầm"), badinh)
        .isProblem(409, "official-channel"));
    assertEquals(200, http.post(path, new JsonObject().put("decision", "dismiss").put("note", "Trang chính thức"), badinh).status());
  }

  @Test
  void report_naming_a_real_unit_without_channels_goes_to_that_unit() {
    JsonObject r = report(new JsonObject().put("link", "https://www.facebook.com/tiepnhan.hoso.ngocha")
        .put("name", "Công an phường Ngọc Hà - Tiếp nhận hồ sơ").put("areaCode", "00070"));
    assertEquals("SUSPECTED_IMPOSTOR", r.getJsonObject("check").getString("verdict"));
    assertEquals("00008", r.getJsonObject("unit").getString("code"), r.encode());
  }

  @Test
  void report_without_an_imitated_channel_goes_to_the_area_or_else_the_ministry() {
    JsonObject area = report(new JsonObject().put("name", "Dịch vụ thu hồi tiền lừa đảo 24/7").put("areaCode", "00070"));
    assertEquals("00070", area.getJsonObject("unit").getString("code"));
    JsonObject none = report(new JsonObject().put("name", "Văn phòng luật sư thu hồi tiền online"));
    assertEquals("BCA", none.getJsonObject("unit").getString("code"));
    assertTrue(http.post("/api/public/reports", new JsonObject().put("name", "x").put("areaCode", "99999"), null)
        .isProblem(400, "unknown-area"));
    assertTrue(http.post("/api/public/reports", new JsonObject().put("about", "only about"), null)
        .isProblem(400, "empty-report"));
  }

  @Test
  void screenshot_is_sniffed_stored_once_and_shown_to_the_units_officer_only() throws Exception {
    JsonObject r = report(new JsonObject().put("link", "https://www.facebook.com/conganphuongbadinh.cskh"));
    long reportId = r.getLong("reportId");
    long caseId = r.getLong("caseId");
    String token = r.getString("uploadToken");
    String path = "/api/public/reports/" + reportId + "/screenshot";

    assertTrue(upload(path, token, "fake.png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8))
        .isProblem(400, "not-an-image"));
    assertTrue(upload(path, "wrong-token", "a.png", PNG).isProblem(404, "not-found"));
    Http.Response ok = upload(path, token, "anything.bin", PNG);
    assertEquals(201, ok.status(), ok.toString());
    assertEquals("image/png", ok.json().getString("type"));
    assertTrue(upload(path, token, "a.png", PNG).isProblem(409, "screenshot-exists"));

    String badinh = http.login("badinh-officer");
    JsonObject report = http.get("/api/impostor/cases/" + caseId, badinh).json().getJsonArray("reports").getJsonObject(0);
    String href = report.getJsonObject("screenshot").getString("href");
    HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + href))
        .header("Authorization", "Bearer " + badinh).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, image.statusCode());
    assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(PNG, image.body());
    assertEquals(403, http.get(href, http.login("hoankiem-officer")).status());

    // Stored outside any served path, under its content hash.
    Path dataDir = ImpostorWorld.platform().config().dataDir();
    try (var files = Files.list(dataDir.resolve("impostor-evidence"))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("[0-9a-f]{64}")));
    }
  }

  private static Http.Response upload(String path, String token, String filename, byte[] content) {
    String boundary = "----binhyen" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" + token + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.raw("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary, null, Map.of());
  }
}
