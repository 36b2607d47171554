package vn.binhyen.core.text;

/** Writing RFC 4180 CSV that spreadsheets open safely. */
public final class Csv {

  private Csv() {}

  /**
   * One quoted cell (empty for null). A leading {@code = + - @} would be read as a formula by a
   * spreadsheet, so such a value is prefixed with an apostrophe.
   */
  public static String cell(String s) {
    if (s == null) {
      return "";
    }
    String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
