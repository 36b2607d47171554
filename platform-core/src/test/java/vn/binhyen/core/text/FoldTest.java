package vn.binhyen.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FoldTest {

  @Test
  void composed_decomposed_and_unaccented_fold_alike() {
    String composed = "Phường Ba Đình";
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    assertEquals("phuong ba dinh", Fold.fold(composed));
    assertEquals("phuong ba dinh", Fold.fold(decomposed));
    assertEquals("phuong ba dinh", Fold.fold("phuong ba dinh"));
  }

  @Test
  void d_with_stroke_case_punctuation_and_spacing_are_folded() {
    assertEquals("dak lak", Fold.fold("  ĐẮK   LẮK!! "));
    assertEquals("tp ho chi minh", Fold.fold("TP. Hồ-Chí-Minh"));
  }

  @Test
  void keeping_marks_composes_lowers_and_collapses_but_keeps_accents() {
    String decomposed = Normalizer.normalize("P.  Quán Thánh!", Normalizer.Form.NFD);
    assertEquals("p quán thánh", Fold.foldKeepingMarks(decomposed));
    assertEquals("đắk lắk", Fold.foldKeepingMarks("  ĐẮK   LẮK!! "));
  }
}
