package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.TestPlatform;

/** The identity reveal's confirmation dialog in headless Chromium, on a phone and a desktop. */
class TipRevealBrowserIT {

  private static final String PHONE = "0912 345 678";
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

  /** Letters only Vietnamese uses here (Latin-1 Supplement to Latin Extended Additional, đ included). */
  private static final java.util.regex.Pattern VIETNAMESE = java.util.regex.Pattern.compile("[\\u00C0-\\u1EF9]");

  @ParameterizedTest(name = "at {0} px in {1}")
  @CsvSource({"390, vi", "1280, vi", "390, en", "1280, en"})
  void the_reveal_asks_for_a_reason_in_an_accessible_dialog_and_lands_in_the_history(int width, String lang) throws Exception {
    String nonce = "rv" + Long.toString(System.nanoTime(), 36);
    JsonObject tip = submit("00004", "crime", "Tố giác đánh bạc " + nonce, PHONE);
    Browser.width(driver, width);
    login("badinh-officer", lang);
    openTip(tip.getString("receipt"), nonce);
    var wait = Browser.waitFor(driver);

    // Escape cancels: nothing revealed, nothing in the history.
    driver.findElement(By.id("d-reveal")).click();
    wait.until(d -> dialogOpen());
    assertEquals("reveal-reason", activeId(), "focus moves into the dialog, on the reason");
    String dialogText = driver.findElement(By.id("reveal-dialog")).getText();
    if (lang.equals("en")) {
      assertTrue(dialogText.contains("Reason (required)"), dialogText);
      assertFalse(VIETNAMESE.matcher(dialogText).find(), "the English dialog has no Vietnamese: " + dialogText);
    } else {
      assertTrue(dialogText.contains("Lý do xem (bắt buộc)"), dialogText);
    }
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(d -> !dialogOpen());
    assertEquals("d-reveal", activeId(), "focus returns to the button");
    assertEquals("", driver.findElement(By.id("d-identity")).getText());
    assertEquals(0, scalar("SELECT count(*) FROM tip_event WHERE tip_id = ? AND kind = 'identity'", tip.getLong("tipId")));

    // A reason too short is refused in the dialog, which stays open.
    driver.findElement(By.id("d-reveal")).click();
    wait.until(d -> dialogOpen());
    driver.findElement(By.id("reveal-reason")).sendKeys("  a ");
    driver.findElement(By.id("reveal-confirm")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reveal-error")));
    assertTrue(dialogOpen());
    assertEquals("true", driver.findElement(By.id("reveal-reason")).getAttribute("aria-invalid"));
    assertFalse(Browser.scrollsSideways(driver), "no sideways scroll at " + width + " px");
    assertEquals(java.util.List.of(), Browser.axeSeriousFindings(driver), "axe-core with the dialog open at " + width + " px");
    screenshot("tips-reveal-dialog-" + width + "-" + lang + ".png");

    String reason = "Cần gọi lại để xác minh địa điểm " + nonce;
    driver.findElement(By.id("reveal-reason")).clear();
    driver.findElement(By.id("reveal-reason")).sendKeys(reason);
    driver.findElement(By.id("reveal-confirm")).click();
    wait.until(d -> !dialogOpen() && d.findElement(By.id("d-identity")).getText().contains("0912"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#d-events li[data-kind='identity']")));
    String event = driver.findElement(By.cssSelector("#d-events li[data-kind='identity']")).getText();
    String label = lang.equals("en") ? "Revealed the tipster\u2019s identity — reason: " : "Đã xem danh tính người báo tin — lý do: ";
    assertTrue(event.contains("badinh-officer") && event.contains(label + reason),
        "the history says who, when and why, with a label: " + event);
    assertFalse(event.contains("· identity"), "a label, never the code: " + event);
    String history = driver.findElement(By.id("d-events")).getText();
    assertFalse(history.contains(" / ") || history.contains("receive "), "the history in one language, with labels: " + history);
    screenshot("tips-reveal-history-" + width + "-" + lang + ".png");
  }

  private static void openTip(String receipt, String nonce) {
    driver.get(http().base() + "/tips/inbox");
    var wait = Browser.waitFor(driver);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    driver.findElement(By.id("q")).sendKeys(nonce);
    driver.findElement(By.id("filter-submit")).click();
    wait.until(d -> {
      try {
        d.findElement(By.cssSelector("#tips tr[data-receipt='" + receipt + "']")).click();
        return receipt.equals(d.findElement(By.id("d-receipt")).getText())
            && d.findElement(By.id("d-reveal")).isDisplayed();
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
  }

  private static void login(String user, String lang) {
    Browser.signIn(driver, http().base(), user, lang);
  }

  private static boolean dialogOpen() {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "return document.getElementById('reveal-dialog').open;"));
  }

  private static String activeId() {
    return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.activeElement && document.activeElement.id;"));
  }

  private static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
