package vn.binhyen.core.tips;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automatic first reply in a Zalo or Messenger conversation that opened a tip: the receipt
 * code and secret (so the web follow-up works too), that officers see a pseudonym and never the
 * account, and how to go on; in plain Vietnamese, the language of the chat. Also reads a receipt
 * code the citizen types in the chat.
 */
final class WelcomeMessage {

  /** What the tip's history shows of it: the secret is never stored in clear. */
  static final String HIDDEN_SECRET = "(đã gửi riêng cho người báo tin)";

  // A receipt code as people type it: five and five letters or digits, with or without the dash.
  private static final Pattern TYPED_RECEIPT = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Za-z]{5}[- ]?[0-9A-Za-z]{5}(?![0-9A-Za-z])");

  private WelcomeMessage() {}

  static String text(String unitName, String receipt, String secret, String pseudonym, String followUrl) {
    return "Công an " + unitName + " đã nhận tin báo của bạn.\n"
        + "Mã tin báo: " + receipt + "\n"
        + "Mật mã: " + secret + "\n"
        + "Hãy giữ kín mật mã. Với mã tin báo và mật mã, bạn xem trả lời và nhắn thêm tại " + followUrl + ".\n"
        + "Cán bộ đọc tin không thấy tên hay tài khoản của bạn. Họ chỉ thấy bí danh \"Người báo tin " + pseudonym + "\".\n"
        + "Bạn cứ nhắn tiếp tại đây. Muốn bổ sung cho một tin báo cũ, hãy gửi mã tin báo của tin đó.";
  }

  /** The first receipt code in what the citizen wrote, in canonical form. */
  static Optional<String> typedReceipt(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TYPED_RECEIPT.matcher(text);
    while (m.find()) {
      Optional<String> code = ReceiptCodes.normalize(m.group());
      if (code.isPresent()) {
        return code;
      }
    }
    return Optional.empty();
  }
}
