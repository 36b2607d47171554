package vn.binhyen.core.channel;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
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

  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
  private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
  private static final Pattern INNER_SPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Z}\\p{Cc}]");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
  private static final Pattern PHONE = Pattern.compile("0\\d{9,10}|84\\d{9,10}");
  private static final Pattern FACEBOOK_NAME = Pattern.compile("[A-Za-z0-9.\\-]{1,80}");
  private static final Pattern FACEBOOK_P_PATH = Pattern.compile(".*-(\\d{5,30})");
  private static final Pattern ZALO_GROUP_CODE = Pattern.compile("[A-Za-z0-9_\\-]{4,64}");
  private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_\\-]{22}");
  private static final Pattern YOUTUBE_HANDLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}._\\-]{3,30}");
  private static final Pattern YOUTUBE_LEGACY_NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,100}");
  private static final Pattern TIKTOK_HANDLE = Pattern.compile("[A-Za-z0-9_.]{2,24}");
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
    ChannelRef ref = looksBare(text) ? bare(text, hint) : fromUrl(WebLink.parse(text));
    if (hint != null && hint != ref.platform()) {
      throw LinkErrors.invalid("Liên kết này là " + ref.platform().labelVi() + ", không phải " + hint.labelVi(),
          "this link is a " + ref.platform().labelEn() + ", not a " + hint.labelEn());
    }
    return ref;
  }

  /** A clickable https URL for the ref, with any non-ASCII character percent-encoded. */
  public static String url(ChannelRef ref) {
    return "https://" + WebLink.encodeNonAscii(ref.normalizedId());
  }

  private static String clean(String input) {
    if (input == null) {
      throw LinkErrors.invalid("Chưa nhập liên kết", "no link was given");
    }
    if (input.length() > MAX_LENGTH) {
      throw LinkErrors.invalid("Liên kết dài quá " + MAX_LENGTH + " ký tự", "the link is longer than " + MAX_LENGTH + " characters");
    }
    String text = INVISIBLE.matcher(input).replaceAll("");
    text = EDGE_SPACE.matcher(text).replaceAll("");
    text = Normalizer.normalize(text, Normalizer.Form.NFC);
    if (text.isEmpty()) {
      throw LinkErrors.invalid("Chưa nhập liên kết", "no link was given");
    }
    if (INNER_SPACE_OR_CONTROL.matcher(text).find() || text.indexOf('\\') >= 0) {
      throw LinkErrors.invalid("Liên kết có khoảng trắng hoặc ký tự lạ ở giữa: hãy sao chép lại nguyên liên kết",
          "the link contains spaces or odd characters: copy the whole link again");
    }
    return text;
  }

  private static boolean looksBare(String text) {
    return text.startsWith("@") || (text.indexOf('.') < 0 && text.indexOf('/') < 0 && text.indexOf(':') < 0);
  }

  private static ChannelRef bare(String text, Platform hint) {
    if (hint == null) {
      throw LinkErrors.invalid("\"" + text + "\" không phải liên kết: hãy dán cả liên kết, hoặc chọn nền tảng",
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
      case WEBSITE -> throw LinkErrors.invalid("Trang web cần tên miền đầy đủ, ví dụ congan.hanoi.gov.vn",
          "a website needs its full domain name, e.g. congan.hanoi.gov.vn");
    };
  }

  private static ChannelRef fromUrl(WebLink link) {
    String host = link.host();
    if (host.equals("facebook.com") || host.endsWith(".facebook.com") || host.equals("fb.com")
        || host.equals("www.fb.com") || host.equals("fb.me")) {
      return facebook(link);
    }
    if (host.equals("fb.watch")) {
      throw LinkErrors.notAChannel();
    }
    if (host.equals("zalo.me") || host.endsWith(".zalo.me")) {
      return zalo(link);
    }
    if (host.equals("youtu.be")) {
      throw LinkErrors.invalid("Liên kết youtu.be là một video, không phải kênh: hãy dán liên kết kênh (youtube.com/@...)",
          "a youtu.be link is a video, not a channel: paste the channel link (youtube.com/@...)");
    }
    if (host.equals("youtube.com") || host.endsWith(".youtube.com")) {
      return youtube(link);
    }
    if (host.equals("vt.tiktok.com") || host.equals("vm.tiktok.com")) {
      throw LinkErrors.tiktokShortLink();
    }
    if (host.equals("tiktok.com") || host.endsWith(".tiktok.com")) {
      return tiktok(link);
    }
    return website(link);
  }

  private static ChannelRef facebook(WebLink link) {
    List<String> s = link.segments();
    if (s.isEmpty()) {
      throw LinkErrors.invalid("Liên kết chỉ tới trang chủ Facebook, chưa tới một trang cụ thể",
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
          throw LinkErrors.notAChannel();
        }
        return facebookPage(s.get(0));
      }
    }
  }

  private static ChannelRef facebookNumeric(String id) {
    if (id == null || !DIGITS.matcher(id).matches()) {
      throw LinkErrors.invalid("Không đọc được mã số trang Facebook trong liên kết", "the Facebook page number is missing from the link");
    }
    return new ChannelRef(Platform.FACEBOOK_PAGE, "facebook.com/" + id);
  }

  private static ChannelRef facebookPage(String name) {
    if (!FACEBOOK_NAME.matcher(name).matches()) {
      throw LinkErrors.invalid("Tên trang Facebook chỉ gồm chữ không dấu, số và dấu chấm: \"" + name + "\"",
          "a Facebook page name has only letters, digits and dots: \"" + name + "\"");
    }
    return new ChannelRef(Platform.FACEBOOK_PAGE, "facebook.com/" + name.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef facebookGroup(String name) {
    if (!FACEBOOK_NAME.matcher(name).matches()) {
      throw LinkErrors.invalid("Không đọc được tên hoặc mã số nhóm Facebook trong liên kết",
          "the Facebook group's name or number is missing from the link");
    }
    return new ChannelRef(Platform.FACEBOOK_GROUP, "facebook.com/groups/" + name.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef zalo(WebLink link) {
    List<String> s = link.segments();
    if (!s.isEmpty() && s.get(0).equals("g")) {
      return zaloGroup(s.size() > 1 ? s.get(1) : "");
    }
    return zaloOa(s.stream().filter(x -> DIGITS.matcher(x).matches()).findFirst().orElse(""));
  }

  private static ChannelRef zaloOa(String id) {
    if (PHONE.matcher(id).matches()) {
      throw LinkErrors.invalid("Đây là số điện thoại của một tài khoản Zalo cá nhân, không phải Official Account",
          "this is the phone number of a personal Zalo account, not an Official Account");
    }
    if (!DIGITS.matcher(id).matches()) {
      throw LinkErrors.invalid("Liên kết Zalo OA cần mã số của OA, ví dụ zalo.me/1234567890",
          "a Zalo OA link needs the OA's number, e.g. zalo.me/1234567890");
    }
    return new ChannelRef(Platform.ZALO_OA, "zalo.me/" + id);
  }

  private static ChannelRef zaloGroup(String code) {
    if (!ZALO_GROUP_CODE.matcher(code).matches()) {
      throw LinkErrors.invalid("Không đọc được mã mời của nhóm Zalo (zalo.me/g/...)", "the Zalo group invite code (zalo.me/g/...) is missing or garbled");
    }
    return new ChannelRef(Platform.ZALO_GROUP, "zalo.me/g/" + code);
  }

  private static ChannelRef youtube(WebLink link) {
    List<String> s = link.segments();
    if (s.isEmpty()) {
      throw LinkErrors.invalid("Liên kết chỉ tới trang chủ YouTube, chưa tới một kênh", "the link points at YouTube itself, not at a channel");
    }
    String first = s.get(0);
    if (first.startsWith("@")) {
      return youtubeHandle(first.substring(1));
    }
    String lower = first.toLowerCase(Locale.ROOT);
    if (YOUTUBE_NOT_A_CHANNEL.contains(lower)) {
      throw LinkErrors.notAChannel();
    }
    String second = s.size() > 1 ? s.get(1) : "";
    if (lower.equals("channel") && YOUTUBE_CHANNEL_ID.matcher(second).matches()) {
      return new ChannelRef(Platform.YOUTUBE, "youtube.com/channel/" + second);
    }
    if ((lower.equals("c") || lower.equals("user")) && YOUTUBE_LEGACY_NAME.matcher(second).matches()) {
      return new ChannelRef(Platform.YOUTUBE, "youtube.com/" + lower + "/" + second.toLowerCase(Locale.ROOT));
    }
    throw LinkErrors.invalid("Hãy dán liên kết kênh YouTube dạng youtube.com/@ten-kenh hoặc youtube.com/channel/UC...",
        "paste the YouTube channel link as youtube.com/@handle or youtube.com/channel/UC...");
  }

  private static ChannelRef youtubeHandle(String handle) {
    if (!YOUTUBE_HANDLE.matcher(handle).matches()) {
      throw LinkErrors.invalid("Tên kênh YouTube (@...) không hợp lệ: \"" + handle + "\"", "not a valid YouTube handle: \"" + handle + "\"");
    }
    return new ChannelRef(Platform.YOUTUBE, "youtube.com/@" + handle.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef tiktok(WebLink link) {
    List<String> s = link.segments();
    if (!s.isEmpty() && s.get(0).equals("t")) {
      throw LinkErrors.tiktokShortLink();
    }
    if (s.isEmpty() || !s.get(0).startsWith("@")) {
      throw LinkErrors.invalid("Hãy dán liên kết tài khoản TikTok dạng tiktok.com/@ten-tai-khoan",
          "paste the TikTok account link as tiktok.com/@handle");
    }
    return tiktokHandle(s.get(0).substring(1));
  }

  private static ChannelRef tiktokHandle(String handle) {
    if (!TIKTOK_HANDLE.matcher(handle).matches()) {
      throw LinkErrors.invalid("Tên tài khoản TikTok (@...) không hợp lệ: \"" + handle + "\"", "not a valid TikTok handle: \"" + handle + "\"");
    }
    return new ChannelRef(Platform.TIKTOK, "tiktok.com/@" + handle.toLowerCase(Locale.ROOT));
  }

  private static ChannelRef website(WebLink link) {
    String host = link.host().startsWith("www.") ? link.host().substring(4) : link.host();
    StringBuilder id = new StringBuilder(host);
    if (!link.port().isEmpty()) {
      id.append(':').append(link.port());
    }
    for (String segment : link.rawPath().split("/")) {
      if (!segment.isEmpty()) {
        id.append('/').append(WebLink.encodeNonAscii(WebLink.upperCaseEscapes(segment)));
      }
    }
    return new ChannelRef(Platform.WEBSITE, id.toString());
  }


}
