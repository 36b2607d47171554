package vn.binhyen.core.channel;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.binhyen.core.error.DomainError;

/**
 * Turns whatever a person pastes (a link from the mobile app, a short domain, a bare handle) into
 * the one canonical {@link ChannelRef} of the page, group or site, so the registry, the impostor
 * check and the attestations all compare the same string. Anything that is not clearly a channel
 * (a video, a short link we cannot resolve offline, a non-web scheme) is refused with a message the
 * person can act on, rather than guessed.
 */
public final class ChannelLinks {

  /** Longest input accepted, in UTF-16 characters, before any clean-up. */
  public static final int MAX_LENGTH = 2048;

  private static final String SLUG = "invalid-link";
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
  private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
  private static final Pattern INNER_SPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Z}\\p{Cc}]");
  private static final Pattern BARE_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+\\-]*:");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
  private static final Pattern PHONE = Pattern.compile("0\\d{9,10}|84\\d{9,10}");
  private static final Pattern FACEBOOK_NAME = Pattern.compile("[A-Za-z0-9.\\-]{1,80}");
  private static final Pattern FACEBOOK_P_PATH = Pattern.compile(".*-(\\d{5,30})");
  private static final Pattern ZALO_GROUP_CODE = Pattern.compile("[A-Za-z0-9_\\-]{4,64}");
  private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_\\-]{22}");
  private static final Pattern YOUTUBE_HANDLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}._\\-]{3,30}");
  private static final Pattern YOUTUBE_LEGACY_NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,100}");
  private static final Pattern TIKTOK_HANDLE = Pattern.compile("[A-Za-z0-9_.]{2,24}");
  private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9\\-]{1,59}");
  private static final Set<String> FACEBOOK_NOT_A_PAGE = Set.of(
      "watch", "reel", "reels", "photo", "photo.php", "photos", "story.php", "permalink.php", "posts",
      "share", "sharer", "sharer.php", "events", "login", "login.php", "hashtag", "marketplace", "gaming",
      "help", "home.php", "search", "l.php", "video.php", "videos", "plugins", "dialog", "messages",
      "friends", "notifications", "settings", "stories");
  private static final Set<String> YOUTUBE_NOT_A_CHANNEL = Set.of(
      "watch", "shorts", "embed", "live", "playlist", "results", "feed", "v");

  private ChannelLinks() {
  }

  /**
   * The canonical ref of a full link.
   *
   * @throws DomainError.Invalid {@code invalid-link} when the input is not a link to a channel
   */
  public static ChannelRef normalize(String input) {
    return normalize(input, null);
  }

  /**
   * The canonical ref of a link, or of a bare handle or id ({@code @ConganThuDo}, {@code 1234567890})
   * read as belonging to {@code hint}. A full link decides its own platform; a hint that disagrees
   * with it is refused, since the person probably pasted the wrong link.
   *
   * @throws DomainError.Invalid {@code invalid-link} when the input is not a link to a channel
   */
  public static ChannelRef normalize(String input, Platform hint) {
    String text = clean(input);
    ChannelRef ref = looksBare(text) ? bare(text, hint) : fromUrl(parse(text));
    if (hint != null && hint != ref.platform()) {
      throw invalid("Liên kết này là " + ref.platform().labelVi() + ", không phải " + hint.labelVi(),
          "this link is a " + ref.platform().labelEn() + ", not a " + hint.labelEn());
    }
    return ref;
  }

  /** A clickable https URL for the ref, with any non-ASCII character percent-encoded. */
  public static String url(ChannelRef ref) {
    return "https://" + encodeNonAscii(ref.normalizedId());
  }

  private static String clean(String input) {
    if (input == null) {
      throw invalid("Chưa nhập liên kết", "no link was given");
    }
    if (input.length() > MAX_LENGTH) {
      throw invalid("Liên kết dài quá " + MAX_LENGTH + " ký tự", "the link is longer than " + MAX_LENGTH + " characters");
    }
    String text = INVISIBLE.matcher(input).replaceAll("");
    text = EDGE_SPACE.matcher(text).replaceAll("");
    text = Normalizer.normalize(text, Normalizer.Form.NFC);
    if (text.isEmpty()) {
      throw invalid("Chưa nhập liên kết", "no link was given");
    }
    if (INNER_SPACE_OR_CONTROL.matcher(text).find() || text.indexOf('\\') >= 0) {
      throw invalid("Liên kết có khoảng trắng hoặc ký tự lạ ở giữa: hãy sao chép lại nguyên liên kết",
          "the link contains spaces or odd characters: copy the whole link again");
    }
    return text;
  }

  private static boolean looksBare(String text) {
    return text.startsWith("@") || (text.indexOf('.') < 0 && text.indexOf('/') < 0 && text.indexOf(':') < 0);
  }

  private static ChannelRef bare(String text, Platform hint) {
    if (hint == null) {
      throw invalid("\"" + text + "\" không phải liên kết: hãy dán cả liên kết, hoặc chọn nền tảng",
          "\"" + text + "\" is not a link: paste the whole link, or choose the platform");
    }
    String handle = text.startsWith("@") ? text.substring(1) : text;
    return switch (hint) {
      case ZALO_OA -> zaloOa(handle);
      case ZALO_GROUP -> zaloGroup(handle);
      case FACEBOOK_PAGE -> facebookPage(handle);
      case FACEBOOK_GROUP -> facebookGroup(handle);
      case YOUTUBE -> !text.startsWith("@") && YOUTUBE_CHANNEL_ID.matcher(handle).matches()
          ? new ChannelRef(Platform.YOUTUBE, "youtube.com/channel/" + handle)
          : youtubeHandle(handle);
      case TIKTOK -> tiktokHandle(handle);
      case WEBSITE -> throw invalid("Trang web cần tên miền đầy đủ, ví dụ congan.hanoi.gov.vn",
          "a website needs its full domain name, e.g. congan.hanoi.gov.vn");
    };
  }

  /** The parts of an http(s) link we look at. Query keys map to their first value. */
  private record Link(String host, String port, String rawPath, List<String> segments, Map<String, String> query) {
  }

  private static Link parse(String text) {
    String rest = text;
    int schemeEnd = rest.indexOf("://");
    if (schemeEnd >= 0) {
      String scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw nonWebScheme();
      }
      rest = rest.substring(schemeEnd + 3);
    } else if (rest.startsWith("//")) {
      rest = rest.substring(2);
    } else if (BARE_SCHEME.matcher(rest).find()) {
      throw nonWebScheme();
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    String query = question >= 0 ? rest.substring(question + 1) : "";
    if (question >= 0) {
      rest = rest.substring(0, question);
    }
    int slash = rest.indexOf('/');
    String authority = slash >= 0 ? rest.substring(0, slash) : rest;
    String path = slash >= 0 ? rest.substring(slash) : "";
    if (authority.indexOf('@') >= 0) {
      throw invalid("Liên kết có tên người dùng trước tên miền (kiểu liên kết dùng để đánh lừa)",
          "the link has a user name before the domain, a trick used to disguise where it goes");
    }
    String port = "";
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      port = authority.substring(colon + 1);
      authority = authority.substring(0, colon);
      if (!DIGITS.matcher(port).matches() || port.length() > 5 || Integer.parseInt(port) > 65535) {
        throw unreadable();
      }
      if (port.equals("80") || port.equals("443")) {
        port = "";
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(percentDecode(segment));
      }
    }
    return new Link(host(authority), port, path, segments, queryParameters(query));
  }

  private static String host(String authority) {
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw unreadable();
    }
    String[] labels = host.split("\\.", -1);
    if (host.length() > 253 || labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
      throw unreadable();
    }
    for (String label : labels) {
      if (!HOST_LABEL.matcher(label).matches()) {
        throw unreadable();
      }
    }
    return host;
  }

  private static ChannelRef fromUrl(Link link) {
    String host = link.host();
    if (host.equals("facebook.com") || host.endsWith(".facebook.com") || host.equals("fb.com")
        || host.equals("www.fb.com") || host.equals("fb.me")) {
      return facebook(link);
    }
    if (host.equals("fb.watch")) {
      throw notAChannel();
    }
    if (host.equals("zalo.me") || host.endsWith(".zalo.me")) {
      return zalo(link);
    }
    if (host.equals("youtu.be")) {
      throw invalid("Liên kết youtu.be là một video, không phải kênh: hãy dán liên kết kênh (youtube.com/@...)",
          "a youtu.be link is a video, not a channel: paste the channel link (youtube.com/@...)");
    }
    if (host.equals("youtube.com") || host.endsWith(".youtube.com")) {
      return youtube(link);
    }
    if (host.equals("vt.tiktok.com") || host.equals("vm.tiktok.com")) {
      throw tiktokShortLink();
    }
    if (host.equals("tiktok.com") || host.endsWith(".tiktok.com")) {
      return tiktok(link);
    }
    return website(link);
  }

  private static ChannelRef facebook(Link link) {
    List<String> s = link.segments();
    if (s.isEmpty()) {
      throw invalid("Liên kết chỉ tới trang chủ Facebook, chưa tới một trang cụ thể",
          "the link points at Facebook itself, not at a page");
    }
    String first = s.get(0).toLowerCase(Locale.ROOT);
    switch (first) {
      case "profile.php" -> {
        return facebookNumeric(link.query().get("id"));
      }
      case "groups" -> {
        return facebookGroup(s.size() > 1 ? s.get(1) : "");
      }
      case "pages", "people" -> {
        return facebookNumeric(s.stream().skip(1).filter(x -> DIGITS.matcher(x).matches()).findFirst().orElse(null));
      }
      case "p" -> {
        var m = FACEBOOK_P_PATH.matcher(s.size() > 1 ? s.get(1) : "");
        return facebookNumeric(m.matches() ? m.group(1) : null);
      }
      case "pg" -> {
        return facebookPage(s.size() > 1 ? s.get(1) : "");
      }
      default -> {
        if (FACEBOOK_NOT_A_PAGE.contains(first)) {
          throw notAChannel();
        }
        return facebookPage(s.get(0));
      }
    }
  }

  private static ChannelRef facebookNumeric(String id) {
    if (id == null || !DIGITS.matcher(id).matches()) {
      throw invalid("Không đọc được mã số trang Facebook trong liên kết", "the Facebook page number is missing from the link");
    }
    return new ChannelRef(Platform.FACEBOOK_PAGE, "facebook.com/" + id);
  }

  private static ChannelRef facebookPage(String name) {
    if (!FACEBOOK_NAME.matcher(name).matches()) {
      throw invalid("Tên trang Facebook chỉ gồm chữ không dấu, số và dấu chấm: \"" + name + "\"",
          "a Facebook page name has only letters, digits and dots: \"" + name + "\"");
    }
    return new ChannelRef(Platform.FACEBOOK_PAGE, "facebook.com/" + name.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef facebookGroup(String name) {
    if (!FACEBOOK_NAME.matcher(name).matches()) {
      throw invalid("Không đọc được tên hoặc mã số nhóm Facebook trong liên kết",
          "the Facebook group's name or number is missing from the link");
    }
    return new ChannelRef(Platform.FACEBOOK_GROUP, "facebook.com/groups/" + name.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef zalo(Link link) {
    List<String> s = link.segments();
    if (!s.isEmpty() && s.get(0).equals("g")) {
      return zaloGroup(s.size() > 1 ? s.get(1) : "");
    }
    return zaloOa(s.stream().filter(x -> DIGITS.matcher(x).matches()).findFirst().orElse(""));
  }

  private static ChannelRef zaloOa(String id) {
    if (PHONE.matcher(id).matches()) {
      throw invalid("Đây là số điện thoại của một tài khoản Zalo cá nhân, không phải Official Account",
          "this is the phone number of a personal Zalo account, not an Official Account");
    }
    if (!DIGITS.matcher(id).matches()) {
      throw invalid("Liên kết Zalo OA cần mã số của OA, ví dụ zalo.me/1234567890",
          "a Zalo OA link needs the OA's number, e.g. zalo.me/1234567890");
    }
    return new ChannelRef(Platform.ZALO_OA, "zalo.me/" + id);
  }

  private static ChannelRef zaloGroup(String code) {
    if (!ZALO_GROUP_CODE.matcher(code).matches()) {
      throw invalid("Không đọc được mã mời của nhóm Zalo (zalo.me/g/...)", "the Zalo group invite code (zalo.me/g/...) is missing or garbled");
    }
    return new ChannelRef(Platform.ZALO_GROUP, "zalo.me/g/" + code);
  }

  private static ChannelRef youtube(Link link) {
    List<String> s = link.segments();
    if (s.isEmpty()) {
      throw invalid("Liên kết chỉ tới trang chủ YouTube, chưa tới một kênh", "the link points at YouTube itself, not at a channel");
    }
    String first = s.get(0);
    if (first.startsWith("@")) {
      return youtubeHandle(first.substring(1));
    }
    String lower = first.toLowerCase(Locale.ROOT);
    if (YOUTUBE_NOT_A_CHANNEL.contains(lower)) {
      throw notAChannel();
    }
    String second = s.size() > 1 ? s.get(1) : "";
    if (lower.equals("channel") && YOUTUBE_CHANNEL_ID.matcher(second).matches()) {
      return new ChannelRef(Platform.YOUTUBE, "youtube.com/channel/" + second);
    }
    if ((lower.equals("c") || lower.equals("user")) && YOUTUBE_LEGACY_NAME.matcher(second).matches()) {
      return new ChannelRef(Platform.YOUTUBE, "youtube.com/" + lower + "/" + second.toLowerCase(Locale.ROOT));
    }
    throw invalid("Hãy dán liên kết kênh YouTube dạng youtube.com/@ten-kenh hoặc youtube.com/channel/UC...",
        "paste the YouTube channel link as youtube.com/@handle or youtube.com/channel/UC...");
  }

  private static ChannelRef youtubeHandle(String handle) {
    if (!YOUTUBE_HANDLE.matcher(handle).matches()) {
      throw invalid("Tên kênh YouTube (@...) không hợp lệ: \"" + handle + "\"", "not a valid YouTube handle: \"" + handle + "\"");
    }
    return new ChannelRef(Platform.YOUTUBE, "youtube.com/@" + handle.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef tiktok(Link link) {
    List<String> s = link.segments();
    if (!s.isEmpty() && s.get(0).equals("t")) {
      throw tiktokShortLink();
    }
    if (s.isEmpty() || !s.get(0).startsWith("@")) {
      throw invalid("Hãy dán liên kết tài khoản TikTok dạng tiktok.com/@ten-tai-khoan",
          "paste the TikTok account link as tiktok.com/@handle");
    }
    return tiktokHandle(s.get(0).substring(1));
  }

  private static ChannelRef tiktokHandle(String handle) {
    if (!TIKTOK_HANDLE.matcher(handle).matches()) {
      throw invalid("Tên tài khoản TikTok (@...) không hợp lệ: \"" + handle + "\"", "not a valid TikTok handle: \"" + handle + "\"");
    }
    return new ChannelRef(Platform.TIKTOK, "tiktok.com/@" + handle.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef website(Link link) {
    String host = link.host().startsWith("www.") ? link.host().substring(4) : link.host();
    StringBuilder id = new StringBuilder(host);
    if (!link.port().isEmpty()) {
      id.append(':').append(link.port());
    }
    for (String segment : link.rawPath().split("/")) {
      if (!segment.isEmpty()) {
        id.append('/').append(encodeNonAscii(upperCaseEscapes(segment)));
      }
    }
    return new ChannelRef(Platform.WEBSITE, id.toString());
  }

  private static Map<String, String> queryParameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq >= 0 ? pair.substring(0, eq) : pair;
      String value = eq >= 0 ? pair.substring(eq + 1) : "";
      try {
        parameters.putIfAbsent(percentDecode(key), percentDecode(value));
      } catch (DomainError.Invalid ignored) {
        // A garbled parameter we do not need must not make a good link unreadable.
      }
    }
    return parameters;
  }

  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw unreadable();
        }
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return Normalizer.normalize(bytes.toString(StandardCharsets.UTF_8), Normalizer.Form.NFC);
  }

  private static String upperCaseEscapes(String segment) {
    StringBuilder out = new StringBuilder(segment);
    for (int i = out.indexOf("%"); i >= 0 && i + 2 < out.length(); i = out.indexOf("%", i + 1)) {
      out.setCharAt(i + 1, Character.toUpperCase(out.charAt(i + 1)));
      out.setCharAt(i + 2, Character.toUpperCase(out.charAt(i + 2)));
    }
    return out.toString();
  }

  private static String encodeNonAscii(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0x21 && b < 0x7f) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static DomainError.Invalid invalid(String vi, String en) {
    return new DomainError.Invalid(SLUG, vi + " / " + en);
  }

  private static DomainError.Invalid unreadable() {
    return invalid("Không đọc được liên kết: hãy sao chép lại từ thanh địa chỉ", "the link cannot be read: copy it again from the address bar");
  }

  private static DomainError.Invalid nonWebScheme() {
    return invalid("Chỉ nhận liên kết web (http:// hoặc https://)", "only web links (http:// or https://) are accepted");
  }

  private static DomainError.Invalid notAChannel() {
    return invalid("Liên kết này là một bài viết hoặc video, không phải trang hay nhóm: hãy mở trang rồi sao chép địa chỉ",
        "this link is a post or video, not a page or group: open the page itself and copy its address");
  }

  private static DomainError.Invalid tiktokShortLink() {
    return invalid("Liên kết rút gọn của TikTok không kiểm tra được: hãy mở nó rồi sao chép địa chỉ tiktok.com/@...",
        "TikTok short links cannot be checked: open it and copy the tiktok.com/@... address");
  }
}
