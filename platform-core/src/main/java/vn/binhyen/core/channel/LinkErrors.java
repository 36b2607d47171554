package vn.binhyen.core.channel;

import vn.binhyen.core.error.DomainError;

/** The refusals of link normalisation, each with a message the person can act on (Vietnamese / English). */
final class LinkErrors {

  private static final String SLUG = "invalid-link";

  private LinkErrors() {
  }

  static DomainError.Invalid invalid(String vi, String en) {
    return new DomainError.Invalid(SLUG, vi + " / " + en);
  }

  static DomainError.Invalid unreadable() {
    return invalid("Không đọc được liên kết: hãy sao chép lại từ thanh địa chỉ", "the link cannot be read: copy it again from the address bar");
  }

  static DomainError.Invalid nonWebScheme() {
    return invalid("Chỉ nhận liên kết web (http:// hoặc https://)", "only web links (http:// or https://) are accepted");
  }

  static DomainError.Invalid notAChannel() {
    return invalid("Liên kết này là một bài viết hoặc video, không phải trang hay nhóm: hãy mở trang rồi sao chép địa chỉ",
        "this link is a post or video, not a page or group: open the page itself and copy its address");
  }

  static DomainError.Invalid tiktokShortLink() {
    return invalid("Liên kết rút gọn của TikTok không kiểm tra được: hãy mở nó rồi sao chép địa chỉ tiktok.com/@...",
        "TikTok short links cannot be checked: open it and copy the tiktok.com/@... address");
  }}
