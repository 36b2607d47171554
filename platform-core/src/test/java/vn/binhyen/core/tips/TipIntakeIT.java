package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;

class TipIntakeIT {

  @Test
  void categories_are_listed_with_vietnamese_and_english_names() {
    var items = http().get("/api/public/tip-categories", null).json().getJsonArray("items");
    assertEquals(9, items.size());
    assertTrue(items.stream().map(JsonObject.class::cast).anyMatch(c -> c.getString("id").equals("fraud")
        && c.getString("nameVi").contains("Lừa đảo") && c.getString("nameEn").contains("scam")));
  }

  @Test
  void json_tip_gets_a_receipt_and_secret_and_can_be_followed_up() {
    JsonObject r = submit("00004", "fraud", "Có kẻ mạo danh công an gọi điện đòi tiền", null);
    assertTrue(r.getString("receipt").matches("[0-9A-Z]{5}-[0-9A-Z]{5}"), r.encode());
    assertTrue(r.getString("secret").length() >= 22);
    Http.Response f = follow(r.getString("receipt"), r.getString("secret"));
    assertEquals(200, f.status(), f.toString());
    assertEquals("received", f.json().getString("status"));
    assertEquals("00004", f.json().getString("unit"));
    // Typed in lower case without the dash, still found.
    Http.Response typed = follow(r.getString("receipt").toLowerCase().replace("-", ""), r.getString("secret"));
    assertEquals(200, typed.status());
  }

  @Test
  void wrong_secret_is_refused_exactly_like_an_unknown_receipt() {
    JsonObject r = submit("00004", "traffic", "Xe đỗ sai quy định", null);
    Http.Response wrong = follow(r.getString("receipt"), "A".repeat(22));
    Http.Response unknown = follow("00000-00000", "A".repeat(22));
    assertTrue(wrong.isProblem(404, "not-found"), wrong.toString());
    assertTrue(unknown.isProblem(404, "not-found"), unknown.toString());
    assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
  }

  @Test
  void repeated_wrong_secrets_on_one_receipt_are_rate_limited() {
    JsonObject r = submit("00070", "other", "Thử giới hạn", null);
    Http.Response last = null;
    for (int i = 0; i < 12; i++) {
      last = follow(r.getString("receipt"), "B".repeat(22));
    }
    assertTrue(last.isProblem(429, "rate-limited"), last.toString());
  }

  @Test
  void unknown_category_unknown_unit_and_unknown_fields_are_refused() {
    assertTrue(http().post("/api/public/tips", new JsonObject().put("unit", "00004").put("category", "nope")
        .put("text", "x"), null).isProblem(400, "tip-category"));
    assertEquals(404, http().post("/api/public/tips", new JsonObject().put("unit", "99999").put("category", "other")
        .put("text", "x"), null).status());
    assertEquals(400, http().post("/api/public/tips", new JsonObject().put("unit", "00004").put("category", "other")
        .put("text", "x").put("admin", true), null).status());
  }

  @Test
  void multipart_tip_with_a_photo_stores_it_by_content_and_the_officer_downloads_it() {
    byte[] body = multipart(Map.of("unit", "00004", "category", "security_order", "text", "Ảnh nhóm tụ tập"),
        new Part("attachment", "x.txt", PNG, "text/plain"));
    Http.Response r = http().raw("POST", "/api/public/tips", body, "multipart/form-data; boundary=" + BOUNDARY,
        null, Map.of());
    assertEquals(201, r.status(), r.toString());
    String officer = http().login("badinh-officer");
    JsonObject tip = http().get("/api/tips/" + r.json().getLong("tipId"), officer).json();
    JsonObject att = tip.getJsonArray("attachments").getJsonObject(0);
    assertEquals("image/png", att.getString("mediaType"), "type sniffed from content, not the declared text/plain");
    Http.Response file = http().raw("GET", "/api/tips/" + tip.getLong("id") + "/attachments/" + att.getLong("id"),
        new byte[0], null, officer, Map.of());
    assertEquals(200, file.status());
    assertEquals("image/png", file.contentType());
  }

  @Test
  void a_photos_exif_location_is_gone_before_the_officer_downloads_it() throws Exception {
    java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    byte[] plain = jpeg.toByteArray();
    byte[] exif = "Exif\0\0GPSLatitude=21.0285;GPSLongitude=105.8542".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    java.io.ByteArrayOutputStream tagged = new java.io.ByteArrayOutputStream();
    tagged.write(plain, 0, 2);
    tagged.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)});
    tagged.write(exif);
    tagged.write(plain, 2, plain.length - 2);
    byte[] body = multipart(Map.of("unit", "00004", "category", "security_order", "text", "Ảnh có vị trí"),
        new Part("attachment", "photo.jpg", tagged.toByteArray(), "image/jpeg"));
    Http.Response r = http().raw("POST", "/api/public/tips", body, "multipart/form-data; boundary=" + BOUNDARY,
        null, Map.of());
    assertEquals(201, r.status(), r.toString());
    String officer = http().login("badinh-officer");
    JsonObject tip = http().get("/api/tips/" + r.json().getLong("tipId"), officer).json();
    JsonObject att = tip.getJsonArray("attachments").getJsonObject(0);
    Http.Response file = http().raw("GET", "/api/tips/" + tip.getLong("id") + "/attachments/" + att.getLong("id"),
        new byte[0], null, officer, Map.of());
    assertEquals(200, file.status());
    assertEquals("image/jpeg", file.contentType());
    org.junit.jupiter.api.Assertions.assertFalse(file.body().contains("GPSLatitude"), "the EXIF location was served");
  }

  @Test
  void multipart_with_a_file_that_is_not_media_is_refused() {
    byte[] body = multipart(Map.of("unit", "00004", "category", "other", "text", "x"),
        new Part("attachment", "photo.jpg", "#!/bin/sh\necho hi\n".getBytes(), "image/jpeg"));
    Http.Response r = http().raw("POST", "/api/public/tips", body, "multipart/form-data; boundary=" + BOUNDARY,
        null, Map.of());
    assertTrue(r.isProblem(400, "attachment-type"), r.toString());
  }

  @Test
  void attachments_are_not_served_from_a_static_path() {
    assertEquals(404, http().get("/static/../attachments/x", null).status());
    assertEquals(404, http().get("/attachments/", null).status());
  }

  @Test
  void officer_enters_a_phone_tip_for_their_ward_only() {
    String officer = http().login("badinh-officer");
    JsonObject body = new JsonObject().put("category", "crime").put("text", "Người dân gọi báo mất xe")
        .put("channel", "phone").put("contact", "0912 345 678");
    Http.Response r = http().post("/api/units/00004/tips", body, officer);
    assertEquals(201, r.status(), r.toString());
    assertEquals("officer", http().get("/api/tips/" + r.json().getLong("tipId"), officer).json().getString("source"));
    assertEquals(403, http().post("/api/units/00070/tips", body, officer).status());
    String supervisor = http().login("hanoi-supervisor");
    assertEquals(403, http().post("/api/units/00004/tips", body, supervisor).status());
  }

  @Test
  void citizen_reply_reaches_the_officer_and_officer_reply_reaches_the_citizen() {
    JsonObject r = submit("00004", "drugs", "Nghi có mua bán chất cấm", null);
    var headers = Map.of("X-Tip-Secret", r.getString("secret"));
    Http.Response m = http().raw("POST", "/api/public/tips/" + r.getString("receipt") + "/messages",
        new JsonObject().put("text", "Bổ sung: thường vào tối thứ Bảy").encode().getBytes(), "application/json", null, headers);
    assertEquals(201, m.status(), m.toString());
    String officer = http().login("badinh-officer");
    long id = r.getLong("tipId");
    assertTrue(http().get("/api/tips/" + id, officer).json().getJsonArray("events").encode().contains("tối thứ Bảy"));
    assertEquals(201, http().post("/api/tips/" + id + "/replies", new JsonObject().put("text", "Đã tiếp nhận, cảm ơn"), officer).status());
    JsonObject seen = follow(r.getString("receipt"), r.getString("secret")).json();
    assertTrue(seen.getJsonArray("events").encode().contains("Đã tiếp nhận, cảm ơn"));
    assertFalse(seen.encode().contains("badinh-officer"), "officer names stay internal");
    assertTrue(Arrays.asList("received").contains(seen.getString("status")));
  }
}
