package vn.binhyen.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** The console in headless Chromium: onboarding, a Zalo group through verification, a merge with dry run. */
class AdminConsoleBrowserIT {

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

  private void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    driver.get(http.base() + "/login?next=/admin");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    // The log-in page's body goes away as the console loads: ask again rather than hold on to it
    // (Chromium then says the element is stale, or "does not belong to the document").
    Browser.waitFor(driver).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> d.getCurrentUrl().contains("/admin")
            && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private String waitForLink() {
    Browser.waitFor(driver).until(d -> !d.findElement(By.id("setup-link")).getText().isEmpty());
    return driver.findElement(By.id("setup-link")).getText();
  }

  private void setPassword(String link) {
    driver.manage().deleteAllCookies();
    driver.get(link);
    driver.findElement(By.id("setup-password")).sendKeys(AdminFixtures.NEW_PASSWORD);
    driver.findElement(By.cssSelector("#setup-form button")).click();
    Browser.waitFor(driver).until(d -> !d.findElement(By.id("setup-result")).getText().isEmpty());
    assertEquals("", driver.findElement(By.id("setup-result")).getAttribute("class"));
  }

  private WebElement row(String tbody, String channel) {
    return Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#" + tbody + " tr[data-channel='" + channel + "']")));
  }

  @Test
  void province_admin_onboards_a_ward_whose_officer_registers_a_group_that_the_province_approves() {
    String ward = AdminFixtures.wardCode();
    signIn("hanoi-admin", TestPlatform.PASSWORD);
    type("ob-code", ward);
    type("ob-name", "Phường Trình Duyệt " + ward);
    type("ob-username", "browser-admin-" + ward);
    type("ob-display", "Quản trị phường");
    driver.findElement(By.cssSelector("#onboard-form button")).click();
    String adminLink = waitForLink();

    // The ward admin, once active, adds an officer from the console too.
    setPassword(adminLink);
    signIn("browser-admin-" + ward, AdminFixtures.NEW_PASSWORD);
    type("u-username", "browser-officer-" + ward);
    type("u-display", "Cán bộ phường");
    driver.findElement(By.cssSelector("#user-form button")).click();
    String officerLink = waitForLink();
    setPassword(officerLink);

    signIn("browser-officer-" + ward, AdminFixtures.NEW_PASSWORD);
    type("ch-link", "https://zalo.me/g/browser" + ward);
    type("ch-name", "Nhóm Zalo Tổ dân phố 1");
    type("ch-serves", "Tổ dân phố 1");
    driver.findElement(By.cssSelector("#channel-form button")).click();
    String normalized = "zalo.me/g/browser" + ward;
    row("channel-list", normalized).findElement(By.cssSelector("button[data-action='request']")).click();
    Browser.waitFor(driver).until(d -> http.get("/api/admin/units/01/approvals?limit=500", http.login("hanoi-admin"))
        .body().contains(normalized));

    signIn("hanoi-admin", TestPlatform.PASSWORD);
    row("approval-list", normalized).findElement(By.cssSelector("button[data-action='approve']")).click();
    Browser.waitFor(driver).until(d -> !http.get("/api/admin/units/01/approvals?limit=500", http.login("hanoi-admin"))
        .body().contains(normalized));
    JsonObject channels = http.get("/api/admin/units/" + ward + "/channels", http.login("hanoi-admin")).json();
    assertEquals("verified", channels.getJsonArray("items").getJsonObject(0).getString("status"));
    // The audit log names the page by its name, not by its number.
    long id = channels.getJsonArray("items").getJsonObject(0).getLong("id");
    driver.navigate().refresh();
    Browser.waitFor(driver).until(d -> d.findElement(By.id("audit-list")).getText().contains("Trang/nhóm Nhóm Zalo Tổ dân phố 1"));
    String log = driver.findElement(By.id("audit-list")).getText();
    assertTrue(log.contains("Duyệt trang/nhóm"), log);
    assertFalse(log.contains("Trang/nhóm " + id), "a page named by its number: " + log);

    // A verified channel offers no "send for verification" (the server would refuse it), only archive.
    signIn("browser-officer-" + ward, AdminFixtures.NEW_PASSWORD);
    WebElement verified = row("channel-list", normalized);
    assertTrue(verified.findElements(By.cssSelector("button[data-action='request']")).isEmpty(), "request offered on a verified channel");
    assertEquals(1, verified.findElements(By.cssSelector("button[data-action='archive']")).size());
  }

  private java.util.List<Long> shownCodes() {
    return driver.findElements(By.cssSelector("#children tr td:first-child")).stream()
        .map(td -> Long.parseLong(td.getText().trim())).toList();
  }

  @Test
  void a_column_header_sorts_the_list_both_ways_across_its_pages() {
    signIn("hanoi-admin", TestPlatform.PASSWORD);
    java.util.List<Long> all = http.get("/api/units/01/children?limit=500", http.login("hanoi-admin")).json()
        .getJsonArray("items").stream().map(o -> Long.parseLong(((JsonObject) o).getString("code"))).toList();
    assertTrue(all.size() > 20, "Hà Nội's wards fill more than one page: " + all.size());
    Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("#children tr")).size() == 20);
    WebElement codeHeader = driver.findElement(By.xpath("//tbody[@id='children']/../thead/tr/th[1]"));
    codeHeader.findElement(By.tagName("button")).click();
    Browser.waitFor(driver).until(d -> "ascending".equals(codeHeader.getAttribute("aria-sort")));
    java.util.List<Long> up = shownCodes();
    assertEquals(all.stream().sorted().limit(20).toList(), up, "ascending: the 20 smallest codes, in order");
    codeHeader.findElement(By.tagName("button")).click();
    Browser.waitFor(driver).until(d -> "descending".equals(codeHeader.getAttribute("aria-sort")));
    assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).limit(20).toList(), shownCodes(),
        "descending: the 20 largest codes, in order");
    assertEquals("none", driver.findElement(By.xpath("//tbody[@id='children']/../thead/tr/th[2]")).getAttribute("aria-sort"));
  }

  @Test
  void province_admin_merges_two_wards_after_a_dry_run() {
    String token = http.login("hanoi-admin");
    String a = AdminFixtures.wardCode();
    String b = AdminFixtures.wardCode();
    AdminFixtures.onboardWard(http, token, "01", a, "merge-a-" + a, "OFFICER");
    AdminFixtures.onboardWard(http, token, "01", b, "merge-b-" + b, "OFFICER");

    signIn("hanoi-admin", TestPlatform.PASSWORD);
    driver.get(http.base() + "/admin#reorg");
    Browser.waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    type("rg-units", a + ", " + b);
    // The target through the unit picker: typed, then picked from the list (name · path, code).
    type("rg-target", b);
    Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#rg-target-options li[data-code='" + b + "']"))).click();
    assertTrue(driver.findElement(By.cssSelector("#rg-target ~ .picker-note")).getText().contains("Thành phố Hà Nội"));
    driver.findElement(By.id("rg-dry")).click();
    Browser.waitFor(driver).until(d -> d.findElement(By.id("reorg-report")).getText().contains("Chạy thử"));
    assertTrue(driver.findElement(By.id("reorg-report")).getText().contains("Đơn vị đóng lại: 1"),
        driver.findElement(By.id("reorg-report")).getText());
    assertEquals(200, http.get("/api/units/" + a, token).status());

    // Applying asks first in the console's dialog, with the counts; cancelling changes nothing.
    driver.findElement(By.id("rg-apply")).click();
    WebElement ask = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("reorg-dialog")));
    assertTrue(ask.getText().contains("Đơn vị đóng lại: 1"), ask.getText());
    driver.findElement(By.id("reorg-cancel")).click();
    Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("reorg-dialog")));
    assertEquals(200, http.get("/api/units/" + a, token).status());
    driver.findElement(By.id("rg-apply")).click();
    Browser.waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.id("reorg-confirm"))).click();
    Browser.waitFor(driver).until(d -> d.findElement(By.id("reorg-report")).getText().contains("Đã thực hiện"));
    assertTrue(driver.findElement(By.id("reorg-report")).getText().contains(a));
    assertEquals(b, http.get("/api/public/units/" + a, null).json().getJsonArray("successors").getJsonObject(0)
        .getString("code"));
  }

  @Test
  void province_admin_imports_a_bad_file_sees_its_lines_then_imports_a_good_one_after_confirming() throws Exception {
    String ward = AdminFixtures.wardCode();
    java.nio.file.Path bad = java.nio.file.Files.createTempFile("units-bad", ".csv");
    java.nio.file.Files.writeString(bad, "code,name,level,parent_code\nABC,Phường Sai Mã,commune,01\n");
    java.nio.file.Path good = java.nio.file.Files.createTempFile("units-good", ".csv");
    java.nio.file.Files.writeString(good, "code,name,level,parent_code\n" + ward + ",Phường Nhập Thử " + ward + ",commune,01\n");
    signIn("hanoi-admin", TestPlatform.PASSWORD);
    driver.get(http.base() + "/admin#import");
    Browser.waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertTrue(driver.findElement(By.id("import")).getText().contains("parent_code"), "the format is on the page");

    // The file field speaks the page's language (not the browser's "Choose file"): a labelled button and the chosen name.
    WebElement choose = driver.findElement(By.id("import-file-choose"));
    assertEquals("Chọn tệp", choose.getText());
    assertEquals("Chưa chọn tệp", driver.findElement(By.id("import-file-name")).getText());
    // The browser's own control is visually hidden (1 px, clipped) and out of the tab order.
    WebElement input = driver.findElement(By.id("import-file"));
    assertTrue(input.getSize().getWidth() <= 1 && "-1".equals(input.getAttribute("tabindex")), "the browser's own file control is shown");
    driver.findElement(By.id("import-file")).sendKeys(bad.toString());
    assertEquals(bad.getFileName().toString(), driver.findElement(By.id("import-file-name")).getText());
    driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    Browser.waitFor(driver).until(d -> d.findElement(By.id("import-errors")).getText().contains("Mã đơn vị không hợp lệ"));
    assertTrue(driver.findElement(By.id("import-verdict")).getText().contains("Tệp có lỗi, chưa nhập gì."));

    // The good file, applied: the dry run's counts in the dialog first, then the report.
    driver.findElement(By.id("import-dry")).click();
    driver.findElement(By.id("import-file")).sendKeys(good.toString());
    driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    WebElement ask = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-dialog")));
    assertTrue(ask.getText().contains("Đơn vị được tạo mới: 1"), ask.getText());
    assertEquals(404, http.get("/api/units/" + ward, http.login("hanoi-admin")).status(), "nothing before confirming");
    driver.findElement(By.id("import-confirm")).click();
    Browser.waitFor(driver).until(d -> d.findElement(By.id("import-verdict")).getText().contains("Đã thực hiện"));
    // The progress the server streamed while it wrote: the last step, with its bar full.
    assertEquals("Xong", driver.findElement(By.id("import-step")).getText());
    WebElement bar = driver.findElement(By.id("import-bar"));
    assertEquals(bar.getAttribute("max"), bar.getAttribute("value"), "the bar is full at the end");
    assertTrue(driver.findElement(By.id("import-verdict")).findElement(By.cssSelector("a.download")).getAttribute("download")
        .endsWith(".csv"), "the report can be downloaded");
    assertEquals("Phường Nhập Thử " + ward, http.get("/api/units/" + ward, http.login("hanoi-admin")).json().getString("name"));
  }
}
