package vn.binhyen.verifier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import vn.binhyen.core.channel.Channel;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.signing.Attestation;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.SigningKey;

/**
 * The citizen web app at 390 px in headless Chromium: the manifest is valid for Chromium and the
 * service worker registers; after one online visit, with the network switched off through the
 * DevTools protocol, /verify still opens, a genuine demo token reads "official as of <list date>"
 * and a token with one payload byte changed is refused with none of its claims on the page; a
 * token revoked before the visit reads revoked; an expired one expired; one signed by a province's
 * key for a unit of another province, or by a key not on the list, is refused without its claims.
 */
class OfflineVerifyBrowserIT {

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

  static JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  static Object async(String script) {
    return js().executeAsyncScript("const done = arguments[arguments.length - 1];" + script);
  }

  static void open(String path) {
    browser.get(http.base() + path);
    Browser.waitFor(browser).until(d -> "complete".equals(js().executeScript("return document.readyState")));
  }

  static JsonObject wardChannel() {
    return http.get("/api/public/units/00004/channels", null).json().getJsonArray("items").getJsonObject(0);
  }

  /** When the certificate of issuing key {@code kid} began, as the signed trust list says (epoch seconds). */
  static long certifiedFrom(String kid) {
    Http.Response r = http.get("/api/public/trust-list", null);
    assertEquals(200, r.status(), r.toString());
    String payload = r.json().getString("token").split("\\.")[1];
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    return claims.getJsonArray("keys").stream().map(JsonObject.class::cast).filter(k -> kid.equals(k.getString("kid")))
        .findFirst().orElseThrow(() -> new AssertionError("key " + kid + " not on the trust list")).getLong("nbf");
  }

  /** The token with one byte of its payload changed: a letter of the unit's name (B → X). */
  static String tampered(String token) {
    String[] parts = token.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    String json = new String(payload, StandardCharsets.UTF_8);
    int at = json.indexOf("\"tn\":\"");
    assertTrue(at >= 0, json);
    int b = json.indexOf('B', at);
    int byteIndex = json.substring(0, b).getBytes(StandardCharsets.UTF_8).length;
    assertEquals('B', payload[byteIndex]);
    payload[byteIndex] = 'X';
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
  }

  static void screenshot(String name) throws Exception {
    js().executeScript("document.getElementById('result').scrollIntoView({block: 'start'});");
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  static WebElement verdictOf(String q) {
    WebElement input = browser.findElement(By.id("q"));
    input.clear();
    js().executeScript("arguments[0].value = arguments[1];", input, q);
    js().executeScript("delete document.getElementById('result').dataset.verdict;");
    browser.findElement(By.id("verify-submit")).click();
    Browser.waitFor(browser).until(d -> d.findElement(By.id("result")).getAttribute("data-verdict") != null);
    return browser.findElement(By.id("result"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_manifest_is_valid_and_the_service_worker_registers() {
    Browser.width(browser, 390);
    open("/");
    assertNotNull(browser.findElement(By.cssSelector("link[rel=manifest]")));
    Map<String, Object> manifest = (Map<String, Object>) ((ChromiumDriver) browser).executeCdpCommand("Page.getAppManifest", Map.of());
    assertEquals(List.of(), manifest.get("errors"), "Chromium's manifest parser: " + manifest.get("errors"));
    JsonObject m = new JsonObject((String) manifest.get("data"));
    assertEquals("/", m.getString("start_url"));
    assertEquals("/", m.getString("scope"));
    assertEquals("standalone", m.getString("display"));
    assertEquals("vi", m.getString("lang"));
    assertTrue(m.getString("name").contains("BinhYen"));
    assertNotNull(m.getString("short_name"));
    JsonArray icons = m.getJsonArray("icons");
    for (String size : List.of("192", "512")) {
      JsonObject icon = icons.stream().map(JsonObject.class::cast).filter(i -> i.getString("sizes").equals(size + "x" + size))
          .findFirst().orElseThrow(() -> new AssertionError("no " + size + " icon in " + icons));
      // The icon is a real PNG of that size, as the browser decodes it.
      Object dims = async("const img = new Image(); img.onload = () => done(img.naturalWidth + 'x' + img.naturalHeight);"
          + " img.onerror = () => done('error'); img.src = '" + icon.getString("src") + "';");
      assertEquals(size + "x" + size, dims, icon.encode());
    }
    Object scope = async("navigator.serviceWorker.ready.then(r => done(r.scope)).catch(e => done('failed ' + e));");
    assertEquals(http.base() + "/", scope);
    Object type = async("fetch('/sw.js').then(r => done(r.headers.get('Content-Type')));");
    assertTrue(String.valueOf(type).startsWith("text/javascript"), String.valueOf(type));
    Map<String, Object> installability = (Map<String, Object>) ((ChromiumDriver) browser)
        .executeCdpCommand("Page.getInstallabilityErrors", Map.of());
    assertEquals(List.of(), installability.get("installabilityErrors"), "Chromium's install criteria");
  }

  @Test
  void with_the_network_off_a_genuine_token_is_official_and_a_tampered_one_refused() throws Exception {
    JsonObject channel = wardChannel();
    String token = channel.getString("token");
    String name = channel.getString("displayName");
    // A channel revoked before the visit: its token is on the signed list's revocations.
    Channel revokedChannel = TestChannels.pendingPage("00004");
    Http.Response issued = TestChannels.issue(http, "hanoi-admin", revokedChannel.id());
    assertEquals(201, issued.status(), issued.toString());
    String revokedToken = issued.json().getString("token");
    assertNotNull(revokedToken, issued.toString());
    Http.Response revocation = http.post("/api/verifier/channels/" + revokedChannel.id() + "/status",
        new JsonObject().put("status", "revoked").put("reason", "ngừng hoạt động"), http.login("hanoi-admin"));
    assertEquals(200, revocation.status(), revocation.toString());
    Browser.width(browser, 390);
    // One online visit: the worker installs and keeps the pages; the page keeps the signed list.
    open("/verify");
    async("navigator.serviceWorker.ready.then(() => done(true));");
    Browser.waitFor(browser).until(d -> d.findElement(By.id("offline-status")).isDisplayed());
    open("/verify");
    assertEquals(Boolean.TRUE, js().executeScript("return navigator.serviceWorker.controller !== null;"),
        "the worker controls the page after the first visit");
    try {
      Browser.offline(browser, true);
      assertEquals(Boolean.FALSE, async("fetch('/api/public/verify?q=x').then(() => done(true)).catch(() => done(false));"),
          "the network is off");
      open("/verify");
      assertTrue(browser.findElement(By.tagName("h1")).getText().contains("công an"), "the kept page opens offline");

      WebElement genuine = verdictOf(token);
      assertEquals("OFFICIAL", genuine.getAttribute("data-verdict"), genuine.getText());
      assertEquals("true", genuine.getAttribute("data-offline"));
      assertTrue(genuine.getText().contains("Chính thức theo danh sách ngày"), genuine.getText());
      assertTrue(genuine.getText().contains("Ba Đình"), genuine.getText());
      assertTrue(genuine.getText().contains(name), genuine.getText());
      assertFalse(Browser.scrollsSideways(browser), "no sideways scroll at 390 px");
      assertEquals(List.of(), Browser.axeSeriousFindings(browser), "axe-core on the offline verdict");
      screenshot("offline-official-390");

      String forged = tampered(token);
      assertNotEquals(token, forged);
      WebElement refused = verdictOf(forged);
      assertEquals("INVALID_TOKEN", refused.getAttribute("data-verdict"), refused.getText());
      assertEquals("true", refused.getAttribute("data-offline"));
      String page = browser.findElement(By.tagName("body")).getText();
      assertTrue(page.contains("Chữ ký không khớp"), page);
      assertFalse(page.contains("Xa Đình"), "the forged unit name is not shown: " + page);
      assertFalse(page.contains("Ba Đình"), "no claim of the refused token is shown: " + page);
      assertFalse(page.contains(name), "the page name of the refused token is not shown: " + page);
      screenshot("offline-refused-390");

      WebElement revoked = verdictOf(revokedToken);
      assertEquals("REVOKED", revoked.getAttribute("data-verdict"), revoked.getText());
      assertTrue(revoked.getText().contains("Mã này đã bị thu hồi"), revoked.getText());

      // Tokens made here with the demo's real Hà Nội issuing key and with a stranger's key.
      SigningKey hanoi = TestChannels.services().get(KeyRing.class).issuerFor("01").toCompletionStage().toCompletableFuture().get();
      long now = System.currentTimeMillis() / 1000;
      ChannelRef ref = ChannelLinks.normalize("https://www.facebook.com/conganbadinh.cu");
      // Issued inside the key's certificate and expired since. The current Hà Nội key may be only
      // seconds old (KeysPageBrowserIT, run just before, rotates it): the token is then dated from
      // the certificate's start, and the test waits until it has expired.
      long iat = Math.max(now - 5, certifiedFrom(hanoi.kid()));
      while (System.currentTimeMillis() / 1000 < iat + 3) {
        Thread.sleep(100);
      }
      String expired = Attestation.issue("c1", ref, "Trang cũ đã hết hạn", "00004", "Phường Ba Đình", iat, iat + 2)
          .sign(hanoi);
      WebElement old = verdictOf(expired);
      assertEquals("EXPIRED", old.getAttribute("data-verdict"), old.getText());
      assertTrue(old.getText().contains("Mã này đã hết hạn"), old.getText());
      String otherProvince = Attestation.issue("c2", ref, "Trang mạo danh Buôn Ma Thuột", "24133", "Phường Buôn Ma Thuột",
          now - 60, now + 86400).sign(hanoi);
      WebElement outside = verdictOf(otherProvince);
      assertEquals("INVALID_TOKEN", outside.getAttribute("data-verdict"), outside.getText());
      assertTrue(outside.getText().contains("không được cấp cho đơn vị này"), outside.getText());
      assertFalse(outside.getText().contains("Buôn Ma Thuột"), "no claim of a token outside its key's province");
      String stranger = Attestation.issue("c3", ref, "Trang lạ", "00004", "Phường Ba Đình", now - 60, now + 86400)
          .sign(Ed25519Keys.generate());
      WebElement unknown = verdictOf(stranger);
      assertEquals("INVALID_TOKEN", unknown.getAttribute("data-verdict"), unknown.getText());
      assertTrue(unknown.getText().contains("khóa không có trong danh sách"), unknown.getText());
      assertFalse(unknown.getText().contains("Trang lạ"), unknown.getText());

      WebElement link = verdictOf("https://www.facebook.com/ConganThuDo");
      assertEquals("ERROR", link.getAttribute("data-verdict"), link.getText());
      assertTrue(link.getText().contains("chỉ kiểm tra được mã trên áp phích QR"), link.getText());

      js().executeScript("document.getElementById('lang-toggle').click();");
      Browser.waitFor(browser).until(d -> d.findElement(By.tagName("h1")).getText().contains("really"));
      WebElement english = verdictOf(token);
      assertTrue(english.getText().contains("Official as of"), english.getText());
      Browser.width(browser, 1280);
      assertFalse(Browser.scrollsSideways(browser), "no sideways scroll at 1280 px");
      screenshot("offline-official-en-1280");
      js().executeScript("document.getElementById('lang-toggle').click();");
    } finally {
      Browser.offline(browser, false);
    }
  }

  /**
   * A phone whose WebView has no Ed25519 in WebCrypto (crypto.subtle refuses the algorithm, as
   * Chromium before 137 and Safari before 17 do): the offline check falls back to TweetNaCl.js from
   * its WebJar, kept by the service worker, and gives the same verdicts.
   */
  @Test
  @SuppressWarnings("unchecked")
  void without_ed25519_in_webcrypto_the_offline_check_uses_tweetnacl_and_gives_the_same_verdicts() {
    JsonObject channel = wardChannel();
    String token = channel.getString("token");
    Map<String, Object> added = (Map<String, Object>) ((ChromiumDriver) browser).executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
            (function () {
              if (!self.crypto || !crypto.subtle) { return; }
              const importKey = crypto.subtle.importKey.bind(crypto.subtle);
              crypto.subtle.importKey = function (format, key, algorithm, extractable, usages) {
                const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
                if (String(name).toLowerCase() === 'ed25519') {
                  return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
                }
                return importKey(format, key, algorithm, extractable, usages);
              };
            })();"""));
    try {
      Browser.width(browser, 390);
      open("/verify");
      async("navigator.serviceWorker.ready.then(() => done(true));");
      Browser.waitFor(browser).until(d -> d.findElement(By.id("offline-status")).isDisplayed());
      open("/verify");
      Browser.waitFor(browser).until(d -> Boolean.TRUE.equals(js().executeScript("return navigator.serviceWorker.controller !== null;")));
      // The new worker keeps the library as it installs: ask it, as the page would offline.
      Object kept = async("caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match('/vendor/tweetnacl/nacl.min.js')))))"
          + ".then(hits => done(hits.some(h => h !== undefined)));");
      assertEquals(Boolean.TRUE, kept, "the service worker keeps TweetNaCl.js");
      try {
        Browser.offline(browser, true);
        open("/verify");
        WebElement genuine = verdictOf(token);
        assertEquals("OFFICIAL", genuine.getAttribute("data-verdict"), genuine.getText());
        assertEquals("true", genuine.getAttribute("data-offline"));
        assertEquals(Boolean.TRUE, js().executeScript("return typeof window.nacl === 'object' && typeof nacl.sign.detached.verify === 'function';"),
            "the fallback library did the check");
        WebElement refused = verdictOf(tampered(token));
        assertEquals("INVALID_TOKEN", refused.getAttribute("data-verdict"), refused.getText());
        assertFalse(browser.findElement(By.tagName("body")).getText().contains(channel.getString("displayName")),
            "no claim of the refused token is shown");
      } finally {
        Browser.offline(browser, false);
      }
    } finally {
      ((ChromiumDriver) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
          Map.of("identifier", added.get("identifier")));
    }
  }
}
