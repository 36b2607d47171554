package vn.binhyen.core.tips;

import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Bilingual;
import vn.binhyen.core.text.Fold;

/**
 * Why an officer reveals a tipster's identity: 3 to 500 characters once trimmed (NFC), kept with
 * the audit entry and in the tip's history. Fails with Invalid {@code reveal-reason-required}
 * (missing or shorter than 3) or {@code reveal-reason-too-long}.
 */
public record RevealReason(String text) {

  public static final int MIN = 3;
  public static final int MAX = 500;

  public RevealReason {
    text = text == null ? "" : Fold.nfc(text).strip();
    if (text.codePointCount(0, text.length()) < MIN) {
      throw new DomainError.Invalid("reveal-reason-required", new Bilingual(
          "Hãy ghi lý do xem danh tính người báo tin (từ " + MIN + " đến " + MAX + " ký tự).",
          "Give the reason for revealing the tipster's identity (" + MIN + " to " + MAX + " characters)."));
    }
    if (text.codePointCount(0, text.length()) > MAX) {
      throw new DomainError.Invalid("reveal-reason-too-long", new Bilingual(
          "Lý do dài quá " + MAX + " ký tự, hãy viết ngắn lại.",
          "The reason is longer than " + MAX + " characters; shorten it."));
    }
  }
}
