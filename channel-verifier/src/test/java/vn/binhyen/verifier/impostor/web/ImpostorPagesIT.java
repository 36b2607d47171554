package vn.binhyen.verifier.impostor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/** In headless Chromium: check → report → the unit's officer confirms in /cases → the public pages say so. */
class ImpostorPagesIT {

  private static WebDriver driver;
  private static Http http;

  @BeforeAll
  static void start() {
    http = ImpostorWorld.http();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static WebElement waitVisible(By by) {
    return Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void citizen_reports_officer_confirms_and_the_public_pages_show_a_confirmed_impostor() {
    String link = "https://www.facebook.com/conganphuonghoankiem.hotro247";
    driver.get(http.base() + "/check?link=" + q(link) + "&name=" + q("Công an phường Hoàn Kiếm"));
    WebElement result = waitVisible(By.cssSelector("#result[data-verdict]"));
    assertEquals("SUSPECTED_IMPOSTOR", result.getAttribute("data-verdict"));
    assertTrue(result.getText().contains("Nghi giả mạo"), result.getText());
    assertTrue(result.getText().contains("Các trang chính thức duy nhất của đơn vị Phường Hoàn Kiếm"), result.getText());

    waitVisible(By.id("report-action")).click();
    Browser.waitFor(driver).until(ExpectedConditions.urlContains("/report"));
    assertEquals(link, waitVisible(By.id("link")).getAttribute("value"));
    assertEquals("Công an phường Hoàn Kiếm", driver.findElement(By.id("name")).getAttribute("value"));
    driver.findElement(By.id("note")).sendKeys("Trang này nhắn tin đòi tiền phí hồ sơ");
    driver.findElement(By.id("report-submit")).click();
    WebElement receipt = waitVisible(By.id("receipt"));
    String caseId = receipt.getAttribute("data-case-id");
    assertTrue(receipt.getText().contains("Phường Hoàn Kiếm"), receipt.getText());

    driver.get(http.base() + "/login?next=/cases");
    waitVisible(By.id("username")).sendKeys("hoankiem-officer");
    driver.findElement(By.id("password")).sendKeys(TestPlatform.PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    waitVisible(By.cssSelector("tr[data-case-id='" + caseId + "'] button.view")).click();
    WebElement detail = waitVisible(By.cssSelector("#detail[data-case-id='" + caseId + "']"));
    Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElement(detail, "facebook.com/conganphuonghoankiem"));
    assertTrue(detail.getText().contains("Trang này nhắn tin đòi tiền phí hồ sơ"), detail.getText());
    waitVisible(By.id("decision-note")).sendKeys("Đã xác minh: trang giả mạo");
    driver.findElement(By.id("confirm")).click();
    Browser.waitFor(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("decision")));
    assertTrue(detail.getText().contains("Đã xác nhận giả mạo"), detail.getText());

    driver.get(http.base() + "/impostors?unit=00070");
    WebElement table = waitVisible(By.id("impostors"));
    Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElement(table, "facebook.com/conganphuonghoankiem.hotro247"));
    assertTrue(table.getText().contains("Đã xác nhận giả mạo"), table.getText());
    assertTrue(table.getText().contains("Phường Hoàn Kiếm (00070)"), table.getText());

    ImpostorWorld.refresh();
    driver.get(http.base() + "/check?link=" + q(link));
    result = waitVisible(By.cssSelector("#result[data-verdict]"));
    assertEquals("CONFIRMED_IMPOSTOR", result.getAttribute("data-verdict"));
    assertTrue(result.getText().contains("Đã xác nhận giả mạo"), result.getText());
  }
}
