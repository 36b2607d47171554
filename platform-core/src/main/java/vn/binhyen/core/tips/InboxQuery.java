package vn.binhyen.core.tips;

/**
 * A filter of a unit's tips: {@code status} may be a status id or "open"; {@code text} is
 * matched without accents; {@code sort} is newest, oldest or due.
 */
public record InboxQuery(String unitPath, boolean subtree, String status, String category,
    String text, Boolean breached, String sort, int limit, int offset) {

  public InboxQuery {
    sort = sort == null ? "newest" : sort;
    if (!sort.equals("newest") && !sort.equals("oldest") && !sort.equals("due")) {
      throw new IllegalArgumentException("sort " + sort);
    }
    text = text == null || text.isBlank() ? null : text.strip();
  }
}
