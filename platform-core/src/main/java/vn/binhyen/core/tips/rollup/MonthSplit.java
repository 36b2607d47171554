package vn.binhyen.core.tips.rollup;

import java.time.LocalDate;

/**
 * A period cut for the month grain of subtree counters (tip_rollup_month): the days before its
 * first whole calendar month, the whole months, and the days after the last whole month. A part
 * that is empty has its start after its end (so {@code BETWEEN} finds nothing). A year from the
 * 1st of a month is 12 months and no days; a period inside one month is all head days.
 */
record MonthSplit(LocalDate headFrom, LocalDate headTo, LocalDate firstMonth, LocalDate lastMonth,
    LocalDate tailFrom, LocalDate tailTo) {

  static MonthSplit of(LocalDate from, LocalDate to) {
    LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
    // The first day of the month after the last whole one.
    LocalDate afterLast = to.plusDays(1).withDayOfMonth(1);
    if (!firstMonth.isBefore(afterLast)) {
      return new MonthSplit(from, to, afterLast, afterLast.minusMonths(1), to.plusDays(1), to);
    }
    return new MonthSplit(from, firstMonth.minusDays(1), firstMonth, afterLast.minusMonths(1), afterLast, to);
  }
}
