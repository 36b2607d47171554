package vn.binhyen.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests (never a downloaded browser). Without chromium the
 * tests are skipped with a message, except in CI ({@code CI=true}) where its absence fails.
 */
public final class Browser {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static WebDriver start() {
    return start(new String[0]);
  }

  /**
   * Chromium with more command-line switches, e.g. a fake camera ({@code --use-fake-device-for-media-stream
   * --use-fake-ui-for-media-stream --use-file-for-fake-video-capture=<file>.y4m}).
   */
  public static WebDriver start(String... extraArguments) {
    boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    if (!present) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but " + CHROMIUM + " / " + DRIVER
            + " are missing: .ci/run must install Debian's chromium and chromium-driver");
      }
      Assumptions.abort("Browser tests skipped: install Debian's chromium and chromium-driver");
    }
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,900");
    options.addArguments(extraArguments);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  public static WebDriverWait waitFor(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    // A condition that reads an element the page re-renders meanwhile (a table redrawn after a
    // rotation, a list after a search) is asked again rather than failing the test.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** Sets the browser's viewport width (a phone is 360 or 390, a desktop 1280). */
  public static void width(WebDriver driver, int px) {
    driver.manage().window().setSize(new Dimension(px, 900));
  }

  /**
   * Signs a demo user in through the real log-in page (password {@link TestPlatform#PASSWORD}),
   * with the page language set first when {@code lang} is given ("vi" or "en"), and waits until
   * the browser has left the log-in page.
   */
  public static void signIn(WebDriver driver, String base, String username, String lang) {
    driver.manage().deleteAllCookies();
    driver.get(base + "/login");
    if (lang != null) {
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.setItem('by_lang', arguments[0]);", lang);
      driver.navigate().refresh();
    }
    driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(TestPlatform.PASSWORD);
    driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
    waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /**
   * The page as it is now, at each width: sideways scroll (with its culprits), serious axe-core
   * findings and, with {@code codes}, internal codes on screen, each as "<what> at <width>: …"; a
   * screenshot per width under {@code <shotPrefix>-<what>-<width>.png}. Back at 1280 px after.
   */
  public static List<String> layoutProblems(WebDriver driver, String what, String shotPrefix, boolean codes, int... widths) {
    List<String> problems = new java.util.ArrayList<>();
    for (int w : widths) {
      width(driver, w);
      waitUntilSettled(driver);
      String where = what + " at " + w + ": ";
      if (scrollsSideways(driver)) {
        problems.add(where + "scrolls sideways: " + sidewaysCulprits(driver));
      }
      axeSeriousFindings(driver).forEach(f -> problems.add(where + f));
      if (codes) {
        codesOnScreen(driver).forEach(c -> problems.add(where + "code on screen " + c));
      }
      screenshot(driver, shotPrefix + "-" + what.replace(' ', '-') + "-" + w + ".png");
    }
    width(driver, 1280);
    return problems;
  }

  /** Saves what the browser shows to {@code target/screenshots/<name>} (to look at, not to assert). */
  public static void screenshot(WebDriver driver, String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
      java.nio.file.Path shot = ((org.openqa.selenium.TakesScreenshot) driver)
          .getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
      java.nio.file.Files.copy(shot, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What must never reach the visible text: snake_case tokens, ROLE_CODES, dotted audit actions and
   * JSON. {@link #codesOnScreen} applies it to {@code document.body.innerText}.
   */
  public static final java.util.regex.Pattern CODES = java.util.regex.Pattern.compile(
      "\\b[a-z]+_[a-z_]+\\b|\\b[A-Z]{2,}_[A-Z_]+\\b|\\b(user|unit|units|channel|reorg|tip|tips|key|keys|alert|case|audit|attestation|impostor)(\\.[a-z_-]+)+\\b"
          + "|[{}]|\"[a-zA-Z]+\":");

  /** The internal codes and JSON fragments in a text (see {@link #CODES}), in order. */
  public static List<String> codesIn(String text) {
    List<String> found = new ArrayList<>();
    java.util.regex.Matcher m = CODES.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /**
   * The internal codes and JSON fragments visible on the current page, leaving out text a page
   * marks {@code data-literal} (what the user types as it is, such as a CSV file's column names).
   */
  public static List<String> codesOnScreen(WebDriver driver) {
    return codesIn((String) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('[data-literal]')).map(e => e.innerText)"
            + ".reduce((text, literal) => literal ? text.split(literal).join(' ') : text, document.body.innerText);"));
  }

  /**
   * Waits until the page has loaded and its API calls are answered: {@code body[data-ready]} when
   * the page sets it, else no call of {@code Api} in flight.
   */
  public static void waitUntilSettled(WebDriver driver) {
    waitFor(driver).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "if (document.readyState !== 'complete') { return false; }"
            + "if (document.body.dataset.ready !== undefined) { return document.body.dataset.ready === 'true'; }"
            + "return !window.Api || !Api.pending || Api.pending() === 0;")));
  }

  /** Switches the browser's network off or back on (DevTools {@code Network.emulateNetworkConditions}). */
  public static void offline(WebDriver driver, boolean offline) {
    org.openqa.selenium.chromium.ChromiumDriver cdp = (org.openqa.selenium.chromium.ChromiumDriver) driver;
    cdp.executeCdpCommand("Network.enable", java.util.Map.of());
    cdp.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", offline, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** True when the page scrolls sideways at the current width (more than one pixel of overflow). */
  public static boolean scrollsSideways(WebDriver driver) {
    Object over = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    return ((Number) over).longValue() > 1;
  }

  /**
   * What makes the page scroll sideways, for an assertion's message: the page's scroll and client
   * widths and the first elements wider than their box or reaching past the viewport.
   */
  public static String sidewaysCulprits(WebDriver driver) {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(
        "const w = document.documentElement.clientWidth;"
            + "return document.documentElement.scrollWidth + '/' + w + ' px: ' + Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > w + 1)"
            + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right)"
            + " + ' ' + (e.textContent || '').trim().slice(0, 40)).slice(0, 8).join(' | ');"));
  }

  /**
   * The visible, enabled buttons whose text is hard to read on what is behind it (contrast below
   * 4.5:1, the nearest opaque background up the tree), as "text: colour on background" lines. It
   * catches what axe-core may leave as "incomplete", such as red text on a red button.
   */
  @SuppressWarnings("unchecked")
  public static List<String> faintButtons(WebDriver driver) {
    return new ArrayList<>((List<String>) ((JavascriptExecutor) driver).executeScript(
        "const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);"
            + "const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });"
            + "  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };"
            + "const behind = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);"
            + "  if (c.length >= 3 && (c.length < 4 || c[3] >= 0.5)) { return c; } } return [255, 255, 255]; };"
            + "return Array.from(document.querySelectorAll('button')).filter(b => !b.disabled && b.offsetParent !== null"
            + "  && b.innerText.trim() && getComputedStyle(b).visibility === 'visible').map(b => {"
            + "  const fg = rgb(getComputedStyle(b).color), bg = behind(b);"
            + "  const l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);"
            + "  return ratio < 4.5 ? b.innerText.trim().slice(0, 30) + ': ' + fg.join(',') + ' on ' + bg.join(',') + ' (' + ratio.toFixed(1) + ':1)' : null;"
            + "}).filter(x => x);"));
  }

  /**
   * Runs axe-core (from npm, installed by {@code .ci/run} under {@code .ci/tools}) on the current
   * page and returns its serious and critical findings as "rule: target" lines. Outside CI a
   * missing axe-core skips the test with a message; in CI its absence fails.
   */
  @SuppressWarnings("unchecked")
  public static List<String> axeSeriousFindings(WebDriver driver) {
    String script = axeScript();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(script);
    Object result = js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.filter("
            + "v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': '"
            + " + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ')))).catch(e => done(['axe failed: ' + e]));");
    return new ArrayList<>((List<String>) result);
  }

  private static String axeScript() {
    Path found = null;
    String configured = System.getenv("BINHYEN_AXE_JS");
    List<Path> candidates = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      candidates.add(dir.resolve(".ci/tools/node_modules/axe-core/axe.min.js"));
    }
    for (Path p : candidates) {
      if (Files.isReadable(p)) {
        found = p;
        break;
      }
    }
    if (found == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but axe-core is missing: .ci/run installs it with npm under .ci/tools");
      }
      Assumptions.abort("Accessibility checks skipped: run `npm install --prefix .ci/tools axe-core@4.11.0`"
          + " or set BINHYEN_AXE_JS");
    }
    try {
      return Files.readString(found);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
