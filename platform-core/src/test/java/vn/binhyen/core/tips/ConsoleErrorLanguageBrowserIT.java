package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** A server error in the staff console is shown in the console's language only. */
class ConsoleErrorLanguageBrowserIT {

  /** Letters only Vietnamese uses here (Latin-1 Supplement to Latin Extended Additional, đ included). */
  private static final Pattern VIETNAMESE = Pattern.compile("[\\u00C0-\\u1EF9]");
  private static WebDriver driver;

  @BeforeAll
  static void start() {
    TipWorld.demo();
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
  void a_refused_forward_is_explained_in_the_consoles_language_only(String lang) {
    String nonce = "lg" + Long.toString(System.nanoTime(), 36);
    JsonObject tip = submit("00004", "traffic", "Đỗ xe trên vỉa hè " + nonce, null);
    login("badinh-officer", lang);
    driver.get(http().base() + "/tips/inbox");
    var wait = Browser.waitFor(driver);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
    driver.findElement(By.id("q")).sendKeys(nonce);
    driver.findElement(By.id("filter-submit")).click();
    String receipt = tip.getString("receipt");
    // One click (retried only while the list is being replaced), then wait for that tip: a click
    // repeated while the first answer is on its way opened the tip twice, and the second render
    // replaced the form and buttons under the typing below.
    wait.until(d -> {
      try {
        d.findElement(By.cssSelector("#tips tr[data-receipt='" + receipt + "']")).click();
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
    wait.until(d -> receipt.equals(d.findElement(By.id("d-receipt")).getText()));
    driver.findElement(By.id("d-forward")).sendKeys("ZZ999");
    driver.findElement(By.cssSelector("#d-actions button[data-action='forward']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d-error")));
    String shown = driver.findElement(By.id("d-error")).getText();

    // The same refusal asked of the API in each language: the page shows exactly the one asked.
    String vi = forwardDetail(tip.getLong("tipId"), "vi");
    String en = forwardDetail(tip.getLong("tipId"), "en");
    assertTrue(VIETNAMESE.matcher(vi).find() && !VIETNAMESE.matcher(en).find(), vi + " | " + en);
    if (lang.equals("en")) {
      assertEquals(en, shown);
      assertFalse(VIETNAMESE.matcher(shown).find(), "no Vietnamese sentence in the English console: " + shown);
    } else {
      assertEquals(vi, shown);
      assertFalse(shown.contains(en) || shown.contains(" / "), "no English sentence in the Vietnamese console: " + shown);
    }
  }

  private static String forwardDetail(long tipId, String lang) {
    Http.Response r = http().raw("POST", "/api/tips/" + tipId + "/transitions",
        new JsonObject().put("action", "forward").put("toUnit", "ZZ999").encode().getBytes(StandardCharsets.UTF_8),
        "application/json", http().login("badinh-officer"), Map.of("Accept-Language", lang));
    assertTrue(r.status() >= 400 && r.status() < 500, r.toString());
    return r.json().getString("detail");
  }

  private static void login(String user, String lang) {
    Browser.signIn(driver, http().base(), user, lang);
  }
}
