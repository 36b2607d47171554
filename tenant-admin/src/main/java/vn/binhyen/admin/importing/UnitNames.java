package vn.binhyen.admin.importing;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** How two unit names are compared: NFC, trimmed, runs of white space as one space; case and spelling count. */
public final class UnitNames {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private UnitNames() {
  }

  public static String canonical(String name) {
    return name == null ? "" : SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll(" ").strip();
  }

  public static boolean same(String a, String b) {
    return canonical(a).equals(canonical(b));
  }
}
