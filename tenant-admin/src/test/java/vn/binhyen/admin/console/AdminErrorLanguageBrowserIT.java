package vn.binhyen.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.binhyen.admin.AdminFixtures;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** A server error in the admin console is shown in the console's language only. */
class AdminErrorLanguageBrowserIT {

  /** Letters only Vietnamese uses here (Latin-1 Supplement to Latin Extended Additional, đ included). */
  private static final Pattern VIETNAMESE = Pattern.compile("[\\u00C0-\\u1EF9]");
  private static WebDriver driver;
  private static Http http;

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

  @ParameterizedTest(name = "console in {0}")
  @ValueSource(strings = {"vi", "en"})
  void a_taken_username_is_explained_in_the_consoles_language_only(String lang) {
    driver.manage().deleteAllCookies();
    driver.get(http.base() + "/login?next=/admin");
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', arguments[0]);", lang);
    driver.navigate().refresh();
    driver.findElement(By.id("username")).sendKeys("badinh-admin");
    driver.findElement(By.id("password")).sendKeys(TestPlatform.PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    // The log-in page's body goes away as the console loads: ask again (stale, or "does not belong to the document").
    Browser.waitFor(driver).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> d.getCurrentUrl().contains("/admin") && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
    type("u-username", "badinh-officer");
    type("u-display", "Cán bộ trùng tên");
    driver.findElement(By.cssSelector("#user-form button")).click();
    Browser.waitFor(driver).until(d -> "toast bad".equals(d.findElement(By.id("toast")).getAttribute("class"))
        && !d.findElement(By.id("toast")).getText().isBlank());
    String shown = driver.findElement(By.id("toast")).getText();

    String vi = takenDetail("vi");
    String en = takenDetail("en");
    assertTrue(VIETNAMESE.matcher(vi).find() && !VIETNAMESE.matcher(en).find(), vi + " | " + en);
    if (lang.equals("en")) {
      assertEquals(en, shown);
      assertFalse(VIETNAMESE.matcher(shown).find(), "no Vietnamese sentence in the English console: " + shown);
    } else {
      assertEquals(vi, shown);
      assertFalse(shown.contains(en) || shown.contains(" / "), "no English sentence in the Vietnamese console: " + shown);
    }
  }

  private static String takenDetail(String lang) {
    Http.Response r = http.raw("POST", "/api/admin/units/00004/users",
        new JsonObject().put("username", "badinh-officer").put("displayName", "Cán bộ trùng tên").put("role", "OFFICER")
            .encode().getBytes(StandardCharsets.UTF_8),
        "application/json", http.login("badinh-admin"), Map.of("Accept-Language", lang));
    assertTrue(r.isProblem(409, "username-taken"), r.toString());
    return r.json().getString("detail");
  }

  private static void type(String id, String text) {
    WebElement e = driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }
}
