package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.core.tips.TipFixtures.http;

import org.junit.jupiter.api.AfterAll;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import vn.binhyen.core.testing.Browser;
import vn.binhyen.core.testing.Eventually;

/** The inbox history says how each reply to a Messenger tip went, in the page's language only. */
class TipRepliesBrowserIT {

  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    TipWorld.demo();
    TipRepliesIT.channels();
    driver = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"vi", "en"})
  void the_history_shows_a_sent_and_a_held_reply_with_labels_in_one_language(String lang) throws Exception {
    String nonce = "rp" + Long.toString(System.nanoTime(), 36);
    String psid = TipRepliesIT.psid();
    long tip = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, psid, "Tin báo về lừa đảo " + nonce);
    TipRepliesIT.reply(tip, "Cảm ơn bạn đã báo tin.");
    Eventually.await(() -> "sent".equals(TipRepliesIT.delivery(tip)), "the first reply sent");
    TipRepliesIT.fakes.closeWindow(psid);
    TipRepliesIT.reply(tip, "Bạn còn giữ tin nhắn lừa đảo không?");
    Eventually.await(() -> "sent,held".equals(TipRepliesIT.delivery(tip)), "the second reply held");
    String receipt = TipFixtures.scalarText("SELECT receipt FROM tip WHERE id = ?", tip);

    Browser.signIn(driver, http().base(), "badinh-officer", lang);
    openTip(receipt, nonce);
    // The history is drawn again when the detail reloads: both lines are read from one drawing.
    String[] lines = Browser.waitFor(driver).until(d -> {
      try {
        return new String[] {d.findElement(By.cssSelector("#d-events li[data-delivery='sent']")).getText(),
            d.findElement(By.cssSelector("#d-events li[data-delivery='held']")).getText()};
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return null;
      }
    });
    String sent = lines[0];
    String held = lines[1];
    if (lang.equals("en")) {
      assertTrue(sent.contains("(sent through Messenger)"), sent);
      assertTrue(held.contains("not sent yet: outside Messenger\u2019s reply window (7 days)"), held);
      assertTrue(held.contains("the tipster can still read it with the receipt code"), held);
    } else {
      assertTrue(sent.contains("(đã gửi qua Messenger)"), sent);
      assertTrue(held.contains("chưa gửi: ngoài thời hạn Messenger cho phép trả lời (7 ngày)"), held);
      assertTrue(held.contains("người báo tin vẫn xem được qua mã tin báo"), held);
    }
    String history = driver.findElement(By.id("d-events")).getText();
    assertFalse(history.contains(" / ") || history.contains("outside-window") || history.contains("held"),
        "the history in one language, with labels, never codes: " + history);
  }

  @Test
  void an_officer_answers_a_messenger_tip_from_the_inbox_and_sees_it_delivered() throws Exception {
    String nonce = "rd" + Long.toString(System.nanoTime(), 36);
    String psid = TipRepliesIT.psid();
    long tip = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, psid, "Có người mạo danh công an gọi điện " + nonce);
    String receipt = TipFixtures.scalarText("SELECT receipt FROM tip WHERE id = ?", tip);
    Browser.signIn(driver, http().base(), "badinh-officer", "vi");
    Browser.width(driver, 1280);
    openTip(receipt, nonce);
    driver.findElement(By.id("d-reply")).sendKeys("Bạn đừng cung cấp mã OTP cho ai.");
    driver.findElement(By.id("d-reply-submit")).click();
    Eventually.await(() -> TipRepliesIT.officerInbox(psid).size() == 1, "the reply in the fake Messenger inbox");
    assertEquals("Bạn đừng cung cấp mã OTP cho ai.",
        TipRepliesIT.officerInbox(psid).get(0).body().getJsonObject("message").getString("text"));
    Eventually.await(() -> "sent".equals(TipRepliesIT.delivery(tip)), "the reply marked sent");
    TipRepliesIT.facebookEvent(TipRepliesIT.messengerDelivery(TipRepliesIT.PAGE_ID, psid,
        List.of(TipRepliesIT.platformMessageId(tip)), System.currentTimeMillis()));
    openTip(receipt, nonce);
    String line = Browser.waitFor(driver).until(d -> {
      try {
        return d.findElements(By.cssSelector("#d-events li[data-delivery='delivered']")).stream().map(e -> e.getText())
            .filter(t -> t.contains("Bạn đừng cung cấp mã OTP cho ai.")).findFirst().orElse(null);
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return null;
      }
    });
    assertTrue(line.contains("Bạn đừng cung cấp mã OTP cho ai.") && line.contains("(đã đến người báo tin qua Messenger)"), line);
    showDelivered("Bạn đừng cung cấp mã OTP cho ai.");
    Browser.screenshot(driver, "tip-reply-delivered-1280.png");
    assertEquals(List.of(), Browser.axeSeriousFindings(driver));
    Browser.width(driver, 390);
    assertFalse(Browser.scrollsSideways(driver), "the inbox at 390 px");
    showDelivered("Bạn đừng cung cấp mã OTP cho ai.");
    Browser.screenshot(driver, "tip-reply-delivered-390.png");
  }

  @Test
  void an_officer_sends_a_reply_with_a_photo_from_the_inbox_and_the_citizen_gets_both() throws Exception {
    String nonce = "ph" + Long.toString(System.nanoTime(), 36);
    String psid = TipRepliesIT.psid();
    long tip = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, psid, "Có người khả nghi trước cổng trường " + nonce);
    String receipt = TipFixtures.scalarText("SELECT receipt FROM tip WHERE id = ?", tip);
    java.nio.file.Path photo = java.nio.file.Files.createTempFile("reply-photo-", ".png");
    java.nio.file.Files.write(photo, vn.binhyen.core.testing.PlatformFakes.png(32));
    Browser.signIn(driver, http().base(), "badinh-officer", "vi");
    Browser.width(driver, 1280);
    openTip(receipt, nonce);
    driver.findElement(By.id("d-reply")).sendKeys("Có phải người trong ảnh không?");
    driver.findElement(By.id("d-reply-image")).sendKeys(photo.toAbsolutePath().toString());
    driver.findElement(By.id("d-reply-submit")).click();
    Eventually.await(() -> TipRepliesIT.officerInbox(psid).size() == 2, "the text and the photo in the fake Messenger inbox",
        () -> "delivery " + TipRepliesIT.delivery(tip) + ", " + TipRepliesIT.officerInbox(psid).size() + " in the inbox, "
            + TipRepliesIT.officerAttempts(psid).size() + " attempts, outbox " + TipRepliesIT.outboxState());
    var got = TipRepliesIT.officerInbox(psid);
    assertEquals("Có phải người trong ảnh không?", got.get(0).body().getJsonObject("message").getString("text"));
    assertEquals("image", got.get(1).body().getJsonObject("message").getJsonObject("attachment").getString("type"));
    openTip(receipt, nonce);
    String line = Browser.waitFor(driver).until(d -> {
      try {
        return d.findElements(By.cssSelector("#d-events li[data-kind='reply']")).stream().map(e -> e.getText())
            .filter(t -> t.contains("Có phải người trong ảnh không?")).findFirst().orElse(null);
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return null;
      }
    });
    assertTrue(line.contains("(kèm ảnh)"), line);
    assertTrue(driver.findElements(By.cssSelector("#d-attachments img")).stream()
        .anyMatch(i -> String.valueOf(i.getAttribute("alt")).startsWith("Ảnh đơn vị gửi kèm trả lời")), "the unit's photo");
    assertEquals(List.of(), Browser.axeSeriousFindings(driver));
  }

  @Test
  void a_supervisor_sees_the_conversation_figures_on_the_dashboard_with_labels() throws Exception {
    String psid = TipRepliesIT.psid();
    long tip = TipRepliesIT.messenger(TipRepliesIT.PAGE_ID, psid, "Hội thoại cho bảng số liệu");
    TipRepliesIT.reply(tip, "Đã nhận.");
    Eventually.await(() -> "sent".equals(TipRepliesIT.delivery(tip)), "the reply sent");
    String supervisor = http().login("hanoi-supervisor");
    var figures = http().get("/api/units/00004/conversation-figures", supervisor).json().getJsonObject("total");
    Browser.signIn(driver, http().base(), "hanoi-supervisor", "vi");
    Browser.width(driver, 1280);
    driver.get(http().base() + "/dashboard?unit=00004");
    Browser.waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertEquals(String.valueOf(figures.getLong("conversations")), driver.findElement(By.id("conv-count")).getText());
    assertTrue(figures.getLong("conversations") >= 1);
    String median = driver.findElement(By.id("conv-median")).getText();
    assertTrue(median.startsWith("trong vòng ") || median.equals("hơn 7 ngày"), median);
    String inWindow = driver.findElement(By.id("conv-inwindow")).getText();
    assertTrue(inWindow.matches("\\d+ trên \\d+ \\(\\d+%\\)"), inWindow);
    String block = driver.findElement(By.id("conversations")).getText();
    assertTrue(block.contains("Hội thoại qua Zalo và Messenger") && block.contains("Thời gian đến lần trả lời đầu tiên (trung vị)")
        && block.contains("Trả lời đến người báo tin trong thời hạn nền tảng cho phép"), block);
    assertFalse(block.contains("repliesInWindow") || block.contains("dash.conv") || block.contains("first_reply"), block);
    assertEquals(List.of(), Browser.axeSeriousFindings(driver));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "document.getElementById('conversations').scrollIntoView({block: 'start'});");
    Browser.screenshot(driver, "dashboard-conversations-1280.png");
    Browser.width(driver, 390);
    assertFalse(Browser.scrollsSideways(driver), "the dashboard at 390 px");
  }

  private static void showDelivered(String text) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("[...document.querySelectorAll("
        + "\"#d-events li[data-delivery='delivered']\")].find(li => li.textContent.includes(arguments[0]))"
        + ".scrollIntoView({block: 'center'});", text);
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
        return receipt.equals(d.findElement(By.id("d-receipt")).getText());
      } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
        return false;
      }
    });
  }
}
