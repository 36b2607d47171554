package vn.binhyen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** Every HTML page carries the strict headers; script-bearing Vietnamese text never executes. */
class BrowserDefencesIT {

  static final String PAYLOAD = "<img src=x onerror=alert(1)>Công an phường <script>alert(1)</script>";
  static final List<String> SEEDS = List.of("/", "/home", "/login", "/api/docs", "/check", "/report", "/cases",
      "/impostors", "/admin", "/admin/setup", "/verify", "/tips", "/tip", "/track", "/channels", "/dashboard");
  static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)");
  static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S", Pattern.CASE_INSENSITIVE);
  static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  static Http http;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void world() {
    http = TestPlatform.http();
    base = http.base();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void every_html_page_carries_a_strict_csp_nosniff_referrer_policy_and_frame_protection() {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(SEEDS);
    int pages = 0;
    while (!queue.isEmpty()) {
      String path = queue.poll();
      if (!seen.add(path) || path.startsWith("/static/") || path.startsWith("/api/docs/ui")) {
        continue;
      }
      Http.Response r = http.get(path, null);
      if (r.status() == 302 || r.status() == 301) {
        queue.add(r.headers().firstValue("Location").orElse("/"));
        continue;
      }
      if (!r.contentType().startsWith("text/html")) {
        continue;
      }
      pages++;
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      String scriptSrc = csp.replaceAll(".*script-src([^;]*).*", "$1");
      assertTrue(csp.contains("script-src 'self'") && !scriptSrc.contains("unsafe") && csp.contains("object-src 'none'"),
          path + " CSP: " + csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), path + " CSP: " + csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
      assertFalse(INLINE_SCRIPT.matcher(r.body()).find(), path + " has an inline script");
      assertFalse(INLINE_HANDLER.matcher(r.body()).find(), path + " has an inline event handler");
      Matcher m = HREF.matcher(r.body());
      while (m.find()) {
        queue.add(m.group(1));
      }
    }
    System.out.println("[security] HTML pages checked: " + pages + " of " + seen);
    assertTrue(pages >= 8, "HTML pages found: " + pages + " in " + seen);
  }

  static WebDriver browser() {
    if (browser == null) {
      browser = Browser.start();
    }
    return browser;
  }

  /** No alert opened, no element injected by the payload, and the text shown as text. */
  static void assertInert(WebDriver b, String where) {
    try {
      b.switchTo().alert();
      throw new AssertionError(where + ": an alert opened");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    Object injected = ((JavascriptExecutor) b).executeScript(
        "return document.querySelectorAll('img[src=\"x\"], img[onerror], script:not([src])').length");
    assertEquals(0L, ((Number) injected).longValue(), where + ": the payload became markup");
  }

  static void fill(WebDriver b, String formId, String text) {
    for (WebElement input : b.findElements(By.cssSelector("#" + formId + " input, #" + formId + " textarea"))) {
      String type = String.valueOf(input.getAttribute("type"));
      if (type.equals("file") || type.equals("hidden") || type.equals("checkbox") || type.equals("radio")) {
        continue;
      }
      input.clear();
      input.sendKeys(input.getAttribute("pattern") != null ? "00004" : text);
    }
  }

  @Test
  void script_bearing_channel_names_in_the_admin_console_are_shown_escaped() {
    WebDriver b = browser();
    b.manage().deleteAllCookies();
    b.get(base + "/login");
    b.findElement(By.id("username")).sendKeys("badinh-officer");
    b.findElement(By.id("password")).sendKeys(TestPlatform.PASSWORD);
    b.findElement(By.id("login-submit")).click();
    Browser.waitFor(b).until(ExpectedConditions.urlToBe(base + "/home"));
    b.get(base + "/admin");
    Browser.waitFor(b).until(ExpectedConditions.visibilityOfElementLocated(By.id("ch-name")));
    String nonce = "xssch" + Long.toString(System.nanoTime(), 36);
    new org.openqa.selenium.support.ui.Select(b.findElement(By.id("ch-platform"))).selectByValue("facebook_page");
    b.findElement(By.id("ch-link")).sendKeys("https://www.facebook.com/" + nonce);
    b.findElement(By.id("ch-name")).sendKeys(PAYLOAD + " " + nonce);
    b.findElement(By.id("ch-serves")).sendKeys(PAYLOAD);
    b.findElement(By.id("ch-admins")).sendKeys(PAYLOAD);
    b.findElement(By.cssSelector("#channel-form button[type=submit], #channel-form button:not([type=button])")).click();
    Browser.waitFor(b).until(d -> d.findElement(By.id("channel-list")).getText().contains(nonce)
        || !d.findElement(By.id("toast")).getText().isBlank());
    // a long list is paged: the table's own search box brings the new row to the first page
    Browser.waitFor(b).until(d -> d.findElement(By.id("channel-list")).getText().contains(nonce)
        || d.findElements(By.id("channel-list-filter")).stream().anyMatch(WebElement::isDisplayed)
        || d.findElement(By.id("toast")).getAttribute("class").contains("bad"));
    for (WebElement filter : b.findElements(By.id("channel-list-filter"))) {
      if (filter.isDisplayed()) {
        filter.sendKeys(nonce);
      }
    }
    assertTrue(b.findElement(By.id("channel-list")).getText().contains(nonce), b.findElement(By.id("toast")).getText());
    assertTrue(b.findElement(By.id("channel-list")).getText().contains("<script>alert(1)</script>"));
    assertInert(b, "/admin");
  }

  /** Waits until the answer (or the error) of a form is on screen. */
  static void waitShown(WebDriver b, String answerId, String errorId) {
    Browser.waitFor(b).until(d -> d.findElement(By.id(answerId)).isDisplayed()
        && !d.findElement(By.id(answerId)).getText().isBlank() || !d.findElement(By.id(errorId)).getText().isBlank());
  }

  @Test
  void script_bearing_text_in_the_login_form_does_not_execute() {
    WebDriver b = browser();
    b.manage().deleteAllCookies();
    b.get(base + "/login");
    fill(b, "login-form", PAYLOAD);
    b.findElement(By.id("login-submit")).click();
    Browser.waitFor(b).until(d -> !d.findElements(By.cssSelector("[role=alert], .error")).isEmpty()
        && d.findElements(By.cssSelector("[role=alert], .error")).stream().anyMatch(e -> !e.getText().isBlank()));
    assertInert(b, "/login");
  }

  @Test
  void script_bearing_text_checked_and_reported_is_shown_escaped_to_the_citizen_and_the_officer() {
    WebDriver b = browser();
    b.manage().deleteAllCookies();
    b.get(base + "/check");
    fill(b, "check-form", PAYLOAD);
    b.findElement(By.id("check-submit")).click();
    waitShown(b, "result", "check-error");
    assertInert(b, "/check");

    String nonce = "xss" + Long.toString(System.nanoTime(), 36);
    b.get(base + "/report");
    fill(b, "report-form", PAYLOAD + " " + nonce);
    b.findElement(By.id("link")).clear();
    // A name that claims no real unit, so the case goes to the area given (00004, Ba Đình).
    b.findElement(By.id("name")).clear();
    b.findElement(By.id("name")).sendKeys("<img src=x onerror=alert(1)>Trang hỗ trợ <script>alert(1)</script> " + nonce);
    b.findElement(By.id("report-submit")).click();
    waitShown(b, "receipt", "report-error");
    assertTrue(b.findElement(By.id("receipt")).isDisplayed(), b.findElement(By.id("report-error")).getText());
    assertInert(b, "/report");

    b.get(base + "/login");
    b.findElement(By.id("username")).sendKeys("badinh-officer");
    b.findElement(By.id("password")).sendKeys(TestPlatform.PASSWORD);
    b.findElement(By.id("login-submit")).click();
    Browser.waitFor(b).until(ExpectedConditions.urlToBe(base + "/home"));
    b.get(base + "/cases");
    Browser.waitFor(b).until(d -> d.findElement(By.tagName("body")).getText().contains(nonce));
    assertTrue(b.findElement(By.tagName("body")).getText().contains("<script>alert(1)</script>"),
        "the officer sees the text as text");
    assertInert(b, "/cases");
  }
}
