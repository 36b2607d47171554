package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/**
 * "My ward's pages" found by name on a phone: typing "ba dinh" lists Phường Ba Đình, choosing it
 * shows its verified pages with QR codes and a poster button; an old merged ward's name leads to
 * Ba Đình with a note; no sideways scroll and no serious axe-core finding at 390 and 1280 px.
 */
class UnitSearchBrowserIT {

  static WebDriver browser;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    http = TestPlatform.http();
    // The 2025 reform merged Phường Quán Thánh (00013) into Phường Ba Đình (00004).
    try (Connection c = TestDatabase.connect(TestPlatform.DATABASE); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO tenant (code, name, name_folded, level, path, depth, valid_to)
          SELECT '00013', 'Phường Quán Thánh', 'phuong quan thanh', 'commune', 'BCA/01/001/00013', 3, DATE '2025-06-30'
           WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE code = '00013' AND valid_to IS NOT NULL)""");
      s.execute("""
          INSERT INTO tenant_successor (tenant_id, successor_id, effective)
          SELECT o.id, n.id, DATE '2025-07-01' FROM tenant o, tenant n
           WHERE o.code = '00013' AND o.valid_to IS NOT NULL AND n.code = '00004' AND n.valid_to IS NULL
          ON CONFLICT DO NOTHING""");
    }
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void open(String path, int width) {
    Browser.width(browser, width);
    browser.get(http.base() + path);
    Browser.waitFor(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private static List<WebElement> searchFor(String q) {
    WebElement input = browser.findElement(By.id("unit-q"));
    input.clear();
    input.sendKeys(q);
    Browser.waitFor(browser).until(d -> !d.findElements(By.cssSelector("#unit-results a.unit-choice")).isEmpty());
    return browser.findElements(By.cssSelector("#unit-results a.unit-choice"));
  }

  private static void screenshot(String name) throws Exception {
    Dimension before = browser.manage().window().getSize();
    Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(before.getWidth(), Math.min(4000, ((Number) height).intValue() + 120)));
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(before);
  }

  @Test
  void typing_ba_dinh_lists_the_ward_and_opening_it_shows_its_pages_with_qr_codes() throws Exception {
    open("/verify", 390);
    browser.findElement(By.cssSelector("nav.citizen-nav a[href='/units']")).click();
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("unit-q")));
    assertTrue(browser.getCurrentUrl().endsWith("/units"), browser.getCurrentUrl());
    WebElement label = browser.findElement(By.cssSelector("label[for='unit-q']"));
    assertTrue(label.isDisplayed() && label.getText().contains("xã, phường"), label.getText());

    List<WebElement> found = searchFor("ba dinh");
    WebElement first = found.get(0);
    assertTrue(first.getText().contains("Phường Ba Đình"), first.getText());
    assertTrue(first.getText().contains("Cấp xã · Thành phố Hà Nội"), first.getText());
    assertTrue(first.getText().contains("Mã 00004"), first.getText());
    assertTrue(first.getSize().getHeight() >= 48, "tap target " + first.getSize());
    assertFalse(Browser.scrollsSideways(browser), "results scroll sideways at 390 px");
    screenshot("units-results-390");

    first.click();
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels li[data-status=verified]")));
    assertTrue(browser.getCurrentUrl().endsWith("/units/00004/channels"), browser.getCurrentUrl());
    assertEquals("Phường Ba Đình", browser.findElement(By.id("unit-name")).getText());
    List<WebElement> pages = browser.findElements(By.cssSelector("#channels li[data-status=verified]"));
    assertTrue(pages.size() >= 3, pages.size() + " pages");
    String text = browser.findElement(By.id("channels")).getText();
    assertTrue(text.contains("Trang Facebook") && text.contains("Nhóm Zalo"), text);
    for (WebElement page : pages) {
      WebElement qr = page.findElement(By.cssSelector("img.channel-qr"));
      Browser.waitFor(browser).until(d -> ((Number) ((JavascriptExecutor) d)
          .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", qr)).intValue() > 0);
      assertTrue(qr.getAttribute("alt").startsWith("Mã QR"), qr.getAttribute("alt"));
      WebElement poster = page.findElement(By.cssSelector(".channel-actions a.button:not(.secondary)"));
      assertEquals("In áp phích", poster.getText());
      assertTrue(poster.getAttribute("href").matches(".*/badge/\\d+\\?print=1"), poster.getAttribute("href"));
      assertTrue(poster.getSize().getHeight() >= 44, "tap target " + poster.getSize());
      assertTrue(page.findElement(By.cssSelector("a.channel-url")).getAttribute("href").startsWith("https://"));
    }
    assertFalse(Browser.scrollsSideways(browser), "channels scroll sideways at 390 px");
    screenshot("units-channels-390");

    browser.findElement(By.id("lang-toggle")).click();
    try {
      assertEquals("The name of your commune, ward or province", label.getText());
      assertTrue(browser.findElement(By.id("channels")).getText().contains("Print the poster"));
      assertTrue(browser.findElement(By.id("unit-where")).getText().contains("Commune level"));
      assertEquals("", browser.findElement(By.id("search-status")).getText(), "the chosen unit replaced the list");
      screenshot("units-channels-390-en");
    } finally {
      browser.findElement(By.id("lang-toggle")).click();
    }
  }

  @Test
  void an_old_merged_ward_leads_to_its_successor_with_a_note() throws Exception {
    open("/units", 390);
    WebElement first = searchFor("Quán Thánh").get(0);
    assertTrue(first.getText().contains("Phường Ba Đình"), first.getText());
    assertTrue(first.getText().contains("Trước đây: Phường Quán Thánh"), first.getText());
    first.click();
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-former")));
    assertTrue(browser.findElement(By.id("unit-former")).getText().contains("Phường Quán Thánh"));
    screenshot("units-formerly-390");
  }

  @Test
  void an_old_code_in_the_address_offers_the_unit_that_replaced_it() {
    open("/units/00013/channels", 390);
    WebElement first = Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#unit-results a.unit-choice")));
    assertTrue(first.getText().contains("Phường Ba Đình"), first.getText());
    assertTrue(first.getText().contains("Trước đây: Phường Quán Thánh"), first.getText());
    assertTrue(browser.findElement(By.id("unit-error")).getAttribute("hidden") != null, "no error shown");
  }

  @Test
  void no_sideways_scroll_and_no_serious_findings_at_390_and_1280_px() throws Exception {
    List<String> problems = new ArrayList<>();
    for (int width : new int[] {390, 1280}) {
      open("/units", width);
      searchFor("ba dinh");
      check("/units results @" + width, problems);
      screenshot("units-results-" + width);
      open("/units/00004/channels", width);
      Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels li[data-status=verified]")));
      Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit-where"), "Thành phố Hà Nội"));
      check("/units/00004/channels @" + width, problems);
      screenshot("units-channels-" + width);
    }
    open("/units", 390);
    WebElement input = browser.findElement(By.id("unit-q"));
    input.sendKeys("zzzzqqq");
    Browser.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-status"), "Không có đơn vị"));
    check("/units nothing found @390", problems);
    assertEquals(List.of(), problems);
  }

  private static void check(String where, List<String> problems) {
    if (Browser.scrollsSideways(browser)) {
      problems.add(where + ": scrolls sideways");
    }
    Browser.axeSeriousFindings(browser).forEach(f -> problems.add(where + ": " + f));
  }
}
