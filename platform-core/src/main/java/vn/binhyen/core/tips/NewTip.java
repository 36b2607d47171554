package vn.binhyen.core.tips;

import java.util.List;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;
import vn.binhyen.core.tips.attachments.Upload;

/**
 * A tip about to be received, from any channel. {@code source} is web, officer, facebook or zalo;
 * {@code messageId} the platform's message id (idempotency) for webhooks.
 */
public record NewTip(String unitCode, String category, String text, String place, String occurred,
    String contact, String account, String source, String messageId, List<Upload> uploads,
    List<String> remoteAttachments) {

  public static final int MAX_TEXT = 8000;

  public NewTip {
    if (text == null || text.isBlank()) {
      throw new DomainError.Invalid("tip-text-required", "Cần nội dung tin báo / the tip needs a text");
    }
    text = Fold.nfc(text.strip());
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT);
    }
    place = clean(place);
    occurred = clean(occurred);
    contact = clean(contact);
    account = clean(account);
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
    remoteAttachments = remoteAttachments == null ? List.of() : List.copyOf(remoteAttachments);
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : Fold.nfc(s.strip());
  }
}
