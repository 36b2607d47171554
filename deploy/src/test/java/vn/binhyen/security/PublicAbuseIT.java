package vn.binhyen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.runtime.Platform;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestNode;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Public endpoints under abuse, on a node of its own cluster (its own rate-limit state) over the
 * demo database: 429 problem+json with Retry-After, and uploads kept out of served paths.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PublicAbuseIT {

  /** Public operations that must be rate-limited, by operationId prefix (those merged are checked). */
  static final List<String> LIMITED = List.of("impostorCheck", "impostorReport", "verify", "getTrustList", "submitTip", "tip",
      "followUp", "receipt");
  /** Checked on its own as well (it was found unlimited once). */
  static final List<String> VERIFY = List.of("verifyChannel");

  static Platform node;
  static Http http;
  static Contract contract;

  @BeforeAll
  static void world() {
    TestPlatform.demo();
    node = TestNode.start(TestPlatform.DATABASE, TestNode.newClusterName(), Map.of());
    http = new Http(node.httpPort());
    contract = Contract.fetch(http);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it spends this node's report quota
  void public_checks_reports_verification_and_tips_answer_429_with_retry_after_when_hammered() {
    int checked = hammer(id -> LIMITED.stream().anyMatch(id::startsWith) && !VERIFY.contains(id));
    System.out.println("[security] rate-limited public operations checked: " + checked);
    assertTrue(checked >= 2, "expected at least the impostor check and report");
  }

  @Test
  void public_verification_is_rate_limited() {
    assertEquals(1, hammer(VERIFY::contains));
  }

  private int hammer(java.util.function.Predicate<String> which) {
    int checked = 0;
    for (Contract.Operation op : contract.operations()) {
      if (!op.isPublic() || !which.test(op.id())) {
        continue;
      }
      Http.Response last = null;
      // Verification allows 600 a minute per address (BINHYEN_VERIFY_PER_MINUTE); the others far fewer.
      for (int i = 0; i < 1000; i++) {
        JsonObject body = op.id().equals("impostorReport")
            ? new JsonObject().put("name", "Trang thu hồi tiền " + i).put("areaCode", "00070") : null;
        last = Requests.send(http, op, Samples.path(op, Map.of()), body, null);
        if (last.status() == 429) {
          break;
        }
        assertTrue(last.status() < 500, op + ": " + last);
      }
      assertTrue(last.isProblem(429, "rate-limited"), op + " was not rate-limited after 1000 requests: " + last);
      assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElse("0")) > 0, op + " Retry-After");
      checked++;
    }
    return checked;
  }

  @Test
  void receipt_codes_are_rate_limited_against_guessing() {
    List<Contract.Operation> followUps = contract.operations().stream()
        .filter(o -> o.isPublic() && o.path().contains("{") && o.path().toLowerCase().matches(".*(receipt|tips?/).*"))
        .toList();
    Assumptions.assumeFalse(followUps.isEmpty(), "tip follow-up by receipt code is not merged yet");
    for (Contract.Operation op : followUps) {
      Http.Response last = null;
      for (int i = 0; i < 400; i++) {
        // A guesser sends a well-formed receipt and some secret: only the rate limit stops it.
        String path = op.path().replaceAll("\\{[^}]+}", String.format("GUESS-%05d", i));
        last = op.path().endsWith("/messages")
            ? http.raw("POST", path, new JsonObject().put("text", "đoán").encode().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json", null, Map.of("X-Tip-Secret", String.format("guess-secret-%010d", i)))
            : http.raw("GET", path, new byte[0], null, null, Map.of("X-Tip-Secret", String.format("guess-secret-%010d", i)));
        if (last.status() == 429) {
          break;
        }
        assertTrue(last.status() == 404 || last.status() == 400, op + " answered a guess with " + last);
      }
      assertTrue(last.isProblem(429, "rate-limited"), op + " lets receipt codes be guessed: " + last);
    }
  }

  static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

  record Upload(long caseId, String href) {}

  static Upload upload(String fileName, String type, byte[] content) {
    Http.Response filed = http.post("/api/public/reports", new JsonObject()
        .put("name", "Trang giả mạo thu hồi tiền " + System.nanoTime()).put("areaCode", "00004"), null);
    assertEquals(201, filed.status(), filed.toString());
    JsonObject receipt = filed.json();
    String path = "/api/public/reports/" + receipt.getLong("reportId") + "/screenshot";
    Http.Response r = http.raw("POST", path, Requests.multipart(new JsonObject().put("token",
            receipt.getString("uploadToken")), fileName, type, content),
        "multipart/form-data; boundary=" + Requests.BOUNDARY, null, Map.of());
    assertEquals(201, r.status(), r.toString());
    String officer = http.login("badinh-officer");
    JsonObject kase = http.get("/api/impostor/cases/" + receipt.getLong("caseId"), officer).json();
    return new Upload(receipt.getLong("caseId"),
        kase.getJsonArray("reports").getJsonObject(0).getJsonObject("screenshot").getString("href"));
  }

  static HttpResponse<byte[]> download(String href, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + href))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void uploads_are_stored_outside_served_paths_and_served_back_with_a_safe_type() throws Exception {
    Upload u = upload("../../../../web/static/evil.png", "text/html", PNG_HEAD);
    HttpResponse<byte[]> back = download(u.href(), http.login("badinh-officer"));
    assertEquals(200, back.statusCode());
    assertEquals("image/png", back.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", back.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(back.headers().firstValue("Content-Disposition").isPresent(), "Content-Disposition missing");
    assertFalse(back.headers().firstValue("Content-Disposition").get().contains(".."), "the client's file name comes back");
    assertEquals(404, http.get("/static/evil.png", null).status());
    Path data = node.config().dataDir();
    try (Stream<Path> files = Files.walk(data)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("evil")), "the client's file name is used on disk");
    }
    assertEquals(403, download(u.href(), http.login("hoankiem-officer")).statusCode(), "another ward's officer");
    assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + u.href())).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void exif_location_is_stripped_before_an_officer_downloads_a_photo() throws Exception {
    HttpResponse<byte[]> back = download(upload("photo.jpg", "image/jpeg", jpegWithGps()).href(),
        http.login("badinh-officer"));
    assertEquals(200, back.statusCode());
    assertFalse(new String(back.body(), StandardCharsets.ISO_8859_1).contains("Exif\0\0"),
        "the photo still carries its EXIF block (with GPS)");
  }

  /** A real JPEG with an APP1 EXIF block whose IFD0 points at a GPS IFD (latitude ref N). */
  static byte[] jpegWithGps() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", plain);
    byte[] jpg = plain.toByteArray();
    byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0,
        1, 0, 0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0, 0, 0, 0, 0};
    byte[] exif = new byte[6 + tiff.length];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
    System.arraycopy(tiff, 0, exif, 6, tiff.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write((exif.length + 2) >> 8);
    out.write((exif.length + 2) & 0xFF);
    out.write(exif);
    out.write(jpg, 2, jpg.length - 2);
    return out.toByteArray();
  }
}
