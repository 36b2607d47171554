package vn.binhyen.core.tips;

/**
 * A filter of a unit's tips: {@code status} may be a status id or "open"; {@code text} is
 * matched without accents; {@code assignee} keeps the tips assigned to that username and
 * {@code unassigned} those assigned to no one; {@code sort} is newest, oldest, due or overdue
 * (open tips first, the most overdue on top, then by due time; closed tips last).
 */
public record InboxQuery(String unitPath, boolean subtree, String status, String category,
    String text, Boolean breached, String sort, int limit, int offset, String assignee, boolean unassigned) {

  public InboxQuery {
    sort = sort == null ? "newest" : sort;
    if (!java.util.Set.of("newest", "oldest", "due", "overdue").contains(sort)) {
      throw new IllegalArgumentException("sort " + sort);
    }
    text = text == null || text.isBlank() ? null : text.strip();
  }

  public InboxQuery(String unitPath, boolean subtree, String status, String category,
      String text, Boolean breached, String sort, int limit, int offset) {
    this(unitPath, subtree, status, category, text, breached, sort, limit, offset, null, false);
  }
}
