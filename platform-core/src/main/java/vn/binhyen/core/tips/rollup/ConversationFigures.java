package vn.binhyen.core.tips.rollup;

import java.util.List;
import java.util.Map;

/**
 * The conversation figures of one unit's subtree over a period of received days (issue 18 item
 * 7): conversations, the first-reply time's median (as the bucket it falls in), and how the
 * officers' replies went through the platforms. Read from {@code tip_conversation_rollup}.
 */
public record ConversationFigures(String unitCode, String unitName, String unitPath, RollupQuery query,
    Counts total, List<Child> children) {

  /** Upper bounds (minutes) of the first-reply buckets, as the triggers of tips V12 count them. */
  public static final List<Integer> BUCKETS = List.of(15, 30, 60, 120, 240, 480, 1440, 2880, 10080);

  /** One child unit (the unit itself first: its own conversations) and its figures. */
  public record Child(String code, String name, Counts counts) {}

  /**
   * The counters of one unit. {@code firstReplyMedianMinutes}: the upper bound of the bucket
   * holding the median first reply (at most that many minutes), {@code -1} when the median is over
   * the last bound (7 days), null without any first reply.
   */
  public record Counts(long conversations, long firstReplies, Integer firstReplyMedianMinutes, long replies,
      long repliesInWindow, long repliesAfterWait, long repliesHeld, long repliesFailed) {

    /** From the keys of {@code tip_conversation_rollup} summed over the period. */
    static Counts of(Map<String, Long> keys) {
      long first = 0;
      for (Integer b : BUCKETS) {
        first += keys.getOrDefault("first_reply:" + b, 0L);
      }
      first += keys.getOrDefault("first_reply:more", 0L);
      return new Counts(keys.getOrDefault("conversations", 0L), first, median(keys, first),
          keys.getOrDefault("replies", 0L), keys.getOrDefault("replies_in_window", 0L),
          keys.getOrDefault("replies_after_wait", 0L), keys.getOrDefault("replies_held", 0L),
          keys.getOrDefault("replies_failed", 0L));
    }

    // The lower median: the bucket where the running count first reaches half of them, rounded up.
    private static Integer median(Map<String, Long> keys, long first) {
      if (first == 0) {
        return null;
      }
      long half = (first + 1) / 2;
      long seen = 0;
      for (Integer b : BUCKETS) {
        seen += keys.getOrDefault("first_reply:" + b, 0L);
        if (seen >= half) {
          return b;
        }
      }
      return -1;
    }
  }
}
