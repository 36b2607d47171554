package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Every citizen page on a phone (360 and 390 px) and a desktop (1280 px) in headless Chromium: no
 * sideways scroll, no serious or critical axe-core finding, one citizen navigation; a tampered
 * token shows none of its claims; the tip receipt's copy button fills the clipboard; a wrong
 * follow-up secret reads in plain words.
 */
class CitizenPagesBrowserIT {

  static final List<String> PAGES = List.of("/", "/verify", "/check", "/report", "/impostors", "/units",
      "/units/00004/channels", "/tips/new", "/tips/follow");
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

  static String demoToken() {
    JsonObject unit = http.get("/api/public/units/01/channels", null).json();
    return unit.getJsonArray("items").getJsonObject(0).getString("token");
  }

  @Test
  void every_citizen_page_fits_a_phone_and_a_desktop_without_serious_accessibility_findings() {
    List<String> problems = new ArrayList<>();
    List<String> pages = new ArrayList<>(PAGES);
    pages.add("/verify?t=" + demoToken());
    for (String page : pages) {
      for (int width : WIDTHS) {
        open(page, width);
        if (page.contains("?t=")) {
          Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("result"), "data-verdict", "OFFICIAL"));
        }
        String where = page.replaceAll("\\?t=.*", "?t=<token>") + " @" + width;
        if (Browser.scrollsSideways(browser)) {
          problems.add(where + ": scrolls sideways");
        }
        if (browser.findElements(By.cssSelector("nav.citizen-nav a[href='/tips/follow']")).isEmpty()) {
          problems.add(where + ": no citizen navigation");
        }
        Browser.axeSeriousFindings(browser).forEach(f -> problems.add(where + ": " + f));
        // One top bar on every citizen page: the name, the tagline, the language (and the staff sign-in
        // on the home page); the pages themselves are in the navigation, not repeated up there.
        if (browser.findElements(By.cssSelector(".bar .tagline")).isEmpty()
            || !browser.findElements(By.cssSelector(".bar a:not(.brand):not(#staff-link)")).isEmpty()) {
          problems.add(where + ": top bar differs from the other citizen pages");
        }
        // One reading width: no citizen form stretched across a desktop screen.
        long mainWidth = ((Number) ((JavascriptExecutor) browser).executeScript(
            "return document.querySelector('main').getBoundingClientRect().width;")).longValue();
        if (!page.equals("/") && mainWidth > 720) {
          problems.add(where + ": main is " + mainWidth + " px wide");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /**
   * The pages in the state a citizen reaches them after acting: a channel's printable
   * badge, a unit search with its answers, a followed tip with its history.
   */
  @Test
  void the_pages_in_their_answered_states_fit_a_phone_and_a_desktop_too() {
    JsonObject channel = http.get("/api/public/units/01/channels", null).json().getJsonArray("items").getJsonObject(0);
    JsonObject tip = http.post("/api/public/tips", new JsonObject().put("unit", "00004").put("category", "fraud")
        .put("text", "Có người gọi điện xưng là công an phường, yêu cầu chuyển tiền để xác minh"), null).json();
    List<String> problems = new ArrayList<>();
    for (int width : WIDTHS) {
      open("/badge/" + channel.getValue("id"), width);
      Browser.waitFor(browser).until(d -> channel.getString("displayName").equals(d.findElement(By.id("badge-name")).getText()));
      problems.addAll(findings("/badge/<id> @" + width));

      open("/units", width);
      browser.findElement(By.id("unit-q")).sendKeys("ba dinh\n");
      Browser.waitFor(browser).until(d -> d.findElement(By.id("unit-results")).isDisplayed()
          && !d.findElements(By.cssSelector("#unit-results li")).isEmpty());
      problems.addAll(findings("/units?q=ba dinh @" + width));

      open("/tips/follow?receipt=" + tip.getString("receipt"), width);
      browser.findElement(By.id("secret")).sendKeys(tip.getString("secret"));
      browser.findElement(By.id("follow-submit")).click();
      Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-card")));
      problems.addAll(findings("/tips/follow (a followed tip) @" + width));
    }
    assertEquals(List.of(), problems);
  }

  /** What is wrong with the page on screen: sideways scroll and serious or critical axe-core findings. */
  static List<String> findings(String where) {
    List<String> problems = new ArrayList<>();
    if (Browser.scrollsSideways(browser)) {
      problems.add(where + ": scrolls sideways");
    }
    Browser.axeSeriousFindings(browser).forEach(f -> problems.add(where + ": " + f));
    return problems;
  }

  @Test
  void the_token_details_are_readable_lines_at_390_px_not_a_letter_a_line() {
    open("/verify?t=" + demoToken(), 390);
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("result"), "data-verdict", "OFFICIAL"));
    List<WebElement> values = browser.findElements(By.cssSelector("#result-facts dd"));
    assertFalse(values.isEmpty());
    for (WebElement dd : values) {
      assertTrue(dd.getSize().getWidth() > 250, dd.getText() + " is " + dd.getSize().getWidth() + " px wide");
    }
  }

  @Test
  void a_report_names_the_citizens_ward_by_name_not_by_a_code() {
    open("/report", 390);
    assertFalse(browser.findElement(By.cssSelector("label[for=area-q]")).getText().contains("Mã"), "asks a citizen for a unit code");
    browser.findElement(By.id("area-q")).sendKeys("ba dinh");
    Browser.waitFor(browser).until(d -> new Select(d.findElement(By.id("areaCode"))).getOptions().stream()
        .anyMatch(o -> o.getText().equals("Phường Ba Đình · Thành phố Hà Nội (00004)")));
    // The first answer is chosen at once (a code), "not chosen" stays available.
    assertTrue(new Select(browser.findElement(By.id("areaCode"))).getFirstSelectedOption().getAttribute("value").matches("[0-9A-Z]{2,10}"));
  }

  @Test
  void a_badge_for_no_channel_does_not_read_official() {
    open("/badge/no-such-page", 390);
    WebElement error = Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("badge-error")));
    assertTrue(error.getText().contains("không dẫn tới trang chính thức nào"), error.getText());
    assertEquals("KHÔNG CÓ TRANG CHÍNH THỨC NÀY", browser.findElement(By.id("badge-title")).getText());
    assertFalse(browser.findElement(By.cssSelector(".badge-channel")).isDisplayed(), "an empty 'platform: name' line");
  }

  static void language(String lang) {
    ((JavascriptExecutor) browser).executeScript("localStorage.setItem('by_lang', arguments[0]);", lang);
    browser.navigate().refresh();
    Browser.waitFor(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  @Test
  void the_badge_poster_adds_english_under_the_vietnamese_on_an_english_page() {
    JsonObject channel = http.get("/api/public/units/01/channels", null).json().getJsonArray("items").getJsonObject(0);
    open("/badge/" + channel.getValue("id"), 1280);
    language("en");
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("badge-meta")).getText().isEmpty());
    String poster = browser.findElement(By.tagName("main")).getText();
    int vi = poster.indexOf("Công an không bao giờ yêu cầu chuyển tiền");
    int en = poster.indexOf("The police never ask you online to transfer money");
    assertTrue(vi >= 0 && en > vi, "Vietnamese first, then English: " + poster);
    assertTrue(poster.indexOf("TRANG CHÍNH THỨC") < poster.indexOf("OFFICIAL PAGE"), poster);
    assertTrue(poster.contains("MINISTRY OF PUBLIC SECURITY") && poster.contains("Scan the QR code")
        && poster.contains("Official since "), poster);
    assertEquals(List.of(), Browser.axeSeriousFindings(browser));
    // A Vietnamese page prints a Vietnamese poster only.
    language("vi");
    Browser.waitFor(browser).until(d -> !d.findElement(By.id("badge-meta")).getText().isEmpty());
    String vietnamese = browser.findElement(By.tagName("main")).getText();
    assertTrue(vietnamese.contains("Công an không bao giờ") && !vietnamese.contains("The police never")
        && !vietnamese.contains("OFFICIAL PAGE"), vietnamese);
  }

  @Test
  void the_citizen_menu_is_one_line_at_1280_px_in_both_languages() {
    open("/verify", 1280);
    for (String lang : List.of("vi", "en")) {
      language(lang);
      @SuppressWarnings("unchecked")
      List<Number> tops = (List<Number>) ((JavascriptExecutor) browser).executeScript(
          "return Array.from(document.querySelectorAll('nav.citizen-nav li')).map(function (li) { return li.getBoundingClientRect().top; });");
      assertEquals(7, tops.size(), lang + ": " + tops);
      Object widths = ((JavascriptExecutor) browser).executeScript(
          "return Array.from(document.querySelectorAll('nav.citizen-nav li, nav.citizen-nav ul')).map(function (li) { return Math.round(li.getBoundingClientRect().width); });");
      assertEquals(1, tops.stream().map(Number::longValue).distinct().count(), lang + ": the menu wraps: " + tops + " widths " + widths);
    }
    language("vi");
  }

  @Test
  void the_citizen_home_links_every_citizen_page_and_the_staff_sign_in() {
    open("/", 390);
    assertTrue(browser.getCurrentUrl().endsWith("/"), browser.getCurrentUrl());
    for (String path : List.of("/verify", "/check", "/report", "/impostors", "/units", "/tips/new", "/tips/follow")) {
      assertFalse(browser.findElements(By.cssSelector("main a[href='" + path + "']")).isEmpty(), path);
    }
    browser.findElement(By.id("staff-link")).click();
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
  }

  @Test
  void a_tampered_token_shows_no_unit_or_page_name_from_the_forgery() {
    String[] parts = demoToken().split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("n", "Trang Giả Mạo XYZ").put("tn", "Đơn Vị Giả Mạo XYZ").put("tc", "99999");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    open("/verify?t=" + forged, 390);
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("result"), "data-verdict", "INVALID_TOKEN"));
    String text = browser.findElement(By.id("result")).getText();
    assertFalse(text.contains("XYZ"), text);
    assertFalse(text.contains("99999"), text);
  }

  @Test
  void the_receipt_copy_buttons_fill_the_clipboard_and_a_wrong_secret_reads_in_plain_words() {
    ((ChromiumDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of(
        "origin", http.base(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    open("/tips/new?unit=00004", 390);
    var wait = Browser.waitFor(browser);
    wait.until(d -> new Select(d.findElement(By.id("unit"))).getOptions().size() == 1
        && new Select(d.findElement(By.id("category"))).getOptions().size() > 1);
    new Select(browser.findElement(By.id("category"))).selectByValue("fraud");
    browser.findElement(By.id("text")).sendKeys("Có trang mạo danh công an phường nhắn tin đòi tiền");
    browser.findElement(By.id("tip-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
    String receipt = browser.findElement(By.id("receipt")).getText();
    String secret = browser.findElement(By.id("secret")).getText();
    assertTrue(browser.findElement(By.id("sla")).isDisplayed(), "the expected first-answer time is shown");

    browser.findElement(By.cssSelector("button[data-copy='secret']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("copy-status"), "data-copied", "secret"));
    assertEquals(secret, clipboard());
    browser.findElement(By.cssSelector("button[data-copy='receipt']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("copy-status"), "data-copied", "receipt"));
    assertEquals(receipt, clipboard());

    for (String wrong : List.of("x", "A".repeat(secret.length()))) {
      open("/tips/follow?receipt=" + receipt, 390);
      browser.findElement(By.id("secret")).sendKeys(wrong);
      browser.findElement(By.id("follow-submit")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-error")));
      String message = browser.findElement(By.id("follow-error")).getText();
      assertTrue(message.contains("không đúng"), message);
      assertFalse(message.contains("contract") || message.contains("String"), message);
    }
  }

  static String clipboard() {
    return (String) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "navigator.clipboard.readText().then(done).catch(e => done('clipboard failed: ' + e));");
  }
}
