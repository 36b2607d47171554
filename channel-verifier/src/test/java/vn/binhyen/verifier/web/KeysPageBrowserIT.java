package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The keys page (issue 21 item 6). The ministry sees every key with what it signs now; rotating a
 * province's key asks first and says what it changes; a revocation states how many attestations
 * will be re-issued before it is confirmed. A province admin sees only that province's keys and
 * rotates them the same way, and is told revocation is the ministry's. Other roles are told the
 * page is not theirs; the API behind it refuses them, and a province admin another province.
 */
class KeysPageBrowserIT {

  static Http http;
  static WebDriver driver;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static void signIn(String username) {
    Browser.signIn(driver, http.base(), username, null);
  }

  @Test
  void the_key_list_is_the_ministrys_and_counts_what_each_key_signs() {
    assertTrue(http.get("/api/verifier/keys", http.login("hanoi-admin")).isProblem(403, "forbidden"));
    assertTrue(http.get("/api/verifier/keys", null).isProblem(401, "unauthenticated"));
    Http.Response list = http.get("/api/verifier/keys", http.login("ministry-admin"));
    assertEquals(200, list.status(), list.toString());
    List<JsonObject> keys = list.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertTrue(keys.stream().anyMatch(k -> "root".equals(k.getString("purpose")) && "active".equals(k.getString("status"))));
    assertTrue(keys.stream().anyMatch(k -> "log".equals(k.getString("purpose"))));
    assertTrue(keys.stream().anyMatch(k -> "issuing".equals(k.getString("purpose")) && "01".equals(k.getString("tenantCode"))
        && k.getLong("currentAttestations") >= 1), "Hà Nội's key signed the demo's attestations: " + keys);
  }

  @Test
  void a_province_admin_reads_its_own_provinces_keys_only() {
    String hanoi = http.login("hanoi-admin");
    Http.Response own = http.get("/api/verifier/keys/provinces/01", hanoi);
    assertEquals(200, own.status(), own.toString());
    List<JsonObject> keys = own.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertFalse(keys.isEmpty(), own.toString());
    assertTrue(keys.stream().allMatch(k -> "issuing".equals(k.getString("purpose")) && "01".equals(k.getString("tenantCode"))),
        "only Hà Nội's issuing keys: " + keys);
    assertEquals(1, keys.stream().filter(k -> "active".equals(k.getString("status"))).count(), keys.toString());
    assertTrue(own.json().getJsonObject("monitor").getBoolean("running"), own.toString());
    // Another province's keys: refused as problem+json, with nothing of that province in the body.
    Http.Response other = http.get("/api/verifier/keys/provinces/66", hanoi);
    assertTrue(other.isProblem(403, "forbidden"), other.toString());
    assertTrue(other.contentType().startsWith("application/problem+json"), other.toString());
    assertFalse(other.body().contains("Đắk Lắk") || other.body().contains("kid"), other.body());
    assertTrue(http.post("/api/verifier/keys/provinces/66/rotate", null, hanoi).isProblem(403, "forbidden"));
    // Below the province (a ward's admin) and beside the admins (a supervisor): not theirs either.
    assertTrue(http.get("/api/verifier/keys/provinces/01", http.login("badinh-admin")).isProblem(403, "forbidden"));
    assertTrue(http.get("/api/verifier/keys/provinces/01", http.login("hanoi-supervisor")).isProblem(403, "forbidden"));
    assertTrue(http.get("/api/verifier/keys/provinces/01", null).isProblem(401, "unauthenticated"));
    // A ward's code is not a province's, even for an admin who manages the ward.
    assertTrue(http.get("/api/verifier/keys/provinces/00004", hanoi).isProblem(400, "not-a-province"));
    // The ministry reads any province's page.
    assertEquals(200, http.get("/api/verifier/keys/provinces/66", http.login("ministry-admin")).status());
    // Revocation stays with the ministry.
    String kid = keys.get(0).getString("kid");
    assertTrue(http.post("/api/verifier/keys/" + kid + "/revoke", new JsonObject().put("reason", "thử"), hanoi)
        .isProblem(403, "forbidden"));
  }

  @Test
  void a_province_admin_rotates_its_key_after_a_confirmation_that_counts_the_impact() {
    signIn("hanoi-admin");
    Browser.width(driver, 1280);
    driver.get(http.base() + "/home");
    Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tasks a[href='/keys']")));
    for (int width : new int[] {390, 1280}) {
      Browser.width(driver, width);
      driver.get(http.base() + "/keys");
      Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#keys tr[data-status='active']")));
      Browser.waitUntilSettled(driver);
      assertFalse(Browser.scrollsSideways(driver), "no sideways scroll at " + width);
      assertEquals(List.of(), Browser.axeSeriousFindings(driver), "axe at " + width);
      String text = driver.findElement(By.tagName("main")).getText();
      assertTrue(text.contains("Khóa ký của tỉnh") && text.contains("Thành phố Hà Nội (01)"), text);
      String rows = driver.findElement(By.id("keys")).getText();
      assertFalse(rows.contains("Khóa gốc") || rows.contains("Khóa nhật ký"), "the ministry's keys on a province's page: " + rows);
      // Revocation is the ministry's, in words, and there is no button for it.
      assertTrue(driver.findElement(By.id("keys-province-note")).getText().contains("Thu hồi một khóa là việc của Bộ Công an"), text);
      assertTrue(driver.findElements(By.cssSelector("#keys button.revoke")).isEmpty(), "a revoke button for a province admin");
      // The log head and the monitor's status.
      assertTrue(driver.findElement(By.id("log-size")).getText().matches("[\\d.]+"), driver.findElement(By.id("log-size")).getText());
      String monitor = driver.findElement(By.id("monitor-status")).getText();
      assertTrue(monitor.contains("không có cảnh báo") || monitor.contains("Chưa kiểm tra"), monitor);
      for (WebElement row : driver.findElements(By.cssSelector("#keys tr"))) {
        assertTrue(row.getText().contains("(01)"), "another province's key: " + row.getText());
      }
      Browser.screenshot(driver, "keys-province-" + width + ".png");
    }
    // The rotation counts what the key signed now (they stay valid) before it is confirmed.
    JsonObject active = http.get("/api/verifier/keys/provinces/01", http.login("hanoi-admin")).json().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(k -> "active".equals(k.getString("status"))).findFirst().orElseThrow();
    String before = active.getString("kid");
    driver.findElement(By.cssSelector("#keys tr[data-kid='" + before + "'] button.rotate")).click();
    WebElement rotate = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("key-dialog")));
    assertTrue(rotate.getText().contains(active.getLong("currentAttestations") + " chứng thực hiện hành do khóa này ký vẫn còn hiệu lực"),
        rotate.getText());
    assertTrue(rotate.getText().contains("vẫn xác minh"), rotate.getText());
    driver.findElement(By.id("key-confirm")).click();
    Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-done")));
    Browser.waitFor(driver).until(d -> "retired".equals(d.findElement(By.cssSelector("#keys tr[data-kid='" + before + "']"))
        .getAttribute("data-status")));
    String after = activeKid("01");
    assertTrue(!before.equals(after), "a new key is active");
    assertEquals("active", driver.findElement(By.cssSelector("#keys tr[data-kid='" + after + "']")).getAttribute("data-status"));
  }

  @Test
  void a_ward_admin_is_told_the_keys_are_not_theirs_without_empty_tables() {
    signIn("badinh-admin");
    Browser.width(driver, 390);
    driver.get(http.base() + "/keys");
    WebElement error = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-error")));
    assertEquals("Chỉ quản trị Bộ và quản trị tỉnh quản lý khóa ký.", error.getText());
    assertFalse(driver.findElement(By.id("log-card")).isDisplayed(), "empty log card shown out of scope");
    assertFalse(driver.findElement(By.id("keys-table")).isDisplayed(), "empty key table shown out of scope");
    // A staff page: the top bar names the page and the brand leads home, not the citizen's tagline.
    assertEquals(http.base() + "/home", driver.findElement(By.cssSelector(".bar .brand")).getAttribute("href"));
    assertTrue(driver.findElements(By.cssSelector(".bar .tagline")).isEmpty(), "citizen tagline on a staff page");
  }

  @Test
  void the_ministry_rotates_a_province_key_after_a_confirmation_at_phone_and_desktop_size() {
    signIn("ministry-admin");
    for (int width : new int[] {390, 1280}) {
      Browser.width(driver, width);
      driver.get(http.base() + "/keys");
      Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#keys tr[data-status='active']")));
      assertFalse(Browser.scrollsSideways(driver), "no sideways scroll at " + width);
      assertEquals(List.of(), Browser.axeSeriousFindings(driver), "axe at " + width);
      String text = driver.findElement(By.tagName("main")).getText();
      assertTrue(text.contains("Khóa gốc") && text.contains("Khóa ký của tỉnh"), text);
      assertTrue(text.contains("Thành phố Hà Nội (01)") && !text.contains("undefined"), "units by name: " + text);
      assertFalse(text.contains("issuing") || text.contains("retired"), "labels, not codes: " + text);
      Browser.screenshot(driver, "keys-" + width + ".png");
    }
    // Revoking asks for a reason and says how many attestations will be re-issued; cancel it.
    WebElement hanoi = driver.findElement(By.xpath("//tbody[@id='keys']/tr[td[contains(., '(01)')] and @data-status='active']"));
    hanoi.findElement(By.cssSelector("button.revoke")).click();
    WebElement dialog = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("key-dialog")));
    assertTrue(dialog.getText().matches("(?s).*\\d+ chứng thực hiện hành.*"), dialog.getText());
    driver.findElement(By.id("key-cancel")).click();
    Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("key-dialog")));

    // Rotating another province's key: confirmed, a new active key and the old one retired.
    String province = otherProvince();
    String before = activeKid(province);
    WebElement daklak = driver.findElement(By.cssSelector("#keys tr[data-kid='" + before + "']"));
    daklak.findElement(By.cssSelector("button.rotate")).click();
    WebElement rotate = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("key-dialog")));
    assertTrue(rotate.getText().contains("vẫn xác minh"), rotate.getText());
    driver.findElement(By.id("key-confirm")).click();
    Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-done")));
    Browser.waitFor(driver).until(d -> "retired".equals(d.findElement(By.cssSelector("#keys tr[data-kid='" + before + "']"))
        .getAttribute("data-status")));
    assertTrue(!before.equals(activeKid(province)), "a new key is active");
  }

  @Test
  void another_role_is_told_the_page_is_not_theirs_in_its_language() {
    signIn("hanoi-supervisor");
    driver.get(http.base() + "/keys");
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', 'en');");
    driver.navigate().refresh();
    WebElement error = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-error")));
    assertEquals("Only ministry admins and province admins manage the signing keys.", error.getText());
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', 'vi');");
  }

  /** A province other than Hà Nội that has an active issuing key. */
  private static String otherProvince() {
    return http.get("/api/verifier/keys", http.login("ministry-admin")).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(k -> "issuing".equals(k.getString("purpose")) && !"01".equals(k.getString("tenantCode"))
            && "active".equals(k.getString("status")))
        .map(k -> k.getString("tenantCode")).findFirst().orElseThrow(() -> new AssertionError("no other province key"));
  }

  private static String activeKid(String province) {
    return http.get("/api/verifier/keys", http.login("ministry-admin")).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(k -> "issuing".equals(k.getString("purpose")) && province.equals(k.getString("tenantCode"))
            && "active".equals(k.getString("status")))
        .map(k -> k.getString("kid")).findFirst().orElseThrow();
  }
}
