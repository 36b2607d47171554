package vn.binhyen.verifier.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The citizen's alert page in headless Chromium: a genuine alert reads as verified with who issued
 * it and where it applies, on a phone and a desktop, without sideways scroll or serious axe-core
 * findings; once cancelled, the same page says so.
 */
class AlertPageBrowserIT {

  static final int[] WIDTHS = {360, 390, 1280};
  static WebDriver browser;
  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static void open(String path, int width) {
    Browser.width(browser, width);
    browser.get(http.base() + path);
    Browser.waitFor(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  @Test
  void a_citizen_sees_a_verified_alert_then_its_cancellation() {
    JsonObject body = new JsonObject().put("title", "Cảnh báo thủ đoạn gọi video giả danh công an")
        .put("body", "Công an không làm việc qua cuộc gọi video. Không chuyển tiền, không cài ứng dụng lạ.")
        .put("severity", "extreme").put("scope", "subtree").put("validHours", 24);
    Http.Response issued = http.post("/api/units/01/alerts", body, http.login("hanoi-admin"));
    assertEquals(201, issued.status(), issued.toString());
    String id = issued.json().getString("id");

    List<String> problems = new ArrayList<>();
    for (int width : WIDTHS) {
      open("/alerts/" + id, width);
      Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "OFFICIAL"));
      assertEquals(body.getString("title"), browser.findElement(By.id("title")).getText());
      assertTrue(browser.findElement(By.id("issuer")).getText().contains("(01)"));
      assertTrue(browser.findElement(By.id("scope")).getText().contains("01"));
      if (Browser.scrollsSideways(browser)) {
        problems.add(width + ": scrolls sideways");
      }
      Browser.axeSeriousFindings(browser).forEach(f -> problems.add(width + ": " + f));
    }
    assertEquals(List.of(), problems);

    // The poster: the print layout keeps the alert and a large QR code, without the site's navigation.
    open("/alerts/" + id, 1280);
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "OFFICIAL"));
    assertTrue(browser.findElement(By.id("print")).isDisplayed(), "an alert in force can be printed as a poster");
    var cdp = (org.openqa.selenium.chromium.ChromiumDriver) browser;
    cdp.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    try {
      assertFalse(browser.findElement(By.cssSelector(".citizen-nav")).isDisplayed(), "no navigation on the poster");
      assertFalse(browser.findElement(By.id("print")).isDisplayed(), "no button on the poster");
      assertTrue(browser.findElement(By.cssSelector(".poster-kicker")).isDisplayed());
      assertTrue(browser.findElement(By.id("title")).isDisplayed() && browser.findElement(By.id("body")).isDisplayed());
      assertTrue(browser.findElement(By.id("qr")).getSize().getWidth() >= 280,
          "a QR code large enough to scan from a wall: " + browser.findElement(By.id("qr")).getSize());
    } finally {
      cdp.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }

    assertEquals(200, http.post("/api/units/01/alerts/" + id + "/cancel", new JsonObject(), http.login("hanoi-admin")).status());
    open("/alerts/" + id, 390);
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "CANCELLED"));
    assertTrue(browser.findElement(By.id("verdict")).getText().contains("huỷ"), browser.findElement(By.id("verdict")).getText());
    assertFalse(browser.findElement(By.id("print")).isDisplayed(), "a cancelled alert is not offered as a poster");
  }
}
