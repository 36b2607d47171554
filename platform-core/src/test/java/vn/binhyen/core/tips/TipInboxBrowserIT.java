package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * The officer's inbox as a work queue in headless Chromium, on a phone and a desktop: due times
 * in words with the overdue first, filters, the keyboard, assigning to a colleague, a photo preview.
 */
class TipInboxBrowserIT {

  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    TipWorld.demo();
    TipInboxIT.aColleagueInTheWard();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @ParameterizedTest(name = "at {0} px in {1}")
  @CsvSource({"390, vi", "1280, vi", "1280, en"})
  void the_queue_shows_due_times_filters_assigns_to_a_colleague_and_previews_a_photo(int width, String lang)
      throws Exception {
    boolean vi = lang.equals("vi");
    String word = "ib" + Long.toString(System.nanoTime(), 36);
    Http.Response r = http().raw("POST", "/api/public/tips",
        multipart(Map.of("unit", "00004", "category", "crime", "text", "Ảnh xe bị trộm " + word),
            new Part("attachment", "xe-may.png", picture(), "image/png")),
        "multipart/form-data; boundary=" + BOUNDARY, null, Map.of());
    assertEquals(201, r.status(), r.toString());
    long late = r.json().getLong("tipId");
    String lateReceipt = r.json().getString("receipt");
    // Submitted after the overdue one: newest first would put it on top.
    long soon = submit("00004", "fraud", "Lừa đảo qua mạng " + word, null).getLong("tipId");
    due(late, "-2 hours -10 minutes");
    due(soon, "5 hours 10 minutes");

    Browser.width(driver, width);
    login("badinh-officer", lang);
    driver.get(http().base() + "/tips/inbox");
    var wait = Browser.waitFor(driver);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    driver.findElement(By.id("q")).sendKeys(word);
    driver.findElement(By.id("filter-submit")).click();
    wait.until(d -> rows().size() == 2);

    // Overdue first (the default order), due times in words, no codes in the table.
    assertEquals(List.of(late, soon), rows().stream().map(e -> Long.parseLong(e.getAttribute("data-tip-id"))).toList());
    assertEquals(vi ? "quá hạn 2 giờ" : "2 h overdue", cell(0, 3).getText());
    assertEquals("overdue", cell(0, 3).getAttribute("data-due"));
    assertEquals(vi ? "còn 5 giờ" : "5 h left", cell(1, 3).getText());
    assertEquals(vi ? "Tố giác tội phạm" : "Criminal tip", cell(0, 1).getText());
    assertEquals(vi ? "Đã tiếp nhận" : "Received", cell(0, 2).getText());
    assertEquals(vi ? "Chưa giao" : "Unassigned", cell(0, 4).getText());
    assertEquals(vi ? "Trang 1 / 1" : "Page 1 of 1", driver.findElement(By.id("page")).getText());
    // Headers (visually hidden on a phone, where each cell carries its header as a label).
    assertTrue(driver.findElement(By.tagName("thead")).getAttribute("textContent").contains(vi ? "Hạn phản hồi" : "Response due"));
    assertEquals(vi ? "Hạn phản hồi" : "Response due", cell(0, 3).getAttribute("data-label"));

    // A category filter with labels: fraud keeps only the other tip.
    new Select(driver.findElement(By.id("category-filter"))).selectByVisibleText(vi ? "Lừa đảo, chiếm đoạt tài sản" : "Fraud and scams");
    wait.until(d -> rows().size() == 1 && rows().get(0).getAttribute("data-tip-id").equals(String.valueOf(soon)));
    new Select(driver.findElement(By.id("category-filter"))).selectByValue("");
    wait.until(d -> rows().size() == 2);
    Browser.screenshot(driver, "inbox-queue-" + width + "-" + lang + ".png");
    assertFalse(Browser.scrollsSideways(driver), "the queue scrolls sideways at " + width + " px");
    assertEquals(List.of(), Browser.axeSeriousFindings(driver));

    // The keyboard: the row takes focus, Enter opens the tip and moves focus to it.
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", rows().get(0));
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> lateReceipt.equals(d.findElement(By.id("d-receipt")).getText()));
    wait.until(d -> "d-title".equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id;")));
    // The photo previews as a loaded thumbnail with alt text.
    WebElement img = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#d-attachments img.thumb")));
    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
        "const i = document.querySelector('#d-attachments img.thumb'); return i.complete ? i.naturalWidth : 0;")).intValue() == 64);
    assertEquals((vi ? "Ảnh đính kèm" : "Attached photo") + ": xe-may.png", img.getAttribute("alt"));

    // Tab reaches the actions: triage, then assign to a colleague chosen by name.
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    for (int i = 0; i < 5 && !"triage".equals(driver.switchTo().activeElement().getAttribute("data-action")); i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals("triage", driver.switchTo().activeElement().getAttribute("data-action"));
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait.until(d -> "triaged".equals(d.findElement(By.id("d-status")).getAttribute("data-status")));
    wait.until(d -> d.findElement(By.id("d-assign")).isDisplayed());
    new Select(driver.findElement(By.id("d-assignee"))).selectByVisibleText("Trần Thị Hoa");
    Browser.screenshot(driver, "inbox-detail-" + width + "-" + lang + ".png");
    assertFalse(Browser.scrollsSideways(driver), "the tip scrolls sideways at " + width + " px");
    assertEquals(List.of(), Browser.axeSeriousFindings(driver));
    driver.findElement(By.id("d-assign-submit")).click();
    wait.until(d -> "assigned".equals(d.findElement(By.id("d-status")).getAttribute("data-status")));
    wait.until(d -> d.findElement(By.id("d-events")).getText().contains("→ Trần Thị Hoa"));
    assertEquals(TipInboxIT.COLLEAGUE, http().get("/api/tips/" + late, http().login("badinh-officer")).json()
        .getString("assignee"));

    // The queue names the assignee; answered now, the tip goes below the unanswered one; and
    // "unassigned" keeps only the other tip.
    wait.until(d -> rows().size() == 2 && rows().get(1).getAttribute("data-tip-id").equals(String.valueOf(late))
        && cell(1, 4).getText().equals("Trần Thị Hoa"));
    assertEquals(vi ? "Đã phản hồi" : "Answered", cell(1, 3).getText());
    new Select(driver.findElement(By.id("assigned-filter"))).selectByValue("none");
    wait.until(d -> rows().size() == 1 && rows().get(0).getAttribute("data-tip-id").equals(String.valueOf(soon)));
  }

  private static List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#tips tr"));
  }

  private static WebElement cell(int row, int col) {
    return rows().get(row).findElements(By.tagName("td")).get(col);
  }

  private static byte[] picture() throws Exception {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(new Color(0x2a6f97));
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.ORANGE);
    g.fillOval(16, 8, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static void due(long id, String offset) throws Exception {
    try (var c = owner(); var st = c.prepareStatement("UPDATE tip SET sla_due_at = now() + ?::interval WHERE id = ?")) {
      st.setString(1, offset);
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  private static void login(String user, String lang) {
    Browser.signIn(driver, http().base(), user, lang);
  }
}
