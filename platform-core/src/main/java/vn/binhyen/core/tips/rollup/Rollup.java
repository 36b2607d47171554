package vn.binhyen.core.tips.rollup;

import java.util.List;

/** Roll-up figures of one unit over a period: totals, SLA breaches and one grouping. */
public record Rollup(String unitCode, String unitName, String unitPath, RollupQuery query, long total,
    long breaches, List<Group> groups) {

  /** One group: its key (child code, category, status or day), a label, count and breaches. */
  public record Group(String key, String label, String path, long count, long breaches) {}
}
