package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.TestPlatform;

/** The tips pages in headless Chromium against a running node. */
class TipBrowserIT {

  private static WebDriver driver;

  @BeforeAll
  static void start() {
    TipWorld.demo();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static String url(String path) {
    return http().base() + path;
  }

  private static void login(String user) {
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(TestPlatform.PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/home"));
  }

  /** Clicks (again, if the page re-rendered the element) until {@code done}. */
  private static void clickUntil(By locator, java.util.function.Function<WebDriver, Boolean> done) {
    Browser.waitFor(driver).until(d -> {
      try {
        if (done.apply(d)) {
          return true;
        }
        d.findElement(locator).click();
        return done.apply(d);
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
  }

  @Test
  void the_unit_choices_say_what_to_do_and_name_each_wards_province() {
    driver.manage().deleteAllCookies();
    driver.get(url("/tips/new"));
    var wait = Browser.waitFor(driver);
    // Before any search: one choice that says what to do, not an empty grey box.
    wait.until(d -> new Select(d.findElement(By.id("unit"))).getOptions().size() == 1);
    assertTrue(new Select(driver.findElement(By.id("unit"))).getOptions().get(0).getText().contains("Tìm ở ô trên"));
    driver.findElement(By.id("unit-q")).sendKeys("ba dinh");
    // Two wards called Ba Đình differ by their province.
    wait.until(d -> new Select(d.findElement(By.id("unit"))).getOptions().stream()
        .anyMatch(o -> o.getText().equals("Phường Ba Đình · Thành phố Hà Nội (00004)")));
  }

  @Test
  void citizen_sends_a_tip_with_a_photo_and_follows_it_up() throws Exception {
    driver.manage().deleteAllCookies();
    driver.get(url("/tips/new?unit=00004"));
    var wait = Browser.waitFor(driver);
    wait.until(d -> "00004".equals(d.findElement(By.id("unit")).getAttribute("value"))
        && new Select(d.findElement(By.id("category"))).getOptions().size() == 9);
    new Select(driver.findElement(By.id("category"))).selectByValue("fraud");
    driver.findElement(By.id("text")).sendKeys("Trang giả mạo công an phường nhắn tin đòi tiền");
    Path photo = Files.createTempFile("tip-photo", ".png");
    Files.write(photo, PNG);
    driver.findElement(By.id("attachment")).sendKeys(photo.toString());
    driver.findElement(By.id("tip-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
    String receipt = driver.findElement(By.id("receipt")).getText();
    String secret = driver.findElement(By.id("secret")).getText();
    assertTrue(receipt.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"), receipt);

    // "Save as a picture": the download is a 720×420 PNG drawn from the receipt (captured here
    // instead of written to disk).
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.__saved = null;"
        + "const click = HTMLAnchorElement.prototype.click;"
        + "HTMLAnchorElement.prototype.click = function () {"
        + "  if (this.download) { window.__saved = {name: this.download, href: this.href}; } else { click.call(this); } };");
    driver.findElement(By.id("save-receipt")).click();
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> saved = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("return window.__saved;");
    assertEquals("tin-bao-" + receipt + ".png", saved.get("name"));
    String href = (String) saved.get("href");
    assertTrue(href.startsWith("data:image/png;base64,"), href.substring(0, Math.min(40, href.length())));
    java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
        java.util.Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
    assertEquals(720, picture.getWidth());
    assertEquals(420, picture.getHeight());
    assertEquals(0xa3161a, picture.getRGB(5, 5) & 0xffffff, "the brand band on top");

    driver.findElement(By.id("follow-link")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("receipt"), "value", receipt));
    driver.findElement(By.id("secret")).sendKeys(secret);
    driver.findElement(By.id("follow-submit")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "received"));
    driver.findElement(By.id("reply")).sendKeys("Tôi có thêm ảnh chụp màn hình");
    driver.findElement(By.id("reply-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "Tôi có thêm ảnh chụp màn hình"));

    long id = scalar("SELECT id FROM tip WHERE receipt = ?", receipt);
    assertEquals(1, scalar("SELECT count(*) FROM tip_attachment WHERE tip_id = ? AND media_type = 'image/png'", id));
  }

  @Test
  void ward_officer_handles_a_tip_and_the_reply_reaches_the_citizen() {
    JsonObject tip = submit("00004", "traffic", "Xe máy đi ngược chiều thường xuyên ở ngã tư", null);
    String receipt = tip.getString("receipt");
    login("badinh-officer");
    driver.get(url("/tips/inbox"));
    var wait = Browser.waitFor(driver);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tips tr")));
    driver.findElement(By.id("q")).sendKeys("nguoc chieu");
    driver.findElement(By.id("filter-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tips tr[data-receipt='" + receipt + "']")));
    // The list may render twice (first load and the filter); click whichever row is current.
    wait.until(d -> {
      try {
        d.findElement(By.cssSelector("#tips tr[data-receipt='" + receipt + "']")).click();
        return "received".equals(d.findElement(By.id("d-status")).getAttribute("data-status"));
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
    clickUntil(By.cssSelector("#d-actions button[data-action='triage']"),
        d -> "triaged".equals(d.findElement(By.id("d-status")).getAttribute("data-status")));
    driver.findElement(By.id("d-reply")).sendKeys("Công an phường đã bố trí tuần tra tại ngã tư");
    driver.findElement(By.id("d-reply-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-events"), "Công an phường đã bố trí"));

    JsonObject seen = follow(receipt, tip.getString("secret")).json();
    assertEquals("triaged", seen.getString("status"));
    assertTrue(seen.getJsonArray("events").encode().contains("bố trí tuần tra"));

    // Then to its end: assigned (to the officer), started, resolved with a note; the citizen sees it resolved.
    clickUntil(By.id("d-assign-me"), d -> "assigned".equals(d.findElement(By.id("d-status")).getAttribute("data-status")));
    clickUntil(By.cssSelector("#d-actions button[data-action='start']"),
        d -> "in_progress".equals(d.findElement(By.id("d-status")).getAttribute("data-status")));
    driver.findElement(By.id("d-note")).sendKeys("Đã tuần tra, nhắc nhở người vi phạm");
    clickUntil(By.cssSelector("#d-actions button[data-action='resolve']"),
        d -> "resolved".equals(d.findElement(By.id("d-status")).getAttribute("data-status")));
    assertTrue(driver.findElements(By.cssSelector("#d-actions button")).isEmpty(), "actions offered on a resolved tip");
    String history = driver.findElement(By.id("d-events")).getText();
    assertTrue(history.contains("Đã tuần tra, nhắc nhở người vi phạm"), history);
    assertEquals("resolved", follow(receipt, tip.getString("secret")).json().getString("status"));
  }

  @Test
  void supervisor_dashboard_shows_a_new_tip_live() {
    login("hanoi-supervisor");
    driver.get(url("/dashboard"));
    var wait = Browser.waitFor(driver);
    wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
    wait.until(d -> d.findElement(By.id("total")).getText().matches("\\d+"));
    long before = Long.parseLong(driver.findElement(By.id("total")).getText());
    submit("00004", "fire", "Khói bốc lên từ kho hàng", null);
    wait.until(d -> Long.parseLong(d.findElement(By.id("total")).getText()) == before + 1);
    assertTrue(driver.findElements(By.cssSelector("#children a")).size() > 10, "children with drill-down links");
    assertTrue(driver.findElements(By.cssSelector("#chart-days svg polyline")).size() == 1);
  }

  @Test
  void supervisor_drills_down_to_a_ward_and_is_told_when_a_unit_is_outside_the_scope() {
    login("hanoi-supervisor");
    driver.get(url("/dashboard"));
    var wait = Browser.waitFor(driver);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertTrue(driver.findElement(By.id("unit-name")).getText().contains("Hà Nội"));
    driver.findElement(By.cssSelector("#children a[href='/dashboard?unit=00004']")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("unit=00004")
        && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    wait.until(d -> d.findElement(By.id("unit-name")).getText().contains("Ba Đình"));
    assertTrue(driver.findElement(By.id("total")).getText().matches("\\d+"), driver.findElement(By.id("total")).getText());

    // Đắk Lắk is another province: the page says so in words, not with empty dashes.
    driver.get(url("/dashboard?unit=66"));
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertEquals("Đơn vị này nằm ngoài phạm vi của bạn.", driver.findElement(By.cssSelector("main > p.error")).getText());
  }

  @Test
  void the_period_is_typed_day_first_whatever_the_browsers_locale_and_a_bad_date_is_explained() {
    login("hanoi-supervisor");
    driver.get(url("/dashboard"));
    var wait = Browser.waitFor(driver);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    org.openqa.selenium.WebElement from = driver.findElement(By.id("from-text"));
    assertEquals("text", from.getAttribute("type"), "not the native date input, which shows mm/dd/yyyy in an English browser");
    assertEquals("ngày/tháng/năm", from.getAttribute("placeholder"));
    // 13 cannot be a month: the field says how to write the date.
    from.sendKeys("02/13/2026");
    assertEquals("true", from.getAttribute("aria-invalid"));
    assertTrue(driver.findElement(By.id("from-text-note")).getText().contains("ngày/tháng/năm, ví dụ 02/12/2026"));
    from.clear();
    from.sendKeys("01/11/2026");
    driver.findElement(By.id("to-text")).sendKeys("30/11/2026");
    assertEquals("false", from.getAttribute("aria-invalid"));
    driver.findElement(By.id("period-submit")).click();
    wait.until(d -> d.findElement(By.id("csv")).getAttribute("href").contains("from=2026-11-01"));
    assertTrue(driver.findElement(By.id("csv")).getAttribute("href").contains("to=2026-11-30"),
        driver.findElement(By.id("csv")).getAttribute("href"));
  }

  @Test
  void a_supervisor_opens_another_units_dashboard_by_its_name_typed_without_accents() {
    login("hanoi-supervisor");
    driver.get(url("/dashboard"));
    var wait = Browser.waitFor(driver);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    driver.findElement(By.id("unit-search")).sendKeys("phuong ba dinh");
    org.openqa.selenium.WebElement option = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#unit-search-options li[data-code='00004']")));
    assertTrue(option.getText().contains("Phường Ba Đình") && option.getText().contains("Thành phố Hà Nội"),
        "the option shows the unit with its province: " + option.getText());
    // The keyboard picks it as well as the mouse: down to it, then Enter.
    java.util.List<org.openqa.selenium.WebElement> options = driver.findElements(By.cssSelector("#unit-search-options li"));
    for (int i = 0; i <= options.indexOf(option); i++) {
      driver.findElement(By.id("unit-search")).sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    }
    driver.findElement(By.id("unit-search")).sendKeys(org.openqa.selenium.Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/dashboard?unit=00004"));
    wait.until(d -> d.findElement(By.id("unit-name")).getText().contains("Ba Đình"));
  }
}
