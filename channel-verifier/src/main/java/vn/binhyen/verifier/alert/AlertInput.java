package vn.binhyen.verifier.alert;

import java.util.List;
import vn.binhyen.core.error.DomainError;

/**
 * What an issuer asks for. {@code scopeCodes} is null for the issuer's whole subtree, otherwise
 * the units (each with its subtree) the alert is for; {@code replaces} names the alert an update
 * replaces. English texts are optional (the CAP document's English info says so when absent).
 * {@code images}: ids of uploaded images (their SHA-256), at most {@link AlertImages#MAX_PER_ALERT}.
 */
public record AlertInput(String title, String body, String titleEn, String bodyEn, Severity severity,
    String category, List<String> scopeCodes, int validHours, String replaces, List<String> images) {

  public static final int MAX_HOURS = 720;
  public static final int MAX_SCOPE_UNITS = 200;

  public AlertInput {
    images = images == null ? List.of() : List.copyOf(images);
    if (images.size() > AlertImages.MAX_PER_ALERT) {
      throw new DomainError.Invalid("alert-image-count", "Tối đa " + AlertImages.MAX_PER_ALERT
          + " ảnh cho một cảnh báo / at most " + AlertImages.MAX_PER_ALERT + " images in one alert");
    }
    if (images.stream().distinct().count() != images.size()) {
      throw new DomainError.Invalid("alert-image-count", "Một ảnh chỉ gắn một lần / each image may be attached once");
    }
    for (String id : images) {
      if (id == null || !id.matches("[0-9a-f]{64}")) {
        throw new DomainError.Invalid("alert-image-unknown", "Mã ảnh là mã SHA-256 mà lượt tải ảnh lên trả về"
            + " / an image id is the SHA-256 the image upload answered");
      }
    }
    title = required(title, "title", 200);
    body = required(body, "body", 5000);
    titleEn = optional(titleEn, "titleEn", 200);
    bodyEn = optional(bodyEn, "bodyEn", 5000);
    category = optional(category, "category", 80);
    if (severity == null) {
      throw new DomainError.Invalid("alert-severity", "Thiếu mức độ (severity) / severity is required");
    }
    if (validHours < 1 || validHours > MAX_HOURS) {
      throw new DomainError.Invalid("alert-validity", "Thời hạn (validHours) từ 1 đến " + MAX_HOURS
          + " giờ / validHours must be 1 to " + MAX_HOURS);
    }
    if (scopeCodes != null) {
      if (scopeCodes.isEmpty() || scopeCodes.size() > MAX_SCOPE_UNITS) {
        throw new DomainError.Invalid("alert-scope", "Phạm vi: \"subtree\" hoặc 1–" + MAX_SCOPE_UNITS
            + " mã đơn vị / scope is \"subtree\" or 1 to " + MAX_SCOPE_UNITS + " unit codes");
      }
      scopeCodes = scopeCodes.stream().distinct().toList();
    }
  }

  public boolean subtree() {
    return scopeCodes == null;
  }

  private static String required(String value, String name, int max) {
    String v = optional(value, name, max);
    if (v == null) {
      throw new DomainError.Invalid("alert-" + name.toLowerCase(java.util.Locale.ROOT),
          "Thiếu " + name + " / " + name + " is required");
    }
    return v;
  }

  private static String optional(String value, String name, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new DomainError.Invalid("alert-" + name.toLowerCase(java.util.Locale.ROOT),
          name + " dài quá " + max + " ký tự / " + name + " is longer than " + max + " characters");
    }
    return v;
  }
}
