package vn.binhyen.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * An alert with an image, in headless Chromium: Hà Nội's admin picks a photo in the console's
 * form (uploaded at once, shown as a thumbnail), issues the alert, and a citizen sees the photo on
 * /alerts/{id} as the platform serves it. Both pages at 390 and 1280 px without sideways scroll or
 * serious axe-core findings.
 */
class AlertImagesBrowserIT {

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

  static void open(String path) {
    browser.get(http.base() + path);
    Browser.waitUntilSettled(browser);
  }

  static List<String> layoutProblems(String what) {
    return Browser.layoutProblems(browser, what, "alert-images", false, AlertConsoleBrowserIT.WIDTHS);
  }

  /** Whether the image element has loaded a decodable picture. */
  static boolean loaded(WebElement img) {
    Object w = ((JavascriptExecutor) browser).executeScript(
        "return arguments[0].complete ? arguments[0].naturalWidth : 0;", img);
    return w instanceof Number n && n.intValue() > 0;
  }

  @Test
  void an_admin_attaches_a_photo_and_a_citizen_sees_it_on_the_alert_page() throws Exception {
    BufferedImage picture = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 120; x++) {
      for (int y = 0; y < 80; y++) {
        picture.setRGB(x, y, x < 60 ? 0xc00000 : 0xffd700);
      }
    }
    Path file = Files.createTempFile("tin-nhan-gia-", ".png");
    ImageIO.write(picture, "png", file.toFile());
    String title = "Cảnh báo tin nhắn giả mạo có ảnh " + System.nanoTime();
    List<String> problems = new ArrayList<>();

    Browser.width(browser, 1280);
    Browser.signIn(browser, http.base(), "hanoi-admin", "vi");
    open("/staff/alerts");
    browser.findElement(By.id("a-title")).sendKeys(title);
    browser.findElement(By.id("a-body")).sendKeys("Tin nhắn như trong ảnh là giả mạo. Không bấm vào đường link.");
    browser.findElement(By.id("a-images")).sendKeys(file.toAbsolutePath().toString());
    WebElement thumb = Browser.waitFor(browser).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#a-image-list img")));
    Browser.waitFor(browser).until(d -> loaded(thumb));
    assertEquals("Ảnh 1 của cảnh báo", thumb.getAttribute("alt"));
    assertTrue(browser.findElement(By.id("a-images-status")).getText().contains("1/4"),
        browser.findElement(By.id("a-images-status")).getText());
    problems.addAll(layoutProblems("form with a photo"));
    browser.findElement(By.id("compose-submit")).click();
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("issue-dialog")));
    browser.findElement(By.id("issue-confirm")).click();
    WebElement row = Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//tbody[@id='issued']/tr[.//strong[text()='" + title + "']]")));
    String id = row.getAttribute("data-alert");
    assertTrue(browser.findElements(By.cssSelector("#a-image-list img")).isEmpty(), "the form was cleared");

    browser.manage().deleteAllCookies();
    open("/alerts/" + id);
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "OFFICIAL"));
    WebElement shown = Browser.waitFor(browser).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#images img")));
    Browser.waitFor(browser).until(d -> loaded(shown));
    assertTrue(shown.getAttribute("src").endsWith("/api/public/alerts/" + id + "/images/1"), shown.getAttribute("src"));
    assertEquals(120L, ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", shown))
        .longValue(), "the served picture is the one uploaded");
    problems.addAll(layoutProblems("citizen page with a photo"));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    Files.deleteIfExists(file);
  }
}
