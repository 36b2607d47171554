package vn.binhyen.verifier.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** The QR code served for a channel decodes (ZXing) to its verification link with the same token. */
class ChannelQrIT {

  @Test
  void the_png_qr_code_of_a_demo_channel_decodes_to_its_token() throws Exception {
    Http http = TestPlatform.http();
    JsonObject channel = http.get("/api/public/units/01/channels", null).json().getJsonArray("items").getJsonObject(0);
    HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(http.base() + "/api/public/channels/" + channel.getLong("id") + "/qr.png?size=600")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
    var image = ImageIO.read(new ByteArrayInputStream(png.body()));
    String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText(); // a clean image: see QrCodesTest.decode
    assertTrue(text.contains("/verify?t="), text);
    String token = URLDecoder.decode(text.substring(text.indexOf("?t=") + 3), StandardCharsets.US_ASCII);
    assertEquals(channel.getString("token"), token);
    Http.Response svg = http.get("/api/public/channels/" + channel.getLong("id") + "/qr.svg", null);
    assertTrue(svg.contentType().startsWith("image/svg+xml") && svg.body().startsWith("<svg"), svg.contentType());
  }

  @Test
  void an_unknown_channel_has_no_qr_code() {
    assertTrue(TestPlatform.http().get("/api/public/channels/99999999/qr.png", null).isProblem(404, "not-found"));
  }
}
