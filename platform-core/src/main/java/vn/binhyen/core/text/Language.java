package vn.binhyen.core.text;

import java.util.Locale;

/**
 * The two languages BinhYen answers in. Vietnamese is the default: a request that asks for
 * neither (or nothing) gets Vietnamese.
 */
public enum Language {
  VI("vi"), EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag, for {@code Content-Language}. */
  public String tag() {
    return tag;
  }

  /**
   * The preferred of vi and en in an {@code Accept-Language} header (RFC 9110 §12.5.4): the
   * highest q-value wins, the first listed on a tie; {@code q=0} excludes; region subtags
   * ({@code en-GB}, {@code vi-VN}) count as their language; anything else or no header is VI.
   */
  public static Language fromAcceptLanguage(String header) {
    if (header == null || header.isBlank() || header.length() > 1000) {
      return VI;
    }
    Language best = VI;
    double bestQ = -1;
    for (String part : header.split(",")) {
      String[] fields = part.split(";");
      String range = fields[0].strip().toLowerCase(Locale.ROOT);
      int dash = range.indexOf('-');
      String primary = dash < 0 ? range : range.substring(0, dash);
      Language lang = primary.equals("en") ? EN : primary.equals("vi") ? VI : null;
      if (lang == null) {
        continue;
      }
      double q = quality(fields);
      if (q > bestQ && q > 0) {
        best = lang;
        bestQ = q;
      }
    }
    return best;
  }

  private static double quality(String[] fields) {
    for (int i = 1; i < fields.length; i++) {
      String f = fields[i].strip();
      if (f.startsWith("q=") || f.startsWith("Q=")) {
        try {
          return Double.parseDouble(f.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
