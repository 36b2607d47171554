package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/** The citizen page in headless Chromium: one clear answer for a demo channel, an unknown link, a revoked one. */
class VerifyPageIT {

  static WebDriver browser;
  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static WebElement ask(String q) {
    browser.get(http.base() + "/verify");
    WebElement input = browser.findElement(By.id("q"));
    input.clear();
    input.sendKeys(q);
    browser.findElement(By.id("verify-submit")).click();
    return Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result[data-verdict]")));
  }

  static WebElement answerFor(String q, String verdict) {
    ask(q);
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("result"), "data-verdict", verdict));
    return browser.findElement(By.id("result"));
  }

  @Test
  void a_demo_channel_is_official_with_its_unit_and_log_index() {
    WebElement result = answerFor("https://m.facebook.com/ConganThuDo/", "OFFICIAL");
    String text = result.getText();
    assertTrue(text.contains("Trang chính thức"), text);
    assertTrue(text.contains("Công an Thành phố Hà Nội") || text.contains("Hà Nội"), text);
    assertTrue(text.contains("nhật ký minh bạch"), text);
  }

  @Test
  void an_unknown_link_is_not_registered_with_a_report_link() {
    WebElement result = answerFor("https://www.facebook.com/hotro.laylaitien.congan", "NOT_REGISTERED");
    assertTrue(result.getText().contains("Không phải trang chính thức"), result.getText());
    assertTrue(browser.findElement(By.id("report-link")).getAttribute("href").contains("/report?link="));
  }

  @Test
  void a_channel_reads_revoked_after_its_revocation() {
    Channel channel = TestChannels.pendingPage("00004");
    Http.Response issued = TestChannels.issue(http, "hanoi-admin", channel.id());
    assertEquals(201, issued.status(), issued.toString());
    String link = "https://" + channel.normalizedId();
    answerFor(link, "OFFICIAL");
    Http.Response revoked = http.post("/api/verifier/channels/" + channel.id() + "/status",
        new JsonObject().put("status", "revoked").put("reason", "ngừng hoạt động"), http.login("hanoi-admin"));
    assertEquals(200, revoked.status(), revoked.toString());
    WebElement result = answerFor(link, "REVOKED");
    assertTrue(result.getText().contains("Đã bị thu hồi"), result.getText());
  }

  @Test
  void a_qr_link_with_a_token_answers_on_arrival() {
    String token = http.get("/api/public/units/00070/channels", null).json().getJsonArray("items").getJsonObject(0).getString("token");
    browser.get(http.base() + "/verify?t=" + URLEncoder.encode(token, StandardCharsets.US_ASCII));
    Browser.waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("result"), "data-verdict", "OFFICIAL"));
    assertTrue(browser.findElement(By.id("result")).getText().contains("Hoàn Kiếm"));
  }

  @Test
  void the_unit_page_lists_the_wards_official_channels() {
    browser.get(http.base() + "/units/00004/channels");
    Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels li[data-status=verified]")));
    assertTrue(browser.findElement(By.id("unit-name")).getText().contains("Ba Đình"));
    assertTrue(browser.findElement(By.id("channels")).getText().contains("Tổ dân phố số 1"));
  }

  @Test
  void the_badge_page_shows_the_unit_and_a_qr_code() {
    long id = http.get("/api/public/units/66/channels", null).json().getJsonArray("items").getJsonObject(0).getLong("id");
    browser.get(http.base() + "/badge/" + id);
    Browser.waitFor(browser).until(ExpectedConditions.attributeContains(By.id("badge-qr"), "src", "/qr.png"));
    assertTrue(browser.findElement(By.id("badge-unit")).getText().contains("Đắk Lắk"));
  }
}
