package vn.binhyen.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;

class UnitQueryTest {

  @Test
  void accents_case_and_unicode_forms_fold_to_the_same_words() {
    String nfd = Normalizer.normalize("Phường Ba Đình", Normalizer.Form.NFD);
    for (String q : List.of("Phường Ba Đình", "phuong ba dinh", "PHƯỜNG  BA ĐÌNH", nfd, "P. Ba Đình",
        "Công an phường Ba Đình", "ba dinh", "Ba Đình")) {
      UnitQuery u = UnitQuery.parse(q);
      assertEquals(List.of("ba", "dinh"), u.coreWords(), q);
      assertEquals("ba:* & dinh:*", u.coreTsQuery(), q);
    }
    assertEquals("phuong ba dinh", UnitQuery.parse(nfd).folded());
  }

  @Test
  void a_leading_type_word_is_a_hint_not_a_condition() {
    assertEquals(Optional.of(UnitLevel.COMMUNE), UnitQuery.parse("P. Ba Đình").levelHint());
    assertEquals(Optional.of(UnitLevel.PROVINCE), UnitQuery.parse("TP Hà Nội").levelHint());
    assertEquals(List.of("ha", "noi"), UnitQuery.parse("Thành phố Hà Nội").coreWords());
    assertEquals(Optional.of(UnitLevel.DISTRICT), UnitQuery.parse("Q. Ba Đình").levelHint());
    assertEquals(Optional.empty(), UnitQuery.parse("ba dinh").levelHint());
    // A type word alone is what is searched for; the full words rank a "Xã Tịnh …" first.
    assertEquals(List.of("phuong"), UnitQuery.parse("phường").coreWords());
    assertEquals("tinh:* & bien:*", UnitQuery.parse("Tịnh Biên").fullTsQuery());
  }

  @Test
  void nothing_to_search_or_too_long_is_invalid() {
    for (String q : new String[] {null, "", "   ", "!!! ...", "a".repeat(UnitQuery.MAX_LENGTH + 1)}) {
      DomainError e = assertThrows(DomainError.class, () -> UnitQuery.parse(q), String.valueOf(q));
      assertEquals("bad-unit-query", e.slug());
    }
  }

  @Test
  void tsquery_syntax_in_the_input_is_only_a_separator() {
    UnitQuery u = UnitQuery.parse("ba' & !dinh:* | (x)");
    assertEquals(List.of("ba", "dinh", "x"), u.coreWords());
    assertEquals("ba:* & dinh:* & x:*", u.coreTsQuery());
  }

  @Test
  void accents_typed_are_kept_for_ranking_only() {
    UnitQuery accented = UnitQuery.parse("P. Quán Thánh");
    assertTrue(accented.hasMarks());
    assertTrue(accented.sameMarks("Phường Quán Thánh"));
    assertTrue(accented.sameMarks(Normalizer.normalize("Phường Quán Thánh", Normalizer.Form.NFD)));
    assertFalse(accented.sameMarks("Xã Quan Thành"));
    assertFalse(UnitQuery.parse("quan thanh").hasMarks());
  }
}
