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
 * The ministry's keys page (issue 21 item 6): every key with what it signs now; rotating a
 * province's key asks first and says what it changes; a revocation states how many attestations
 * will be re-issued before it is confirmed; other roles are told the page is not theirs. The API
 * behind it refuses everyone but the ministry.
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
  void a_province_admin_is_told_the_keys_are_the_ministrys_without_empty_tables() {
    signIn("hanoi-admin");
    Browser.width(driver, 390);
    driver.get(http.base() + "/keys");
    WebElement error = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-error")));
    assertTrue(error.getText().contains("Chỉ quản trị Bộ"), error.getText());
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
    signIn("hanoi-admin");
    driver.get(http.base() + "/keys");
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', 'en');");
    driver.navigate().refresh();
    WebElement error = Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-error")));
    assertEquals("Only ministry admins manage the signing keys.", error.getText());
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
