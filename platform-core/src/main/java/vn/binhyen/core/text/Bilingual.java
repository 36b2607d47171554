package vn.binhyen.core.text;

/**
 * A message in Vietnamese and English, answered in one of them ({@link #in}). Most messages in
 * the code are still written as one string, "Vietnamese / English" (the first {@code " / "}
 * separates them); {@link #of(String)} reads that form.
 */
public record Bilingual(String vi, String en) {

  private static final String SEPARATOR = " / ";

  public Bilingual {
    vi = vi == null ? "" : vi;
    en = en == null || en.isEmpty() ? vi : en;
  }

  /**
   * Splits "Vietnamese / English" at the first {@code " / "}; the English half gets a capital
   * first letter (the convention wrote it in lower case after the slash). A text without the
   * separator is the same in both languages (a code, a number, a format such as YYYY-MM-DD).
   */
  public static Bilingual of(String combined) {
    if (combined == null) {
      return new Bilingual("", "");
    }
    int cut = combined.indexOf(SEPARATOR);
    if (cut < 0) {
      return new Bilingual(combined, combined);
    }
    String en = combined.substring(cut + SEPARATOR.length()).strip();
    return new Bilingual(combined.substring(0, cut).strip(), capitalize(en));
  }

  public String in(Language language) {
    return language == Language.EN ? en : vi;
  }

  /** The old combined form, for logs and messages of exceptions. */
  public String combined() {
    return vi.equals(en) ? vi : vi + SEPARATOR + en;
  }

  private static String capitalize(String s) {
    if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
      return s;
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
