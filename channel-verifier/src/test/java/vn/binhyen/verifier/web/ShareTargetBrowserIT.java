package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * "Share → BinhYen" from the Facebook or Zalo app at 390 px: the share-target address is built from
 * the manifest as Chromium parsed it (its action, method and parameter names), the way the phone's
 * system does, and opens /verify's verdict: a shared unregistered look-alike page reads not
 * registered with the impostor check's answer and a report link; a shared poster link, or a bare
 * token in the text, reads official with its unit.
 */
class ShareTargetBrowserIT {

  static WebDriver browser;
  static Http http;
  static JsonObject shareTarget;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
    browser = Browser.start();
    Browser.width(browser, 390);
    open("/");
    @SuppressWarnings("unchecked")
    Map<String, Object> manifest = (Map<String, Object>) ((ChromiumDriver) browser)
        .executeCdpCommand("Page.getAppManifest", Map.of());
    assertEquals(List.of(), manifest.get("errors"), "Chromium's manifest parser");
    shareTarget = new JsonObject((String) manifest.get("data")).getJsonObject("share_target");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static void open(String path) {
    browser.get(path.startsWith("http") ? path : http.base() + path);
    Browser.waitFor(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** What the system opens when the user shares {@code shared} (title, text, url) to the app. */
  static WebElement share(Map<String, String> shared) {
    JsonObject names = shareTarget.getJsonObject("params");
    String query = shared.entrySet().stream()
        .map(e -> names.getString(e.getKey()) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    open(shareTarget.getString("action") + "?" + query);
    Browser.waitFor(browser).until(d -> d.findElement(By.id("result")).getAttribute("data-verdict") != null);
    return browser.findElement(By.id("result"));
  }

  static Map<String, String> shared(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void the_manifest_shares_to_verify_by_get_with_url_text_and_title() {
    assertEquals("/verify", shareTarget.getString("action"));
    assertEquals("GET", shareTarget.getString("method"));
    JsonObject params = shareTarget.getJsonObject("params");
    assertEquals("url", params.getString("url"));
    assertEquals("text", params.getString("text"));
    assertEquals("title", params.getString("title"));
  }

  @Test
  void a_shared_look_alike_facebook_page_gets_the_impostor_answer() {
    WebElement result = share(shared("title", "Công an phường Ba Đình",
        "text", "Hỗ trợ lấy lại tiền bị lừa: https://m.facebook.com/conganphuongbadlnh?mibextid=ZbWKwL."));
    assertEquals("NOT_REGISTERED", result.getAttribute("data-verdict"), result.getText());
    String impostor = browser.findElement(By.id("impostor-text")).getText();
    assertTrue(impostor.contains("nghi là trang giả mạo"), impostor);
    WebElement report = browser.findElement(By.id("report-link"));
    assertTrue(report.isDisplayed(), "a report link");
    assertTrue(report.getAttribute("href").contains("conganphuongbadlnh"), report.getAttribute("href"));
    assertEquals("https://m.facebook.com/conganphuongbadlnh?mibextid=ZbWKwL", browser.findElement(By.id("q")).getAttribute("value"),
        "the link is taken out of the shared text, without the sentence's full stop");
    assertFalse(Browser.scrollsSideways(browser), () -> "sideways at 390 px: " + Browser.sidewaysCulprits(browser));
    assertEquals(List.of(), Browser.axeSeriousFindings(browser), "axe-core on a shared link's verdict");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", result);
    Browser.screenshot(browser, "share-impostor-390.png");
  }

  @Test
  void a_shared_poster_link_or_token_gets_its_verdict() {
    JsonObject channel = http.get("/api/public/units/00004/channels", null).json().getJsonArray("items").getJsonObject(0);
    String token = channel.getString("token");
    WebElement fromFacebook = share(shared("url", http.base() + "/verify?t=" + token));
    assertEquals("OFFICIAL", fromFacebook.getAttribute("data-verdict"), fromFacebook.getText());
    assertTrue(fromFacebook.getText().contains("Phường Ba Đình"), fromFacebook.getText());
    WebElement fromZalo = share(shared("title", "Mã QR", "text", token));
    assertEquals("OFFICIAL", fromZalo.getAttribute("data-verdict"), fromZalo.getText());
    assertTrue(fromZalo.getText().contains(channel.getString("displayName")), fromZalo.getText());
  }
}
