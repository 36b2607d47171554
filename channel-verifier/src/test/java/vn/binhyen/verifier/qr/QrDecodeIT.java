package vn.binhyen.verifier.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * {@code POST /api/public/qr/decode}, the camera scanner's decoder for browsers without
 * BarcodeDetector: the poster's QR code, drawn into a camera-sized JPEG frame, reads as its
 * /verify link; garbage, a frame with no code and an image over the pixel limit are problems
 * (400), never a 500.
 */
class QrDecodeIT {

  static Http http;
  static JsonObject channel;

  @BeforeAll
  static void demo() {
    http = TestPlatform.http();
    channel = http.get("/api/public/units/00004/channels", null).json().getJsonArray("items").getJsonObject(0);
  }

  static Http.Response decode(byte[] image) {
    return decode("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(image));
  }

  static Http.Response decode(String image) {
    return http.post("/api/public/qr/decode", new JsonObject().put("image", image), null);
  }

  static byte[] jpeg(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, "jpeg", out));
    return out.toByteArray();
  }

  /** The poster's QR PNG at 360 px on a grey 640 × 480 "camera" frame, saved as JPEG. */
  static byte[] cameraFrame() throws Exception {
    HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(http.base() + "/api/public/channels/" + channel.getLong("id") + "/qr.png?size=360")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode());
    BufferedImage qr = ImageIO.read(new ByteArrayInputStream(png.body()));
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new Color(150, 140, 130));
    g.fillRect(0, 0, 640, 480);
    g.drawImage(qr, 170, 60, null);
    g.dispose();
    return jpeg(frame);
  }

  @Test
  void the_posters_qr_code_in_a_camera_frame_reads_as_its_verify_link() throws Exception {
    byte[] frame = cameraFrame();
    assertTrue(frame.length < QrFrames.MAX_BYTES, "a camera frame fits the limit: " + frame.length);
    Http.Response answer = decode(frame);
    assertEquals(200, answer.status(), answer.toString());
    assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
    String text = answer.json().getString("text");
    assertTrue(text.contains("/verify?t="), text);
    assertEquals(channel.getString("token"), URLDecoder.decode(text.substring(text.indexOf("?t=") + 3), StandardCharsets.US_ASCII));
    // Bare base64 (no data: prefix) reads the same.
    assertEquals(text, decode(Base64.getEncoder().encodeToString(frame)).json().getString("text"));
  }

  @Test
  void garbage_is_a_problem_not_a_server_error() throws Exception {
    Http.Response notBase64 = decode("data:image/jpeg;base64,@@@not base64@@@");
    assertTrue(notBase64.isProblem(400, "invalid-image"), notBase64.toString());
    Http.Response text = decode("plain text, not an image".getBytes(StandardCharsets.UTF_8));
    assertTrue(text.isProblem(400, "invalid-image"), text.toString());
    assertTrue(text.json().getString("detail").contains("JPEG"), text.toString());
    // A JPEG's first bytes followed by noise: looks like a JPEG, cannot be read.
    byte[] broken = new byte[4000];
    new java.util.Random(7).nextBytes(broken);
    broken[0] = (byte) 0xff;
    broken[1] = (byte) 0xd8;
    broken[2] = (byte) 0xff;
    Http.Response unreadable = decode(broken);
    assertTrue(unreadable.isProblem(400, "invalid-image"), unreadable.toString());
    Http.Response missing = http.post("/api/public/qr/decode", new JsonObject(), null);
    assertTrue(missing.isProblem(400, "validation"), missing.toString());
  }

  @Test
  void a_frame_without_a_code_says_so() throws Exception {
    BufferedImage blank = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 320, 240);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(40, 40, 120, 90);
    g.dispose();
    Http.Response none = decode(jpeg(blank));
    assertTrue(none.isProblem(400, "no-qr-code"), none.toString());
  }

  @Test
  void an_image_over_the_pixel_limit_is_refused_before_it_is_decoded() throws Exception {
    // 2000 × 10 pixels of one colour: a tiny PNG whose side is over the limit.
    BufferedImage wide = new BufferedImage(QrFrames.MAX_SIDE_PX + 400, 10, BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(wide, "png", out);
    Http.Response tooLarge = decode("data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray()));
    assertTrue(tooLarge.isProblem(400, "invalid-image"), tooLarge.toString());
    assertTrue(tooLarge.json().getString("detail").contains(String.valueOf(QrFrames.MAX_SIDE_PX)), tooLarge.toString());
  }
}
