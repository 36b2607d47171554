package vn.binhyen.verifier.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Images of alerts against the demo node: upload (sniffed by content, EXIF stripped, named by
 * SHA-256), the token's img claim, the public image route, the CAP resources, and the refusals
 * (unknown id, too many, too large, wrong type, a caller who may not issue) as problem+json.
 */
class AlertImagesIT {

  static final String BOUNDARY = "alert-image-boundary";
  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    AlertsIT.http = http;
  }

  /** A real image of {@code format} ("png" or "jpg"), coloured by {@code rgb}, {@code side} pixels square. */
  static byte[] image(String format, int rgb, int side) throws Exception {
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < side; x++) {
      for (int y = 0; y < side; y++) {
        img.setRGB(x, y, x < side / 2 ? rgb : 0xffffff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /** The JPEG with an EXIF segment holding a location, right after SOI. */
  static byte[] withExif(byte[] jpeg) {
    byte[] payload = "Exif\0\0GPSLatitude 21.0333 GPSLongitude 105.8500".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xff);
    out.write(0xe1);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xff);
    out.write(payload, 0, payload.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static Http.Response upload(String unit, String user, String field, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
        + "\"; filename=\"canh-bao.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.raw("POST", "/api/units/" + unit + "/alert-images", body.toByteArray(),
        "multipart/form-data; boundary=" + BOUNDARY, user == null ? null : http.login(user), Map.of());
  }

  static String uploaded(String unit, String user, byte[] content) {
    Http.Response r = upload(unit, user, "image", content);
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("id");
  }

  static HttpResponse<byte[]> bytes(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static String hex(String algorithm, byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(b));
  }

  static JsonObject alertWith(JsonArray images) {
    return AlertsIT.alert("Cảnh báo tin nhắn giả mạo ngân hàng", "subtree").put("images", images);
  }

  @Test
  void images_are_stored_without_metadata_bound_by_the_token_served_and_listed_in_cap() throws Exception {
    byte[] jpeg = withExif(image("jpg", 0xcc0000, 64));
    String jpegId = uploaded("01", "hanoi-admin", jpeg);
    String pngId = uploaded("01", "hanoi-admin", image("png", 0x0000cc, 48));
    assertTrue(jpegId.matches("[0-9a-f]{64}"), jpegId);
    assertEquals(jpegId, uploaded("01", "hanoi-admin", jpeg), "the same file is the same image");

    JsonObject issued = AlertsIT.issue("hanoi-admin", "01", alertWith(new JsonArray().add(jpegId).add(pngId)));
    String id = issued.getString("id");
    String[] parts = issued.getString("token").split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    assertEquals(new JsonArray().add(b64.encodeToString(HexFormat.of().parseHex(jpegId)))
        .add(b64.encodeToString(HexFormat.of().parseHex(pngId))), claims.getJsonArray("img"), claims.encode());

    HttpResponse<byte[]> first = bytes("/api/public/alerts/" + id + "/images/1");
    assertEquals(200, first.statusCode());
    assertEquals("image/jpeg", first.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", first.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(jpegId, hex("SHA-256", first.body()), "the id is the SHA-256 of the file served");
    assertFalse(new String(first.body(), StandardCharsets.ISO_8859_1).contains("GPSLatitude"), "EXIF was stripped");
    assertTrue(first.body().length < jpeg.length);
    assertEquals(ImageIO.read(new java.io.ByteArrayInputStream(first.body())).getWidth(), 64, "still a readable JPEG");
    HttpResponse<byte[]> second = bytes("/api/public/alerts/" + id + "/images/2");
    assertEquals("image/png", second.headers().firstValue("Content-Type").orElse(""));
    assertEquals(404, bytes("/api/public/alerts/" + id + "/images/3").statusCode());

    JsonObject verdict = AlertsIT.verify(issued.getString("link"));
    assertEquals("OFFICIAL", verdict.getString("verdict"));
    JsonArray shown = verdict.getJsonObject("alert").getJsonArray("images");
    assertEquals(2, shown.size(), verdict.encode());
    assertEquals("/api/public/alerts/" + id + "/images/1", shown.getJsonObject(0).getString("url"));

    String cap = http.get("/api/public/alerts/" + id + ".cap", null).body();
    CapDocumentTest.schema().newValidator().validate(new StreamSource(new StringReader(cap)));
    assertTrue(cap.contains("<mimeType>image/jpeg</mimeType><size>" + first.body().length + "</size><uri>"
        + "http"), cap);
    assertTrue(cap.contains("/api/public/alerts/" + id + "/images/1</uri><digest>" + hex("SHA-1", first.body())
        + "</digest>"), "CAP 1.2's digest is the SHA-1 of the file: " + cap);
    assertTrue(cap.contains("<digest>" + hex("SHA-1", second.body()) + "</digest>"), cap);
  }

  @Test
  void an_alert_without_images_has_no_img_claim() {
    JsonObject issued = AlertsIT.issue("hanoi-admin", "01", AlertsIT.alert("Cảnh báo không ảnh", "subtree"));
    String payload = new String(Base64.getUrlDecoder().decode(issued.getString("token").split("\\.")[1]),
        StandardCharsets.UTF_8);
    assertFalse(new JsonObject(payload).containsKey("img"), payload);
    assertEquals(0, issued.getJsonArray("images").size());
  }

  @Test
  void wrong_type_too_large_missing_file_and_a_caller_who_may_not_issue_are_refused() throws Exception {
    Http.Response gif = upload("01", "hanoi-admin", "image", "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(gif.isProblem(400, "alert-image-type"), gif.toString());
    assertTrue(gif.json().getString("detail").contains("JPEG"), gif.toString());
    Http.Response html = upload("01", "hanoi-admin", "image", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertTrue(html.isProblem(400, "alert-image-type"), html.toString());
    byte[] big = new byte[(int) AlertImages.MAX_BYTES + 1];
    System.arraycopy(image("png", 0, 8), 0, big, 0, 8);
    Http.Response large = upload("01", "hanoi-admin", "image", big);
    assertTrue(large.isProblem(400, "alert-image-size"), large.toString());
    Http.Response field = upload("01", "hanoi-admin", "photo", image("png", 0, 8));
    assertTrue(field.isProblem(400, "alert-image-file"), field.toString());
    Http.Response json = http.post("/api/units/01/alert-images", new JsonObject(), http.login("hanoi-admin"));
    assertTrue(json.isProblem(400, "alert-image-file"), json.toString());

    assertEquals(401, upload("01", null, "image", image("png", 0, 8)).status());
    Http.Response supervisor = upload("01", "hanoi-supervisor", "image", image("png", 0x00cc00, 8));
    assertEquals(403, supervisor.status(), supervisor.toString());
    Http.Response officerAbove = upload("01", "badinh-officer", "image", image("png", 0x00cc00, 8));
    assertEquals(403, officerAbove.status(), "a ward officer may not issue for the city: " + officerAbove);
  }

  @Test
  void unknown_or_too_many_images_in_an_alert_are_refused() throws Exception {
    String login = http.login("hanoi-admin");
    Http.Response unknown = http.post("/api/units/01/alerts", alertWith(new JsonArray().add("0".repeat(64))), login);
    assertTrue(unknown.isProblem(400, "alert-image-unknown"), unknown.toString());
    Http.Response notAnId = http.post("/api/units/01/alerts", alertWith(new JsonArray().add("../../etc/passwd")), login);
    assertTrue(notAnId.isProblem(400, "alert-image-unknown"), notAnId.toString());
    JsonArray five = new JsonArray();
    for (int i = 0; i < 5; i++) {
      five.add(uploaded("01", "hanoi-admin", image("png", 0x100000 * (i + 1), 8)));
    }
    Http.Response tooMany = http.post("/api/units/01/alerts", alertWith(five), login);
    assertTrue(tooMany.isProblem(400, "alert-image-count"), tooMany.toString());
    assertTrue(tooMany.json().getString("detail").contains("4"), tooMany.toString());
    List<Object> four = five.getList().subList(0, 4);
    assertEquals(4, AlertsIT.issue("hanoi-admin", "01", alertWith(new JsonArray(four))).getJsonArray("images").size());
  }
}
