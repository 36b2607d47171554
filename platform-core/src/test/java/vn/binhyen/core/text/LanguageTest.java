package vn.binhyen.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void accept_language_picks_the_preferred_of_vietnamese_and_english() {
    assertEquals(Language.VI, Language.fromAcceptLanguage(null));
    assertEquals(Language.VI, Language.fromAcceptLanguage(""));
    assertEquals(Language.VI, Language.fromAcceptLanguage("*"));
    assertEquals(Language.VI, Language.fromAcceptLanguage("fr-FR, de;q=0.8"));
    assertEquals(Language.EN, Language.fromAcceptLanguage("en"));
    assertEquals(Language.EN, Language.fromAcceptLanguage("EN-gb"));
    assertEquals(Language.EN, Language.fromAcceptLanguage("fr, en-US;q=0.7, vi;q=0.3"));
    assertEquals(Language.VI, Language.fromAcceptLanguage("vi-VN,vi;q=0.9,en-US;q=0.8"));
    assertEquals(Language.EN, Language.fromAcceptLanguage("en;q=0.5, vi;q=0.5"), "a tie: the first listed");
    assertEquals(Language.VI, Language.fromAcceptLanguage("vi;q=0.5, en;q=0.5"), "a tie: the first listed");
    assertEquals(Language.EN, Language.fromAcceptLanguage("vi;q=0.5, en;q=0.6"));
    assertEquals(Language.VI, Language.fromAcceptLanguage("en;q=0"), "q=0 means not English");
    assertEquals(Language.VI, Language.fromAcceptLanguage("en;q=abc"), "an unreadable q counts as 0");
    assertEquals("en", Language.EN.tag());
  }

  @Test
  void a_combined_message_splits_at_the_first_separator_with_a_capital_english_sentence() {
    Bilingual b = Bilingual.of("Không tìm thấy tin báo / no such tip");
    assertEquals("Không tìm thấy tin báo", b.in(Language.VI));
    assertEquals("No such tip", b.in(Language.EN));
    Bilingual sizes = Bilingual.of("Tệp từ 1 byte đến 20 MB / attachments must be 1 byte to 20 MB / more");
    assertEquals("Tệp từ 1 byte đến 20 MB", sizes.vi());
    assertEquals("Attachments must be 1 byte to 20 MB / more", sizes.en());
    assertEquals("from: YYYY-MM-DD", Bilingual.of("from: YYYY-MM-DD").in(Language.EN), "no separator: the same text");
    assertEquals("trang/nhóm", Bilingual.of("trang/nhóm").vi());
    assertEquals("Xin chào / Hello", new Bilingual("Xin chào", "Hello").combined());
    assertEquals("Xin chào", new Bilingual("Xin chào", null).in(Language.EN), "no English: the Vietnamese");
  }
}
