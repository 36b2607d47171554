package vn.binhyen.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Every staff and citizen page, as each demo user who may see it (and as a citizen with no
 * account), at 390 and 1280 px, in Vietnamese and English: no serious or critical axe-core
 * finding, no sideways scroll, no internal code, snake_case token or JSON in the visible text.
 *
 * <p>With {@code -Dbinhyen.screenshots=<dir>} it also writes each page's picture there
 * ({@code deploy/screenshots.sh} regenerates {@code docs/screenshots/} this way).
 */
class EveryPageBrowserIT {

  /** A page as one user sees it; a null user is a citizen with no account. */
  record Visit(String user, String path, String shot) {}

  static final List<Visit> CITIZEN = List.of(
      new Visit(null, "/", "citizen-home"),
      new Visit(null, "/verify", "citizen-verify"),
      new Visit(null, "/check", "citizen-check"),
      new Visit(null, "/report", "citizen-report"),
      new Visit(null, "/impostors", "citizen-impostors"),
      new Visit(null, "/units/00004/channels", "citizen-unit-channels"),
      new Visit(null, "/tips/new", "citizen-tip-new"),
      new Visit(null, "/tips/follow", "citizen-tip-follow"),
      new Visit(null, "/login", "login"),
      new Visit(null, "/nothing-here", "error-404"));

  /**
   * Every staff page (home, admin console, keys, impostor cases, alerts, inbox, dashboard) as each
   * kind of user whose home links to it: the ministry's admin and supervisor, a province's admin
   * and supervisor, a ward's admin and officer. A ward's admin also opens /keys, which tells them
   * the page is not theirs.
   */
  static final List<Visit> STAFF = List.of(
      new Visit("ministry-admin", "/home", "ministry-home"),
      new Visit("ministry-admin", "/admin", "ministry-admin-console"),
      new Visit("ministry-admin", "/keys", "ministry-keys"),
      new Visit("ministry-admin", "/dashboard", "ministry-admin-dashboard"),
      new Visit("ministry-admin", "/staff/alerts", "ministry-alerts"),
      new Visit("ministry-supervisor", "/home", "ministry-supervisor-home"),
      new Visit("ministry-supervisor", "/dashboard", "ministry-dashboard"),
      new Visit("hanoi-admin", "/home", "province-admin-home"),
      new Visit("hanoi-admin", "/admin", "province-admin-console"),
      new Visit("hanoi-admin", "/keys", "province-keys"),
      new Visit("hanoi-admin", "/cases", "province-cases"),
      new Visit("hanoi-admin", "/staff/alerts", "province-alerts"),
      new Visit("hanoi-admin", "/dashboard", "province-admin-dashboard"),
      new Visit("hanoi-supervisor", "/home", "supervisor-home"),
      new Visit("hanoi-supervisor", "/dashboard", "supervisor-dashboard"),
      new Visit("hanoi-supervisor", "/admin", "supervisor-admin-console"),
      new Visit("badinh-admin", "/home", "ward-admin-home"),
      new Visit("badinh-admin", "/admin", "ward-admin-console"),
      new Visit("badinh-admin", "/cases", "ward-admin-cases"),
      new Visit("badinh-admin", "/staff/alerts", "ward-admin-alerts"),
      new Visit("badinh-admin", "/dashboard", "ward-admin-dashboard"),
      new Visit("badinh-admin", "/keys", "ward-admin-keys"),
      new Visit("badinh-officer", "/home", "officer-home"),
      new Visit("badinh-officer", "/tips/inbox", "officer-inbox"),
      new Visit("badinh-officer", "/admin", "officer-channels"),
      new Visit("badinh-officer", "/cases", "officer-cases"),
      new Visit("badinh-officer", "/staff/alerts", "officer-alerts"));

  static WebDriver driver;
  static Http http;
  static Path shots;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    driver = Browser.start();
    String dir = System.getProperty("binhyen.screenshots");
    shots = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void the_scan_finds_codes_and_json_and_passes_labels_numbers_and_dates() {
    assertEquals(List.of("in_progress", "security_order", "UNIT_ADMIN", "tip.identity.reveal", "audit.attestation.issue", "{", "\"dryRun\":", "}"),
        Browser.codesIn("Trạng thái in_progress · security_order · UNIT_ADMIN · tip.identity.reveal · audit.attestation.issue {\"dryRun\":true}"));
    assertEquals(List.of(), Browser.codesIn("Nhóm Zalo zalo.me/g/abc · 1,6 % · 02/12/2026 · Phường Ba Đình · Thành phố Hà Nội"));
  }

  @Test
  void every_citizen_page_is_clean_at_both_widths_in_both_languages() {
    List<String> problems = new ArrayList<>();
    driver.manage().deleteAllCookies();
    CITIZEN.forEach(v -> problems.addAll(check(v)));
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
  }

  @Test
  void every_staff_page_is_clean_for_each_role_at_both_widths_in_both_languages() {
    List<String> problems = new ArrayList<>();
    String signedIn = null;
    for (Visit v : STAFF) {
      if (!v.user().equals(signedIn)) {
        Browser.signIn(driver, http.base(), v.user(), null);
        signedIn = v.user();
      }
      problems.addAll(check(v));
    }
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
  }

  @Test
  void a_province_admin_home_pages_its_units_and_links_use_the_design_colour() {
    Browser.signIn(driver, http.base(), "hanoi-admin", "vi");
    Browser.width(driver, 1280);
    open("/home", "vi");
    // Hà Nội has 126 units below it: 20 a page with a pager and a labelled search, not one long table.
    Browser.waitFor(driver).until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#children tr")).size() == 20);
    assertTrue(driver.findElement(org.openqa.selenium.By.id("children-pager")).isDisplayed(), "no pager under 126 units");
    assertTrue(driver.findElement(org.openqa.selenium.By.cssSelector("label[for=children-filter]")).isDisplayed());
    // A task link is the design system's blue, not the browser's default rgb(0, 0, 238).
    String link = driver.findElement(org.openqa.selenium.By.cssSelector("#tasks a")).getCssValue("color");
    assertEquals("rgba(26, 95, 180, 1)", link);
  }

  @Test
  void the_impostor_case_queue_is_in_vietnamese_and_says_when_it_is_empty() {
    Browser.signIn(driver, http.base(), "badinh-officer", "vi");
    Browser.width(driver, 390);
    open("/cases", "vi");
    String heads = driver.findElement(org.openqa.selenium.By.cssSelector("#cases")).findElement(
        org.openqa.selenium.By.xpath("..")).findElement(org.openqa.selenium.By.tagName("thead")).getAttribute("textContent");
    assertTrue(heads.contains("Đánh giá") && !heads.contains("Verdict"), "English header in Vietnamese: " + heads);
    assertEquals("Tất cả", new org.openqa.selenium.support.ui.Select(driver.findElement(org.openqa.selenium.By.id("status-filter")))
        .getOptions().get(3).getText());
    boolean rows = !driver.findElements(org.openqa.selenium.By.cssSelector("#cases tr")).isEmpty();
    org.openqa.selenium.WebElement empty = driver.findElement(org.openqa.selenium.By.id("cases-empty"));
    assertEquals(!rows, empty.isDisplayed(), "an empty queue says so in words: " + empty.getText());
  }

  @Test
  void an_officer_home_names_the_work_in_plain_words() {
    Browser.signIn(driver, http.base(), "badinh-officer", "vi");
    Browser.width(driver, 390);
    open("/home", "vi");
    Browser.waitFor(driver).until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#tasks a")).isEmpty());
    String tasks = driver.findElement(org.openqa.selenium.By.id("tasks")).getText();
    assertTrue(tasks.contains("Trang và nhóm của đơn vị"), tasks);
    assertTrue(!tasks.contains("Tài liệu API") && !tasks.contains("Bảng quản trị"), "developer or admin wording for an officer: " + tasks);
    // The greeting fits in two lines on a phone (a 1.6 rem title).
    assertEquals("25.6px", driver.findElement(org.openqa.selenium.By.tagName("h1")).getCssValue("font-size"));
  }

  private List<String> check(Visit v) {
    List<String> problems = new ArrayList<>();
    for (String lang : List.of("vi", "en")) {
      for (int width : new int[] {390, 1280}) {
        Browser.width(driver, width);
        open(v.path(), lang);
        String where = (v.user() == null ? "citizen" : v.user()) + " " + v.path() + " " + lang + " " + width + "px: ";
        if (Browser.scrollsSideways(driver)) {
          problems.add(where + "scrolls sideways");
        }
        Browser.axeSeriousFindings(driver).forEach(f -> problems.add(where + "axe " + f));
        Browser.faintButtons(driver).forEach(b -> problems.add(where + "faint button " + b));
        Browser.codesOnScreen(driver).forEach(c -> problems.add(where + "code on screen: " + c));
        save(v.shot() + "-" + lang + "-" + width + ".png");
      }
    }
    return problems;
  }

  private void open(String path, String lang) {
    driver.get(http.base() + path);
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', arguments[0]);", lang);
    driver.navigate().refresh();
    Browser.waitUntilSettled(driver);
  }

  private void save(String name) {
    Browser.screenshot(driver, name);
    if (shots == null || !name.contains("-vi-")) {
      return;
    }
    try {
      Files.createDirectories(shots);
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
