package vn.binhyen.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The staff pages as the demo's users see them, at phone and desktop widths, in Vietnamese and
 * English: no sideways scroll, no serious accessibility finding, and no internal code on screen.
 */
class StaffPagesLayoutBrowserIT {

  static WebDriver driver;
  static Http http;

  @BeforeAll
  static void start() {
    http = AdminFixtures.http();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void signIn(String username) {
    Browser.signIn(driver, http.base(), username, null);
  }

  private void open(String path, String lang) {
    driver.get(http.base() + path);
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', arguments[0]);", lang);
    driver.navigate().refresh();
    Browser.waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private List<String> check(String user, String path) {
    List<String> problems = new ArrayList<>();
    signIn(user);
    for (String lang : List.of("vi", "en")) {
      for (int width : new int[] {390, 1280}) {
        Browser.width(driver, width);
        open(path, lang);
        String where = user + " " + path + " " + lang + " " + width + "px: ";
        if (Browser.scrollsSideways(driver)) {
          problems.add(where + "scrolls sideways: " + Browser.sidewaysCulprits(driver));
        }
        Browser.axeSeriousFindings(driver).forEach(f -> problems.add(where + "axe " + f));
        Browser.faintButtons(driver).forEach(b -> problems.add(where + "faint button " + b));
        Browser.codesOnScreen(driver).forEach(l -> problems.add(where + "code on screen: " + l));
      }
    }
    return problems;
  }

  @Test
  void the_text_scan_catches_codes_and_json() {
    assertEquals(List.of("security_order", "tip.identity.reveal", "user.set-password", "BAD_CODE", "{", "\"dryRun\":", "}"),
        Browser.codesIn("Lĩnh vực security_order · tip.identity.reveal · user.set-password · BAD_CODE {\"dryRun\":true}"));
    assertEquals(List.of(), Browser.codesIn("Nhóm Zalo zalo.me/g/abc · 1,6 % · 02/12/2026 · Hà Nội"));
  }

  @Test
  void province_admin_console_is_clean_on_phone_and_desktop_in_both_languages() {
    List<String> problems = check("hanoi-admin", "/admin");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void officer_console_is_clean_and_shows_no_admin_sections() {
    List<String> problems = check("badinh-officer", "/admin");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    for (String id : List.of("units", "users", "approvals", "import", "reorg", "audit")) {
      assertFalse(driver.findElement(By.id(id)).isDisplayed(), id + " shown to an officer");
    }
    assertTrue(driver.findElement(By.id("channels")).isDisplayed());
    assertFalse(driver.findElement(By.cssSelector("main > nav.card")).isDisplayed(), "a menu of one link");
  }

  @Test
  void officer_inbox_is_clean_on_phone_and_desktop_in_both_languages() {
    List<String> problems = check("badinh-officer", "/tips/inbox");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void supervisor_dashboard_is_clean_on_phone_and_desktop_in_both_languages() {
    List<String> problems = check("hanoi-supervisor", "/dashboard");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void row_buttons_are_visible_on_their_card() {
    signIn("hanoi-admin");
    Browser.width(driver, 1280);
    open("/admin", "vi");
    Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector("#user-list button[data-action]")).isEmpty());
    WebElement b = driver.findElement(By.cssSelector("#user-list button[data-action]"));
    String color = b.getCssValue("color");
    assertFalse(color.equals("rgba(255, 255, 255, 1)") || color.equals("rgb(255, 255, 255)"),
        "row button text is white: " + color);
    // A dangerous row action (lock) is outlined like the others: red text on white, not on red.
    WebElement lock = driver.findElement(By.cssSelector("#user-list button[data-action=disable]"));
    // One spelling of "lock" across the console: Khóa (the rest of the console's orthography), never Khoá.
    assertEquals("Khóa", lock.getText());
    assertFalse(driver.findElement(By.tagName("body")).getAttribute("textContent").contains("Khoá"), "Khoá on the page");
    assertEquals("rgba(255, 255, 255, 1)", lock.getCssValue("background-color"), "lock button background");
    assertEquals(List.of(), Browser.faintButtons(driver), "buttons hard to read");
    // The admin cannot lock their own account from the list.
    assertTrue(driver.findElements(By.cssSelector("#user-list tr[data-username='hanoi-admin'] button")).isEmpty(),
        "lock offered on one's own account");
  }

  @Test
  void a_ward_admin_is_not_offered_units_below_a_ward() {
    signIn("badinh-admin");
    Browser.width(driver, 1280);
    open("/admin", "vi");
    // Nothing sits below a ward: no (empty) list of units below it, no search for other units.
    for (String id : List.of("onboard-form", "import", "reorg", "units", "unit-find")) {
      assertFalse(driver.findElement(By.id(id)).isDisplayed(), id + " shown to a ward admin");
    }
    String page = driver.findElement(By.tagName("main")).getText();
    assertFalse(page.contains("Đơn vị trực thuộc") || page.contains("Xem đơn vị khác"), page);
    assertTrue(driver.findElement(By.id("users")).isDisplayed());
    // The top bar names the user as the home page does, in one line.
    assertEquals("badinh-admin", driver.findElement(By.id("who")).getText());
    // The home page does not offer the units below a ward either.
    driver.get(http.base() + "/home");
    Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector("#tasks a")).isEmpty());
    Browser.waitUntilSettled(driver);
    assertFalse(driver.findElement(By.id("children-card")).isDisplayed(), "an empty list of units below a ward");
    assertTrue(driver.findElements(By.cssSelector("#tasks a[href='#children-card']")).isEmpty(), "a link to units below a ward");
  }

  @Test
  void form_labels_are_not_repeated_as_placeholders_in_either_language() {
    signIn("hanoi-admin");
    Browser.width(driver, 1280);
    for (String lang : List.of("vi", "en")) {
      open("/admin", lang);
      @SuppressWarnings("unchecked")
      List<String> repeated = (List<String>) ((JavascriptExecutor) driver).executeScript(
          "return Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]')).filter(function (i) {"
          + " var l = document.querySelector('label[for=\"' + i.id + '\"]');"
          + " return !l || l.textContent.trim().toLowerCase() === i.placeholder.trim().toLowerCase(); }).map(function (i) { return i.id; });");
      assertEquals(List.of(), repeated, lang + ": placeholders that repeat (or replace) their label");
    }
    // The example kept for the link says what a link looks like.
    assertEquals("https://zalo.me/g/…", driver.findElement(By.id("ch-link")).getAttribute("placeholder"));
  }

  @Test
  void the_form_choices_follow_the_page_language() {
    signIn("hanoi-admin");
    Browser.width(driver, 1280);
    open("/admin", "en");
    List<String> levels = driver.findElements(By.cssSelector("#ob-level option")).stream()
        .map(o -> o.getAttribute("textContent")).toList();
    assertEquals(List.of("Commune/Ward", "District", "Province"), levels);
    assertEquals("Zalo group", driver.findElement(By.cssSelector("#ch-platform option[value=zalo_group]")).getAttribute("textContent"));
    // The file field too: the page's English, not the browser's own words.
    assertEquals("Choose a file", driver.findElement(By.id("import-file-choose")).getAttribute("textContent"));
    assertEquals("No file chosen", driver.findElement(By.id("import-file-name")).getAttribute("textContent"));
  }

  @Test
  void the_audit_log_shows_labels_and_no_paging_buttons_for_one_page() {
    signIn("hanoi-admin");
    Browser.width(driver, 1280);
    open("/admin", "vi");
    Browser.waitFor(driver).until(d -> !d.findElements(By.cssSelector("#audit-list tr")).isEmpty());
    // The coverage figure says what it counts, not a bare "Độ phủ".
    assertTrue(driver.findElement(By.id("unit-figures")).getText().startsWith("Xã, phường có trang chính thức: "),
        driver.findElement(By.id("unit-figures")).getText());
    String log = driver.findElement(By.id("audit-list")).getText();
    assertEquals(List.of(), Browser.codesIn(log), "codes in the audit log");
    assertFalse(log.matches("(?s).*\\bsystem\\b.*"), "English actor in the Vietnamese log: " + log);
    if (driver.findElements(By.cssSelector("#audit-list tr")).size() < 20) {
      assertFalse(driver.findElement(By.id("audit-pager")).isDisplayed(), "paging buttons for a single page");
    }
  }
}
