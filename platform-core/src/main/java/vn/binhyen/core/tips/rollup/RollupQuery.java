package vn.binhyen.core.tips.rollup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.binhyen.core.error.DomainError;

/** A roll-up request: a period of received days, one grouping, the subtree or the unit's own tips. */
public record RollupQuery(LocalDate from, LocalDate to, String groupBy, boolean own) {

  public static final int MAX_DAYS = 3 * 366;

  public RollupQuery {
    if (to.isBefore(from)) {
      throw new DomainError.Invalid("rollup-period", "'from' phải trước 'to' / 'from' must not be after 'to'");
    }
    if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw new DomainError.Invalid("rollup-period", "Tối đa 3 năm / at most three years");
    }
    if (!java.util.Set.of("child", "category", "status", "day", "total").contains(groupBy)) {
      throw new DomainError.Invalid("rollup-group", "groupBy: child, category, status, day, total");
    }
  }
}
