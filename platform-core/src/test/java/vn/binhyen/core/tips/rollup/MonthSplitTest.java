package vn.binhyen.core.tips.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a period is cut into head days, whole months and tail days. */
class MonthSplitTest {

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  private static long length(LocalDate from, LocalDate to) {
    return Math.max(0, to.toEpochDay() - from.toEpochDay() + 1);
  }

  /** Days covered by the split, counted part by part (an empty part counts 0). */
  private static long days(MonthSplit s) {
    long months = 0;
    for (LocalDate m = s.firstMonth(); !m.isAfter(s.lastMonth()); m = m.plusMonths(1)) {
      months += m.lengthOfMonth();
    }
    return length(s.headFrom(), s.headTo()) + months + length(s.tailFrom(), s.tailTo());
  }

  @Test
  void a_year_from_the_first_of_a_month_is_twelve_months_and_no_days() {
    MonthSplit s = MonthSplit.of(d("2025-07-01"), d("2026-06-30"));
    assertEquals(d("2025-07-01"), s.firstMonth());
    assertEquals(d("2026-06-01"), s.lastMonth());
    assertEquals(0, length(s.headFrom(), s.headTo()));
    assertEquals(0, length(s.tailFrom(), s.tailTo()));
    assertEquals(365, days(s));
  }

  @Test
  void ragged_ends_are_days() {
    MonthSplit s = MonthSplit.of(d("2025-07-15"), d("2025-10-10"));
    assertEquals(d("2025-07-15"), s.headFrom());
    assertEquals(d("2025-07-31"), s.headTo());
    assertEquals(d("2025-08-01"), s.firstMonth());
    assertEquals(d("2025-09-01"), s.lastMonth());
    assertEquals(d("2025-10-01"), s.tailFrom());
    assertEquals(d("2025-10-10"), s.tailTo());
  }

  @Test
  void every_period_is_covered_exactly_once_in_order() {
    LocalDate base = d("2024-01-01");
    for (int a = 0; a < 800; a += 7) {
      for (int len = 0; len < 400; len += 13) {
        LocalDate from = base.plusDays(a);
        LocalDate to = from.plusDays(len);
        MonthSplit s = MonthSplit.of(from, to);
        assertEquals(len + 1, days(s), from + ".." + to + " -> " + s);
        if (length(s.headFrom(), s.headTo()) > 0) {
          assertEquals(from, s.headFrom());
        }
        if (length(s.tailFrom(), s.tailTo()) > 0) {
          assertEquals(to, s.tailTo());
        }
        if (!s.firstMonth().isAfter(s.lastMonth())) {
          assertEquals(1, s.firstMonth().getDayOfMonth());
          boolean head = length(s.headFrom(), s.headTo()) > 0;
          assertEquals(head ? s.headTo().plusDays(1) : from, s.firstMonth(), "months follow the head: " + s);
          LocalDate monthsEnd = s.lastMonth().plusMonths(1).minusDays(1);
          boolean tail = length(s.tailFrom(), s.tailTo()) > 0;
          assertEquals(tail ? s.tailFrom().minusDays(1) : to, monthsEnd, "the tail follows the months: " + s);
        }
      }
    }
  }
}
