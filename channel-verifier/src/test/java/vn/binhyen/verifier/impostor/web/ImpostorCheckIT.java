package vn.binhyen.verifier.impostor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ImpostorCheck;
import vn.binhyen.core.testing.Http;

/** POST /api/public/check against a running node whose directory comes from the database. */
class ImpostorCheckIT {

  private static Http http;

  @BeforeAll
  static void world() {
    http = ImpostorWorld.http();
  }

  private static JsonObject check(JsonObject body) {
    Http.Response r = http.post("/api/public/check", body, null);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static List<String> codes(JsonObject answer) {
    List<String> out = new ArrayList<>();
    answer.getJsonArray("reasons").forEach(o -> out.add(((JsonObject) o).getString("code")));
    return out;
  }

  @Test
  void verified_channel_from_the_database_is_official_whatever_the_link_spelling() {
    JsonObject a = check(new JsonObject().put("link", "https://m.facebook.com/CongAnPhuongBaDinh/?ref=share"));
    assertEquals("OFFICIAL", a.getString("verdict"));
    assertEquals(List.of("REGISTERED_OFFICIAL"), codes(a));
    assertEquals(ImpostorWorld.BADINH_PAGE, a.getString("normalizedLink"));
  }

  @Test
  void real_unit_name_on_an_unknown_link_names_that_units_only_official_pages() {
    JsonObject a = check(new JsonObject().put("link", "https://www.facebook.com/hotro.nguoidan.2025")
        .put("name", "Công an phường Ba Đình"));
    assertEquals("SUSPECTED_IMPOSTOR", a.getString("verdict"));
    assertTrue(codes(a).contains("NAME_MATCHES_UNIT"), a.encode());
    JsonObject unit = a.getJsonArray("namedUnits").getJsonObject(0);
    assertEquals("00004", unit.getString("code"));
    JsonArray channels = unit.getJsonArray("officialChannels");
    assertTrue(channels.stream().anyMatch(c -> ImpostorWorld.BADINH_PAGE.equals(((JsonObject) c).getString("normalizedId"))));
    assertTrue(unit.getString("messageVi").startsWith("Các trang chính thức duy nhất của đơn vị Phường Ba Đình (00004) là: "),
        unit.getString("messageVi"));
    assertTrue(unit.getString("messageVi").contains("https://facebook.com/conganphuongbadinh"));
    assertTrue(unit.getString("messageEn").startsWith("The only official pages of the unit Phường Ba Đình (00004) are: "));
    JsonObject reason = a.getJsonArray("reasons").getJsonObject(0);
    assertTrue(!reason.getString("messageVi").isBlank() && !reason.getString("messageEn").isBlank());
  }

  @Test
  void nfc_nfd_and_unaccented_names_get_the_same_answer_over_http() {
    String nfc = Normalizer.normalize("Công an phường Hoàn Kiếm", Normalizer.Form.NFC);
    String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    assertTrue(!nfc.equals(nfd));
    String link = "https://www.facebook.com/tiepnhan.tinbao.hk";
    JsonObject a = check(new JsonObject().put("link", link).put("name", nfc));
    JsonObject b = check(new JsonObject().put("link", link).put("name", nfd));
    JsonObject c = check(new JsonObject().put("link", link).put("name", "cong an phuong hoan kiem"));
    assertEquals("SUSPECTED_IMPOSTOR", a.getString("verdict"));
    assertEquals(a.getDouble("score"), b.getDouble("score"));
    assertEquals(codes(a), codes(b));
    assertEquals(codes(a), codes(c));
    assertEquals("00070", c.getJsonArray("namedUnits").getJsonObject(0).getString("code"));
  }

  @Test
  void handle_one_letter_from_an_official_one_resembles_it() {
    JsonObject a = check(new JsonObject().put("link", "https://facebook.com/conganphuongbadlnh"));
    assertEquals("SUSPECTED_IMPOSTOR", a.getString("verdict"));
    assertTrue(codes(a).contains("HANDLE_TYPOSQUAT"), a.encode());
    assertEquals(ImpostorWorld.BADINH_PAGE, a.getJsonArray("resembles").getJsonObject(0).getString("normalizedId"));
  }

  @Test
  void scam_phrase_in_a_name_alone_is_suspected() {
    JsonObject a = check(new JsonObject().put("name", "Hỗ trợ lấy lại tiền bị lừa đảo trực tuyến"));
    assertEquals("SUSPECTED_IMPOSTOR", a.getString("verdict"));
    assertTrue(codes(a).contains("SCAM_PHRASE"), a.encode());
  }

  @Test
  void neighbourhood_group_is_not_flagged() {
    JsonObject a = check(new JsonObject().put("name", "Nhóm cư dân tổ 5 phường Ba Đình"));
    assertEquals("NOT_REGISTERED", a.getString("verdict"), a.encode());
  }

  @Test
  void empty_unknown_and_too_long_input_are_problems_not_errors() {
    assertTrue(http.post("/api/public/check", new JsonObject(), null).isProblem(400, "empty-check"));
    Http.Response unknown = http.post("/api/public/check", new JsonObject().put("handle", "x"), null);
    assertEquals(400, unknown.status(), unknown.toString());
    assertTrue(unknown.contentType().startsWith("application/problem+json"));
    Http.Response tooLong = http.post("/api/public/check", new JsonObject().put("name", "a".repeat(301)), null);
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.contentType().startsWith("application/problem+json"));
  }

  @Test
  void impostor_check_service_is_registered_for_the_verification_api() {
    JsonObject a = ImpostorWorld.platform().services().get(ImpostorCheck.class)
        .check("https://facebook.com/conganphuongbadinh", null, null).await();
    assertEquals("OFFICIAL", a.getString("verdict"));
  }

  @Test
  void checks_are_rate_limited_per_address() throws Exception {
    // A loopback address of its own, so the other tests' budget on 127.0.0.1 is untouched.
    String body = "{\"name\":\"Công an phường Ba Đình\"}";
    int last = 0;
    for (int i = 0; i <= ImpostorConfig.DEFAULTS.checksPerMinute(); i++) {
      last = postFrom("127.0.0.77", "/api/public/check", body);
      if (last == 429) {
        break;
      }
    }
    assertEquals(429, last);
  }

  /** One HTTP/1.1 request from a chosen local address; answers the status code. */
  static int postFrom(String localAddress, String path, String json) throws Exception {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(localAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", http.port()), 5000);
      OutputStream out = s.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
