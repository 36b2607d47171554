package vn.binhyen.core.tenant;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;

/**
 * What a citizen typed to find a unit by name, folded ({@link Fold}) and split into words.
 * A leading "công an" and a leading type word ("phường", "P.", "xã", "TP", "quận", …) are also
 * taken off ({@link #coreWords}): the name is matched without them, and the type word, when
 * there was one, is only a hint for ranking ({@link #levelHint}). So "P. Ba Đình", "phuong ba
 * dinh", "Công an phường Ba Đình" and "ba dinh" all look for the words "ba* dinh*".
 */
public record UnitQuery(String raw, String folded, List<String> words, List<String> coreWords,
    Optional<UnitLevel> levelHint) {

  /** Longest query accepted (the contract says the same). */
  public static final int MAX_LENGTH = 100;
  /** More words than this are ignored: no unit name has that many. */
  static final int MAX_WORDS = 8;

  /** Leading type words (folded), longest first, with the level they suggest. */
  private static final List<Prefix> TYPE_WORDS = List.of(
      new Prefix("thanh pho", UnitLevel.PROVINCE), new Prefix("tinh", UnitLevel.PROVINCE),
      new Prefix("tp", UnitLevel.PROVINCE),
      new Prefix("thi tran", UnitLevel.COMMUNE), new Prefix("dac khu", UnitLevel.COMMUNE),
      new Prefix("phuong", UnitLevel.COMMUNE), new Prefix("xa", UnitLevel.COMMUNE),
      new Prefix("tt", UnitLevel.COMMUNE), new Prefix("p", UnitLevel.COMMUNE),
      new Prefix("x", UnitLevel.COMMUNE),
      new Prefix("thi xa", UnitLevel.DISTRICT), new Prefix("quan", UnitLevel.DISTRICT),
      new Prefix("huyen", UnitLevel.DISTRICT), new Prefix("tx", UnitLevel.DISTRICT),
      new Prefix("q", UnitLevel.DISTRICT), new Prefix("h", UnitLevel.DISTRICT));

  /** The type words a stored (folded) name may start with, for the ranking's "same core name". */
  static final String NAME_TYPE_PREFIX =
      "^(thanh pho|tinh|thi tran|dac khu|phuong|xa|thi xa|quan|huyen) ";

  private record Prefix(String words, UnitLevel level) {}

  /** Fails with Invalid ({@code bad-unit-query}) when nothing searchable is left, or it is too long. */
  public static UnitQuery parse(String q) {
    if (q == null || q.isBlank() || q.length() > MAX_LENGTH) {
      throw invalid();
    }
    String folded = Fold.fold(q);
    List<String> words = Arrays.stream(folded.split(" "))
        .filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();
    if (words.isEmpty()) {
      throw invalid();
    }
    List<String> rest = words;
    if (rest.size() > 2 && rest.get(0).equals("cong") && rest.get(1).equals("an")) {
      rest = rest.subList(2, rest.size());
    }
    Optional<UnitLevel> hint = Optional.empty();
    String joined = String.join(" ", rest);
    for (Prefix p : TYPE_WORDS) {
      if (joined.startsWith(p.words() + " ")) {
        rest = rest.subList(p.words().split(" ").length, rest.size());
        hint = Optional.of(p.level());
        break;
      }
    }
    return new UnitQuery(q, String.join(" ", words), words, List.copyOf(rest), hint);
  }

  /** The core words as a prefix query for PostgreSQL's {@code to_tsquery('simple', …)}. */
  public String coreTsQuery() {
    return tsQuery(coreWords);
  }

  /** Every word typed (type word included) as a prefix query, for ranking. */
  public String fullTsQuery() {
    return tsQuery(words);
  }

  /** Whether accents were typed: then a name with the same accents ranks before one without. */
  public boolean hasMarks() {
    return !Fold.foldKeepingMarks(raw).equals(folded);
  }

  /** Whether {@code name} has the words typed with the accents typed (the core words, at least). */
  public boolean sameMarks(String name) {
    String typed = Fold.foldKeepingMarks(raw);
    String[] typedWords = typed.split(" ");
    String core = String.join(" ", java.util.Arrays.asList(typedWords)
        .subList(Math.min(words.size() - coreWords.size(), typedWords.length), typedWords.length));
    return (" " + Fold.foldKeepingMarks(name) + " ").contains(" " + core + " ");
  }

  public String coreText() {
    return String.join(" ", coreWords);
  }

  /** Words are letters and digits only ({@link Fold}), so none carries tsquery syntax. */
  private static String tsQuery(List<String> ws) {
    return ws.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
  }

  private static DomainError invalid() {
    return new DomainError.Invalid("bad-unit-query",
        "Hãy nhập tên xã, phường hoặc tỉnh (1–" + MAX_LENGTH + " ký tự, có chữ hoặc số)"
            + " / type the name of a commune, ward or province (1–" + MAX_LENGTH
            + " characters, with letters or digits)");
  }
}
