package vn.binhyen.verifier.impostor.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.impostor.CheckRequest;
import vn.binhyen.verifier.impostor.OfficialChannel;
import vn.binhyen.verifier.impostor.Verdict;

/**
 * Scores what a citizen saw (any of a link, a display name and an "about" text) against this
 * node's current directory. Pure CPU work on in-memory indexes: safe on the event loop.
 */
public final class CheckService {

  public static final int MAX_LINK = ChannelLinks.MAX_LENGTH;
  public static final int MAX_NAME = 300;
  public static final int MAX_ABOUT = 5000;

  /** A unit whose name the checked page uses, with its only official channels. */
  public record NamedUnit(String code, String name, List<OfficialChannel> channels) {}

  /** The verdict, the canonical link when the link could be read, and the units named. */
  public record Answer(Verdict verdict, String normalizedLink, String platform, List<NamedUnit> namedUnits) {}

  private final LiveScorer scorer;

  CheckService(LiveScorer scorer) {
    this.scorer = scorer;
  }

  /**
   * Scores one request; any of the three may be null.
   *
   * @throws DomainError.Invalid {@code empty-check} when nothing was given, {@code too-long} when a field is too long
   */
  public Answer check(String link, String name, String about) {
    link = blankToNull(link);
    name = blankToNull(name);
    about = blankToNull(about);
    if (link == null && name == null && about == null) {
      throw new DomainError.Invalid("empty-check",
          "Hãy nhập liên kết, tên trang hoặc phần giới thiệu / give a link, a page name or its about text");
    }
    requireLength("link", link, MAX_LINK);
    requireLength("name", name, MAX_NAME);
    requireLength("about", about, MAX_ABOUT);
    ChannelRef ref = readLink(link);
    Verdict v = scorer.current().check(new CheckRequest(link, ref == null ? null : ref.normalizedId(),
        nfc(name), nfc(about)));
    return new Answer(v, ref == null ? null : ref.normalizedId(),
        ref == null ? null : ref.platform().id(), namedUnits(v.officialChannelsOfNamedUnit()));
  }

  /** The canonical form of a link, or null when it is not a channel link we can read. */
  static ChannelRef readLink(String link) {
    if (link == null) {
      return null;
    }
    try {
      return ChannelLinks.normalize(link);
    } catch (DomainError.Invalid notAChannelLink) {
      return null;
    }
  }

  private static List<NamedUnit> namedUnits(List<OfficialChannel> channels) {
    Map<String, List<OfficialChannel>> byUnit = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (OfficialChannel c : channels) {
      byUnit.computeIfAbsent(c.unitCode(), k -> new ArrayList<>()).add(c);
      names.putIfAbsent(c.unitCode(), c.unitName());
    }
    List<NamedUnit> out = new ArrayList<>();
    byUnit.forEach((code, list) -> out.add(new NamedUnit(code, names.get(code), list)));
    return out;
  }

  private static void requireLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new DomainError.Invalid("too-long", "Trường " + field + " dài quá " + max
          + " ký tự / field " + field + " is longer than " + max + " characters");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String nfc(String s) {
    return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
