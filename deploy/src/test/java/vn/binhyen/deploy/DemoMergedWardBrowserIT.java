package vn.binhyen.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
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
 * The demo's merged ward, with every module running: Phường Quán Thánh (00013) was merged into
 * Phường Ba Đình (00004) by the demo seed through the reorganisation service, so its old code
 * resolves to the successor and the merge is in Ba Đình's audit log; at 390 px, "quan thanh"
 * typed without accents on /units lists Phường Ba Đình with "Trước đây: Phường Quán Thánh", and
 * choosing it opens Ba Đình's official pages.
 */
class DemoMergedWardBrowserIT {

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

  @Test
  void the_old_code_resolves_to_the_successor_through_a_recorded_merge() {
    JsonObject resolved = http.get("/api/public/units/00013", null).json();
    assertEquals(null, resolved.getValue("current"), resolved.encode());
    assertEquals("Phường Quán Thánh", resolved.getJsonArray("former").getJsonObject(0).getString("name"), resolved.encode());
    JsonArray successors = resolved.getJsonArray("successors");
    assertEquals(1, successors.size(), resolved.encode());
    assertEquals("00004", successors.getJsonObject(0).getString("code"));
    Http.Response audit = http.get("/api/admin/units/00004/audit?action=reorg.merge", http.login("hanoi-admin"));
    assertEquals(200, audit.status(), audit.toString());
    assertTrue(audit.body().contains("00013"), "the merge is in the audit log: " + audit.body());
  }

  @Test
  void searching_the_old_name_without_accents_leads_to_the_successors_pages() {
    Browser.width(browser, 390);
    browser.get(http.base() + "/units");
    Browser.waitFor(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    WebElement input = browser.findElement(By.id("unit-q"));
    input.sendKeys("quan thanh");
    Browser.waitFor(browser).until(d -> d.findElements(By.cssSelector("#unit-results a.unit-choice")).stream()
        .anyMatch(a -> a.getText().contains("Phường Quán Thánh")));
    List<WebElement> found = browser.findElements(By.cssSelector("#unit-results a.unit-choice"));
    WebElement successor = found.stream().filter(a -> a.getText().contains("Trước đây: Phường Quán Thánh")).findFirst()
        .orElseThrow(() -> new AssertionError("no result names the old ward: " + found.stream().map(WebElement::getText).toList()));
    assertTrue(successor.getText().contains("Phường Ba Đình"), successor.getText());
    assertTrue(successor.getText().contains("Mã 00004"), successor.getText());
    assertFalse(Browser.scrollsSideways(browser), () -> "results at 390 px: " + Browser.sidewaysCulprits(browser));
    Browser.screenshot(browser, "merged-ward-results-390.png");

    successor.click();
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels li[data-status=verified]")));
    assertTrue(browser.getCurrentUrl().endsWith("/units/00004/channels"), browser.getCurrentUrl());
    assertEquals("Phường Ba Đình", browser.findElement(By.id("unit-name")).getText());
    assertFalse(browser.findElements(By.cssSelector("#channels li[data-status=verified] img.channel-qr")).isEmpty(),
        "the successor's pages with their QR codes");
  }
}
