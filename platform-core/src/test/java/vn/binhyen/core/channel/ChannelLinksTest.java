package vn.binhyen.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.binhyen.core.error.DomainError;

class ChannelLinksTest {

  private static ChannelRef ref(Platform platform, String id) {
    return new ChannelRef(platform, id);
  }

  private static DomainError.Invalid refused(String input) {
    return refused(input, null);
  }

  private static DomainError.Invalid refused(String input, Platform hint) {
    DomainError.Invalid error = assertThrows(DomainError.Invalid.class, () -> ChannelLinks.normalize(input, hint));
    assertEquals("invalid-link", error.slug());
    assertTrue(error.getMessage().contains(" / "), "message is in Vietnamese and English: " + error.getMessage());
    return error;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://m.facebook.com/ConganThuDo/",
      "facebook.com/conganthudo",
      "fb.com/ConganThuDo?ref=x",
      "www.facebook.com/ConganThuDo#x",
      "http://web.facebook.com/ConganThuDo",
      "HTTPS://WWW.FACEBOOK.COM/CONGANTHUDO",
      "  https://www.facebook.com/ConganThuDo  ",
      "\uFEFFhttps://www.facebook.com/Congan\u200BThuDo\u200D",
      "\u00A0facebook.com/ConganThuDo\u3000",
      "https://vi-vn.facebook.com/ConganThuDo/about",
      "https://www.facebook.com/ConganThuDo/posts/pfbid0abc",
      "https://www.facebook.com:443/ConganThuDo",
      "https://www.facebook.com./ConganThuDo",
      "//www.facebook.com/ConganThuDo",
      "https://mbasic.facebook.com/ConganThuDo?refid=17&_rdr",
      "https://www.facebook.com/pg/ConganThuDo/posts/"})
  void every_form_of_a_facebook_page_link_gives_the_same_ref(String input) {
    assertEquals(ref(Platform.FACEBOOK_PAGE, "facebook.com/conganthudo"), ChannelLinks.normalize(input));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "facebook.com/profile.php?id=100064",
      "https://m.facebook.com/profile.php?id=100064&mibextid=ZbWKwL",
      "https://www.facebook.com/profile.php?ref=bookmarks&id=100064#",
      "https://www.facebook.com/pages/Cong-An-Phuong/100064",
      "https://www.facebook.com/people/Cong-An-Phuong-Ba-Dinh/100064/",
      "https://www.facebook.com/p/Cong-An-Phuong-Ba-Dinh-100064/"})
  void numeric_facebook_page_links_give_the_page_number(String input) {
    assertEquals(ref(Platform.FACEBOOK_PAGE, "facebook.com/100064"), ChannelLinks.normalize(input));
  }

  @Test
  void facebook_groups_are_lowercased_by_number_or_name() {
    assertEquals(ref(Platform.FACEBOOK_GROUP, "facebook.com/groups/123"), ChannelLinks.normalize("facebook.com/groups/123/"));
    assertEquals(ref(Platform.FACEBOOK_GROUP, "facebook.com/groups/khupho5.badinh"),
        ChannelLinks.normalize("https://m.facebook.com/groups/KhuPho5.BaDinh/permalink/987/?mibextid=x"));
    assertEquals(ref(Platform.FACEBOOK_GROUP, "facebook.com/groups/123"), ChannelLinks.normalize("123", Platform.FACEBOOK_GROUP));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zalo.me/1234567890", "https://zalo.me/1234567890?x", "https://oa.zalo.me/1234567890",
      "http://ZALO.ME/1234567890/", " https://zalo.me/1234567890#section "})
  void zalo_oa_links_give_the_oa_number(String input) {
    assertEquals(ref(Platform.ZALO_OA, "zalo.me/1234567890"), ChannelLinks.normalize(input));
  }

  @Test
  void a_bare_oa_number_needs_the_zalo_oa_hint() {
    assertEquals(ref(Platform.ZALO_OA, "zalo.me/1234567890"), ChannelLinks.normalize("1234567890", Platform.ZALO_OA));
    assertTrue(refused("1234567890").getMessage().contains("choose the platform"));
  }

  @Test
  void a_personal_phone_number_is_not_a_zalo_oa() {
    assertTrue(refused("https://zalo.me/0912345678").getMessage().contains("personal Zalo account"));
    refused("0912345678", Platform.ZALO_OA);
  }

  @Test
  void zalo_group_invite_codes_keep_their_case() {
    assertEquals(ref(Platform.ZALO_GROUP, "zalo.me/g/AbCdEf"), ChannelLinks.normalize("https://zalo.me/g/AbCdEf"));
    assertEquals(ref(Platform.ZALO_GROUP, "zalo.me/g/AbCdEf"), ChannelLinks.normalize("ZALO.ME/g/AbCdEf/?utm=1"));
    assertEquals(ref(Platform.ZALO_GROUP, "zalo.me/g/AbCdEf"), ChannelLinks.normalize("AbCdEf", Platform.ZALO_GROUP));
    refused("https://zalo.me/g/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"youtube.com/@ConganThuDo", "https://m.youtube.com/@conganthudo", "https://www.youtube.com/@ConganThuDo/videos",
      "https://www.youtube.com/@ConganThuDo?si=abc"})
  void youtube_handles_are_lowercased(String input) {
    assertEquals(ref(Platform.YOUTUBE, "youtube.com/@conganthudo"), ChannelLinks.normalize(input));
  }

  @Test
  void youtube_channel_ids_keep_their_case() {
    String id = "UCabcdefghijKLMNOPQRSTuv";
    assertEquals(ref(Platform.YOUTUBE, "youtube.com/channel/" + id), ChannelLinks.normalize("https://www.youtube.com/channel/" + id + "/featured"));
    assertEquals(ref(Platform.YOUTUBE, "youtube.com/channel/" + id), ChannelLinks.normalize(id, Platform.YOUTUBE));
  }

  @Test
  void youtube_handles_may_be_written_in_vietnamese() {
    ChannelRef ref = ChannelLinks.normalize("https://www.youtube.com/@C%C3%B4ngAnHN");
    assertEquals(ref(Platform.YOUTUBE, "youtube.com/@cônganhn"), ref);
    assertEquals("https://youtube.com/@c%C3%B4nganhn", ChannelLinks.url(ref));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube.com/shorts/abc",
      "https://www.youtube.com/"})
  void youtube_videos_and_the_home_page_are_not_channels(String input) {
    refused(input);
  }

  @Test
  void tiktok_handles_are_lowercased_and_short_links_refused() {
    assertEquals(ref(Platform.TIKTOK, "tiktok.com/@conganthudo"), ChannelLinks.normalize("https://www.tiktok.com/@ConganThuDo?lang=vi"));
    assertEquals(ref(Platform.TIKTOK, "tiktok.com/@conganthudo"), ChannelLinks.normalize("m.tiktok.com/@ConganThuDo/video/7301"));
    assertEquals(ref(Platform.TIKTOK, "tiktok.com/@conganthudo"), ChannelLinks.normalize("@ConganThuDo", Platform.TIKTOK));
    assertTrue(refused("https://vt.tiktok.com/ZSabc123/").getMessage().contains("short links"));
    assertTrue(refused("https://vm.tiktok.com/ZSabc123/").getMessage().contains("short links"));
  }

  @Test
  void a_bare_handle_follows_the_hint() {
    assertEquals(ref(Platform.YOUTUBE, "youtube.com/@conganthudo"), ChannelLinks.normalize(" @ConganThuDo ", Platform.YOUTUBE));
    assertEquals(ref(Platform.FACEBOOK_PAGE, "facebook.com/conganthudo"), ChannelLinks.normalize("ConganThuDo", Platform.FACEBOOK_PAGE));
    refused("@ConganThuDo");
    refused("@ConganThuDo", Platform.WEBSITE);
  }

  @Test
  void websites_are_lowercased_without_www_query_fragment_or_trailing_slash() {
    assertEquals(ref(Platform.WEBSITE, "mps.gov.vn"), ChannelLinks.normalize("https://WWW.Mps.Gov.VN/"));
    assertEquals(ref(Platform.WEBSITE, "congan.hanoi.gov.vn/Tin-Tuc/an-ninh"),
        ChannelLinks.normalize("http://congan.HANOI.gov.vn//Tin-Tuc/an-ninh/?page=2#top"));
    assertEquals(ref(Platform.WEBSITE, "example.vn:8443/a"), ChannelLinks.normalize("https://example.vn:8443/a/"));
  }

  @Test
  void unicode_domains_become_punycode_and_paths_percent_encoded() {
    assertEquals(ref(Platform.WEBSITE, "xn--cngan-6ta.vn/tin-t%E1%BB%A9c"), ChannelLinks.normalize("https://côngan.vn/tin-tức"));
    String decomposed = "https://co\u0302ngan.vn";
    assertEquals(ref(Platform.WEBSITE, "xn--cngan-6ta.vn"), ChannelLinks.normalize(decomposed));
    assertEquals(ref(Platform.WEBSITE, "example.vn/a%C3%A0"), ChannelLinks.normalize("example.vn/a%c3%a0"));
  }

  @Test
  void a_look_alike_domain_is_a_website_not_facebook() {
    ChannelRef cyrillic = ChannelLinks.normalize("https://www.f\u0430cebook.com/ConganThuDo");
    assertEquals(Platform.WEBSITE, cyrillic.platform());
    assertTrue(cyrillic.normalizedId().startsWith("xn--"), cyrillic.normalizedId());
  }

  @Test
  void full_width_letters_map_to_the_domain_a_browser_would_open() {
    assertEquals(ref(Platform.FACEBOOK_PAGE, "facebook.com/conganthudo"),
        ChannelLinks.normalize("https://\uFF46\uFF41\uFF43\uFF45\uFF42\uFF4F\uFF4F\uFF4B.com/ConganThuDo"));
  }

  @Test
  void a_right_to_left_override_cannot_disguise_a_link() {
    assertEquals(ref(Platform.FACEBOOK_PAGE, "facebook.com/conganthudo"), ChannelLinks.normalize("\u202Efacebook.com/ConganThuDo\u202C"));
  }

  @Test
  void the_platform_decides_over_a_hint_that_disagrees() {
    assertTrue(refused("https://www.facebook.com/ConganThuDo", Platform.ZALO_OA).getMessage().contains("not a Zalo"));
    assertEquals(ref(Platform.FACEBOOK_PAGE, "facebook.com/conganthudo"),
        ChannelLinks.normalize("https://www.facebook.com/ConganThuDo", Platform.FACEBOOK_PAGE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JavaScript://facebook.com/%0aalert(1)", "data:text/html,<script>",
      "mailto:ca@hanoi.gov.vn", "tel:0912345678", "ftp://mps.gov.vn/", "file:///etc/passwd", "http:facebook.com"})
  void non_web_schemes_are_refused(String input) {
    assertTrue(refused(input).getMessage().contains("http"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u200B\uFEFF", "not a link", "https://", "https:///ConganThuDo", "https://localhost/x",
      "https://192.168.1.1/", "https://exa mple.vn", "https://-bad-.vn", "https://a..vn", "http://[::1]/",
      "https://www.facebook.com@evil.example/ConganThuDo", "https://example.vn:99999/", "https://example.vn\\@evil.vn",
      "https://www.facebook.com/", "https://www.facebook.com/watch/?v=1", "https://www.facebook.com/share/abc",
      "https://www.facebook.com/profile.php", "https://fb.watch/abc", "https://www.tiktok.com/", "zalo.me/abc",
      "https://www.facebook.com/Cong%20An", "https://example.vn/%zz"})
  void garbage_is_refused(String input) {
    refused(input);
  }

  @Test
  void null_is_refused() {
    refused(null);
  }

  @Test
  void over_long_input_is_refused_before_any_work() {
    String input = "https://example.vn/" + "a".repeat(ChannelLinks.MAX_LENGTH);
    assertTrue(refused(input).getMessage().contains("2048"));
    String longest = "https://example.vn/" + "a".repeat(ChannelLinks.MAX_LENGTH - 19);
    assertEquals(Platform.WEBSITE, ChannelLinks.normalize(longest).platform());
  }

  @Test
  void url_gives_a_clickable_https_link_that_normalizes_back() {
    for (String input : new String[] {"facebook.com/profile.php?id=100064", "zalo.me/g/AbCdEf", "https://WWW.Mps.Gov.VN/",
        "youtube.com/channel/UCabcdefghijKLMNOPQRSTuv", "tiktok.com/@conganthudo", "https://côngan.vn/tin-tức"}) {
      ChannelRef ref = ChannelLinks.normalize(input);
      String url = ChannelLinks.url(ref);
      assertTrue(url.startsWith("https://") && url.chars().allMatch(c -> c > ' ' && c < 0x7f), url);
      assertEquals(ref, ChannelLinks.normalize(url), "canonical form is a fixed point");
    }
    assertEquals("https://mps.gov.vn", ChannelLinks.url(ChannelLinks.normalize("https://WWW.Mps.Gov.VN/")));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void platform_ids_are_stable_lowercase_and_labelled(Platform platform) {
    assertEquals(platform.name().toLowerCase(Locale.ROOT), platform.id());
    assertEquals(platform, Platform.byId(platform.id()).orElseThrow());
    assertTrue(!platform.labelVi().isBlank() && !platform.labelEn().isBlank());
    assertTrue(Arrays.stream(Platform.values()).filter(p -> p.id().equals(platform.id())).count() == 1);
  }
}
