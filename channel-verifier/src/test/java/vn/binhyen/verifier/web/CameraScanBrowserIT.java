package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * /verify's camera scanner at 390 px in headless Chromium, its camera a video made from the real
 * QR code of Phường Ba Đình's demo page: "Quét mã QR" opens the camera and the verdict OFFICIAL
 * appears with the ward's name, the camera closed. Chromium on Linux has no BarcodeDetector, so
 * this is the server decoder's path (frames to {@code /api/public/qr/decode}). With the network
 * off the page says that this browser cannot read a QR code by itself.
 */
class CameraScanBrowserIT {

  static WebDriver browser;
  static Http http;
  static JsonObject channel;

  @BeforeAll
  static void start() throws Exception {
    http = TestPlatform.http();
    channel = http.get("/api/public/units/00004/channels", null).json().getJsonArray("items").getJsonObject(0);
    HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(http.base() + "/api/public/channels/" + channel.getLong("id") + "/qr.png?size=440")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode());
    BufferedImage qr = ImageIO.read(new ByteArrayInputStream(png.body()));
    Path video = FakeCamera.video(qr, Path.of("target", "camera", "poster-qr.y4m").toAbsolutePath());
    browser = Browser.start("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--use-file-for-fake-video-capture=" + video);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  static void open(String path) {
    browser.get(http.base() + path);
    Browser.waitFor(browser).until(d -> "complete".equals(js().executeScript("return document.readyState")));
  }

  @Test
  void scanning_the_posters_qr_code_opens_its_verdict() {
    Browser.width(browser, 390);
    open("/verify");
    assertEquals(Boolean.FALSE, js().executeScript("return 'BarcodeDetector' in window;"),
        "this Chromium has no BarcodeDetector: the server decoder is what is tested");
    WebElement scan = browser.findElement(By.id("scan-start"));
    assertEquals("Quét mã QR", scan.getText());
    assertTrue(scan.getSize().getHeight() >= 44, "a large tap target: " + scan.getSize());
    assertFalse(Browser.scrollsSideways(browser), "no sideways scroll at 390 px");
    assertEquals(List.of(), Browser.axeSeriousFindings(browser), "axe-core before scanning");
    scan.click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("result")).getAttribute("data-verdict") != null);
    WebElement result = browser.findElement(By.id("result"));
    assertEquals("OFFICIAL", result.getAttribute("data-verdict"), result.getText());
    assertTrue(result.getText().contains("Phường Ba Đình"), result.getText());
    assertTrue(result.getText().contains(channel.getString("displayName")), result.getText());
    assertTrue(browser.findElement(By.id("q")).getAttribute("value").contains(channel.getString("token")),
        "the code read is the poster's link with its token");
    assertFalse(browser.findElement(By.id("scanner")).isDisplayed(), "the camera closes once the code is read");
    assertEquals(Boolean.TRUE, js().executeScript("return document.getElementById('scan-video').srcObject === null;"),
        "the camera stream is released");
    assertFalse(Browser.scrollsSideways(browser), "no sideways scroll on the verdict");
    assertEquals(List.of(), Browser.axeSeriousFindings(browser), "axe-core on the scanned verdict");
    js().executeScript("document.getElementById('result').scrollIntoView({block: 'start'});");
    Browser.screenshot(browser, "scan-official-390.png");
  }

  @Test
  void offline_a_browser_without_barcode_detector_says_it_cannot_scan() {
    Browser.width(browser, 360);
    open("/verify");
    try {
      Browser.offline(browser, true);
      Browser.waitFor(browser).until(d -> Boolean.FALSE.equals(js().executeScript("return navigator.onLine;")));
      browser.findElement(By.id("scan-start")).click();
      WebElement status = browser.findElement(By.id("scan-status"));
      Browser.waitFor(browser).until(d -> status.isDisplayed() && status.getText().contains("Không có mạng"));
      assertTrue(status.getText().contains("ứng dụng máy ảnh"), status.getText());
      assertFalse(browser.findElement(By.id("scanner")).isDisplayed(), "no camera is opened for nothing");
      assertFalse(Browser.scrollsSideways(browser), "no sideways scroll at 360 px");
      js().executeScript("arguments[0].scrollIntoView({block: 'center'});", status);
      Browser.screenshot(browser, "scan-offline-360.png");
    } finally {
      Browser.offline(browser, false);
    }
  }
}
