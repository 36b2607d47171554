package vn.binhyen.console;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.PlatformFakes;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The alerts console end to end in headless Chromium, on the demo country: Hà Nội's admin writes
 * an alert for Phường Ba Đình (chosen with the unit picker) and confirms it; the console shows its
 * delivery per channel in words (the demo page has no access token: "not connected", not a
 * failure) and the admin connects the page, which then gets the alert; Ba Đình's officer sees it arrive from above, gets the text to paste into the ward's
 * Zalo group and marks it posted (the group's reported members count as followers reached); the
 * supervisor's dashboard shows the figures; a citizen opens /alerts/{id} and sees it verified; the
 * admin updates it (the new version replaces it) and cancels the update after a confirmation.
 * Each page at 390 and 1280 px, without sideways scroll, serious axe-core findings or internal
 * codes on screen.
 */
class AlertConsoleBrowserIT {

  static final int[] WIDTHS = {390, 1280};
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

  /** The page at both widths: no sideways scroll, no serious axe finding, no internal code. */
  static List<String> layoutProblems(String what) {
    return Browser.layoutProblems(browser, what, "alerts", true, WIDTHS);
  }

  /** The channel of one delivery of the alert, as Hà Nội's admin sees it. */
  static long channelOf(String alertId, long deliveryId) {
    Http.Response r = http.get("/api/units/01/alerts/" + alertId + "/deliveries", http.login("hanoi-admin"));
    assertEquals(200, r.status(), r.toString());
    for (Object o : r.json().getJsonArray("items")) {
      JsonObject d = (JsonObject) o;
      if (d.getLong("id") == deliveryId) {
        return d.getJsonObject("channel").getLong("id");
      }
    }
    throw new AssertionError("no delivery " + deliveryId + " in " + r.body());
  }

  /** Ba Đình's row of Hà Nội's alert figures. */
  static JsonObject wardFigures() {
    Http.Response r = http.get("/api/units/01/alert-figures", http.login("hanoi-supervisor"));
    assertEquals(200, r.status(), r.toString());
    for (Object o : r.json().getJsonArray("children")) {
      JsonObject c = (JsonObject) o;
      if ("00004".equals(c.getJsonObject("unit").getString("code"))) {
        return c;
      }
    }
    throw new AssertionError("no row of 00004 in " + r.body());
  }

  static WebElement waitFor(By by) {
    return Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void an_admin_writes_an_alert_a_ward_officer_sees_it_arrive_and_a_citizen_sees_it_verified() {
    String title = "Cảnh báo giả danh công an phường gọi video " + System.nanoTime();
    List<String> problems = new ArrayList<>();

    // Hà Nội's admin writes the alert for Phường Ba Đình, picked by name.
    Browser.width(browser, 1280);
    Browser.signIn(browser, http.base(), "hanoi-admin", "vi");
    open("/home");
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tasks a[href='/staff/alerts']"))).click();
    Browser.waitUntilSettled(browser);
    assertTrue(browser.getCurrentUrl().endsWith("/staff/alerts"), browser.getCurrentUrl());
    problems.addAll(layoutProblems("admin console"));
    browser.findElement(By.id("a-title")).sendKeys(title);
    browser.findElement(By.id("a-body")).sendKeys("Công an không làm việc qua cuộc gọi video. Không chuyển tiền, không cài ứng dụng lạ.");
    browser.findElement(By.id("a-category")).sendKeys("Giả danh công an");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a-severity"))).selectByValue("extreme");
    WebElement hours = browser.findElement(By.id("a-hours"));
    hours.clear();
    hours.sendKeys("24");
    browser.findElement(By.id("scope-units")).click();
    browser.findElement(By.id("a-units")).sendKeys("ba dinh");
    waitFor(By.cssSelector("#a-units-options li[data-code='00004']")).click();
    assertTrue(browser.findElement(By.id("a-units-chosen")).getText().contains("Phường Ba Đình"));
    browser.findElement(By.id("compose-submit")).click();
    WebElement dialog = waitFor(By.id("issue-dialog"));
    assertTrue(dialog.getText().contains("Phường Ba Đình"), dialog.getText());
    browser.findElement(By.id("issue-confirm")).click();
    WebElement row = waitFor(By.xpath("//tbody[@id='issued']/tr[.//strong[text()='" + title + "']]"));
    String id = row.getAttribute("data-alert");
    assertTrue(waitFor(By.id("toast")).getText().contains(title));
    assertTrue(row.getText().contains("Đang hiệu lực"), row.getText());

    // Its delivery per channel, in words: the demo page is not connected, the Zalo group waits for the officer.
    row.findElement(By.xpath(".//button[text()='Tình trạng gửi']")).click();
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#deliveries tr[data-state]")));
    String deliveries = browser.findElement(By.id("deliveries")).getText();
    assertTrue(deliveries.contains("Chờ cán bộ đăng thủ công"), deliveries);
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      open("/staff/alerts");
      d.findElement(By.xpath("//tbody[@id='issued']/tr[@data-alert='" + id + "']//button[text()='Tình trạng gửi']")).click();
      return d.findElement(By.id("deliveries")).getText().contains("Trang chưa kết nối");
    });
    assertFalse(browser.findElement(By.id("deliveries")).getText().contains("Không gửi được"));
    problems.addAll(layoutProblems("admin console with an alert"));

    // The admin connects Ba Đình's page with its access token: the alert in force is posted to it.
    String pageId = "1048576009" + String.format("%05d", System.nanoTime() % 100_000);
    String token = "EAAGconsole" + System.nanoTime();
    PlatformFakes.shared().acceptToken(token);
    browser.findElement(By.xpath("//tbody[@id='deliveries']/tr[@data-state='not-connected']//button[text()='Kết nối trang']")).click();
    waitFor(By.id("k-target")).sendKeys(pageId);
    browser.findElement(By.id("k-token")).sendKeys(token);
    browser.findElement(By.id("connect-submit")).click();
    assertTrue(waitFor(By.id("toast")).getText().contains("Đã kết nối"), browser.findElement(By.id("toast")).getText());
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> PlatformFakes.shared().inbox(pageId).stream()
        .anyMatch(r -> r.body().encode().contains("/alerts/" + id)));
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      open("/staff/alerts");
      d.findElement(By.xpath("//tbody[@id='issued']/tr[@data-alert='" + id + "']//button[text()='Tình trạng gửi']")).click();
      return d.findElement(By.id("deliveries")).getText().contains("Đã đăng");
    });

    // Ba Đình's officer sees it arrive from above, with the text to paste into the ward's Zalo group.
    Browser.signIn(browser, http.base(), "badinh-officer", "vi");
    open("/staff/alerts");
    assertTrue(browser.findElement(By.id("compose-card")).isDisplayed(), "a ward's officer writes the ward's alerts");
    WebElement received = waitFor(By.xpath("//tbody[@id='received']/tr[@data-alert='" + id + "']"));
    assertTrue(received.getText().contains("Thành phố Hà Nội"), received.getText());
    List<WebElement> toPaste = browser.findElements(By.xpath("//ul[@id='manual']/li[h3[text()='" + title + "']]"));
    assertFalse(toPaste.isEmpty(), "the ward's Zalo groups wait for the officer");
    String text = toPaste.get(0).findElement(By.tagName("textarea")).getAttribute("value");
    assertTrue(text.contains(title) && text.contains("/alerts/" + id), text);
    problems.addAll(layoutProblems("officer console"));
    // The group has 350 members by the ward's own figures: marking it posted reaches them.
    long deliveryId = Long.parseLong(toPaste.get(0).getAttribute("data-delivery"));
    long groupId = channelOf(id, deliveryId);
    String officer = http.login("badinh-officer");
    assertEquals(200, http.raw("PUT", "/api/admin/channels/" + groupId + "/figures",
        "{\"followers\":350,\"posts\":12,\"questionsAnswered\":3}", "application/json", officer).status());
    JsonObject figuresBefore = wardFigures();
    int before = toPaste.size();
    toPaste.get(0).findElement(By.xpath(".//button[text()='Đánh dấu đã đăng']")).click();
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.xpath("//ul[@id='manual']/li[h3[text()='" + title + "']]")).size() == before - 1);
    assertTrue(waitFor(By.id("toast")).getText().contains("Đã đánh dấu đã đăng"));
    JsonObject figuresAfter = wardFigures();
    assertEquals(figuresBefore.getLong("followersReached") + 350, figuresAfter.getLong("followersReached"));
    assertEquals(figuresBefore.getLong("channelsReached") + 1, figuresAfter.getLong("channelsReached"));

    // Hà Nội's supervisor sees the alert figures on the dashboard, Ba Đình's row with its followers reached.
    Browser.signIn(browser, http.base(), "hanoi-supervisor", "vi");
    open("/dashboard");
    WebElement ward = Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#alert-children tr[data-unit='00004']")));
    String reached = new java.text.DecimalFormat("#,###", java.text.DecimalFormatSymbols.getInstance(new java.util.Locale("vi", "VN")))
        .format(figuresAfter.getLong("followersReached"));
    assertTrue(ward.getText().contains("Phường Ba Đình") && ward.getText().contains(reached), ward.getText() + " / " + reached);
    assertTrue(browser.findElement(By.cssSelector("#alert-totals [data-figure='alertsIssued'] dd")).getText().matches("[0-9.]+"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", ward);
    problems.addAll(layoutProblems("supervisor dashboard"));

    // A citizen opens the alert's page: verified.
    browser.manage().deleteAllCookies();
    open("/alerts/" + id);
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "OFFICIAL"));
    assertEquals(title, browser.findElement(By.id("title")).getText());
    problems.addAll(layoutProblems("citizen page"));

    // The admin updates it: the form comes back filled, the new version replaces the old one.
    Browser.signIn(browser, http.base(), "hanoi-admin", "en");
    open("/staff/alerts");
    waitFor(By.xpath("//tbody[@id='issued']/tr[@data-alert='" + id + "']//button[text()='Update']")).click();
    assertEquals(title, browser.findElement(By.id("a-title")).getAttribute("value"));
    assertTrue(browser.findElement(By.id("compose-replacing")).getText().contains(title));
    String updated = title + " (bản cập nhật)";
    browser.findElement(By.id("a-title")).sendKeys(" (bản cập nhật)");
    browser.findElement(By.id("compose-submit")).click();
    assertTrue(waitFor(By.id("issue-dialog")).getText().contains("replaced"), browser.findElement(By.id("issue-dialog")).getText());
    browser.findElement(By.id("issue-confirm")).click();
    WebElement newer = waitFor(By.xpath("//tbody[@id='issued']/tr[.//strong[text()='" + updated + "']]"));
    String newId = newer.getAttribute("data-alert");
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.xpath("//tbody[@id='issued']/tr[@data-alert='" + id + "']"))
        .getText().contains("Replaced by an update"));

    // Then cancels the update, after the confirmation asks for a reason.
    // The list re-renders as the states change: find the row again rather than hold on to it.
    waitFor(By.xpath("//tbody[@id='issued']/tr[@data-alert='" + newId + "']//button[text()='Cancel the alert']")).click();
    waitFor(By.id("cancel-dialog"));
    browser.findElement(By.id("cancel-reason")).sendKeys("Đã có bản hướng dẫn mới");
    browser.findElement(By.id("cancel-confirm")).click();
    Browser.waitFor(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.xpath("//tbody[@id='issued']/tr[@data-alert='" + newId + "']"))
        .getText().contains("Cancelled"));
    assertEquals("CANCELLED", http.get("/api/public/verify?q=/alerts/" + newId, null).json()
        .getString("verdict"));
    problems.addAll(layoutProblems("admin console in English"));
    assertEquals(List.of(), problems);
  }
}
