package vn.binhyen.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.TestPlatform;

/** Every role signs in through the web UI and lands on its home page; the session is an HttpOnly cookie. */
class LoginBrowserIT {

  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() {
    base = TestPlatform.http().base();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @ParameterizedTest(name = "{0} signs in and sees the {1} home page")
  @CsvSource({
      "ministry-admin, MINISTRY_ADMIN, Bộ Công an",
      "hanoi-admin, UNIT_ADMIN, Thành phố Hà Nội",
      "badinh-officer, OFFICER, Phường Ba Đình",
      "hanoi-supervisor, SUPERVISOR, Thành phố Hà Nội",
      "daklak-admin, UNIT_ADMIN, Tỉnh Đắk Lắk",
      "buonmathuot-officer, OFFICER, Phường Buôn Ma Thuột",
      "daklak-supervisor, SUPERVISOR, Tỉnh Đắk Lắk"
  })
  void login_leads_to_the_role_home(String user, String role, String unit) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(TestPlatform.PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    var wait = Browser.waitFor(browser);
    wait.until(ExpectedConditions.urlToBe(base + "/home"));
    wait.until(ExpectedConditions.textToBe(By.id("who"), user));
    assertEquals(role, browser.findElement(By.id("role")).getAttribute("data-role"));
    assertEquals(unit, browser.findElement(By.id("unit-name")).getText());
    assertEquals("", ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return document.cookie.includes('by_session') ? 'visible' : ''"),
        "the session cookie is HttpOnly: scripts cannot read it");
    browser.findElement(By.id("lang-toggle")).click();
    wait.until(ExpectedConditions.textToBe(By.id("lang-toggle"), "Tiếng Việt"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Hello"));
    browser.findElement(By.id("lang-toggle")).click();
    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/login"));
  }

  @ParameterizedTest(name = "a wrong password for {0} shows an error")
  @CsvSource({"hanoi-admin"})
  void a_wrong_password_shows_an_error(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("wrong-password-x");
    browser.findElement(By.id("login-submit")).click();
    Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    assertTrue(browser.findElement(By.id("login-error")).getText().contains("Đăng nhập không thành công"));
    assertEquals(base + "/login", browser.getCurrentUrl());
  }
}
