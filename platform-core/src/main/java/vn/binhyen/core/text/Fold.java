package vn.binhyen.core.text;

import com.ibm.icu.text.Normalizer2;
import java.util.Locale;

/**
 * Folds Vietnamese text for search: composed and decomposed input alike, diacritics dropped,
 * đ/Đ → d, lower case, runs of spaces and punctuation collapsed to one space.
 * "Phường Ba Đình", "phuong ba dinh" and the NFD form of the first all fold to "phuong ba dinh".
 */
public final class Fold {

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private Fold() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = NFD.normalize(text);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean space = true;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      if (c == 'đ' || c == 'Đ') {
        c = 'd';
      }
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Like {@link #fold} but keeping the diacritics: composed (NFC), lower case, runs of spaces and
   * punctuation collapsed to one space. "P. Quán  Thánh" and its NFD form give "p quán thánh".
   */
  public static String foldKeepingMarks(String text) {
    if (text == null) {
      return "";
    }
    String composed = NFC.normalize(text).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(composed.length());
    boolean space = true;
    for (int i = 0; i < composed.length(); i++) {
      char c = composed.charAt(i);
      int type = Character.getType(c);
      if (Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    return out.toString().strip();
  }

  /** Canonical composed form (NFC) with surrounding whitespace trimmed, for storing names. */
  public static String nfc(String text) {
    return text == null ? null : NFC.normalize(text).strip();
  }
}
