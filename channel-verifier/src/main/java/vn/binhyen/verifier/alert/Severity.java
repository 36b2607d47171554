package vn.binhyen.verifier.alert;

import java.util.Locale;
import vn.binhyen.core.error.DomainError;

/** How grave an alert is, with its CAP 1.2 spelling and the urgency it implies. */
public enum Severity {
  MINOR("Minor", "Expected", "Nhẹ"),
  MODERATE("Moderate", "Expected", "Trung bình"),
  SEVERE("Severe", "Immediate", "Nghiêm trọng"),
  EXTREME("Extreme", "Immediate", "Đặc biệt nghiêm trọng");

  private final String cap;
  private final String capUrgency;
  private final String vi;

  Severity(String cap, String capUrgency, String vi) {
    this.cap = cap;
    this.capUrgency = capUrgency;
    this.vi = vi;
  }

  /** The API and database spelling: {@code minor}, {@code moderate}, {@code severe}, {@code extreme}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String cap() {
    return cap;
  }

  public String capUrgency() {
    return capUrgency;
  }

  public String vi() {
    return vi;
  }

  /** @throws DomainError.Invalid {@code alert-severity} for anything else */
  public static Severity parse(String s) {
    for (Severity v : values()) {
      if (v.id().equals(s)) {
        return v;
      }
    }
    throw new DomainError.Invalid("alert-severity", "Mức độ phải là minor, moderate, severe hoặc extreme, không phải \""
        + s + "\" / severity must be minor, moderate, severe or extreme");
  }
}
