package vn.binhyen.core.db;

import java.util.List;

/** One page of a longer list: the items, the total count, and where the page starts. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
  public Page {
    items = List.copyOf(items);
  }
}
