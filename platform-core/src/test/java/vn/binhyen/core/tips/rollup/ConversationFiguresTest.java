package vn.binhyen.core.tips.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.tips.rollup.ConversationFigures.Counts;

/** The median first-reply bucket read from the counters' distribution. */
class ConversationFiguresTest {

  @Test
  void the_median_is_the_bucket_where_half_of_the_first_replies_are_reached() {
    // 1 within 15 min, 1 within 60, 3 within 240: the 3rd of 5 is in the 240-minute bucket.
    Counts c = Counts.of(Map.of("first_reply:15", 1L, "first_reply:60", 1L, "first_reply:240", 3L));
    assertEquals(5, c.firstReplies());
    assertEquals(240, c.firstReplyMedianMinutes());
    // An even count takes the lower median: 2 of 4 within 30 minutes.
    assertEquals(30, Counts.of(Map.of("first_reply:30", 2L, "first_reply:1440", 2L)).firstReplyMedianMinutes());
  }

  @Test
  void a_median_past_7_days_is_minus_one_and_no_reply_is_null() {
    assertEquals(-1, Counts.of(Map.of("first_reply:15", 1L, "first_reply:more", 2L)).firstReplyMedianMinutes());
    Counts none = Counts.of(Map.of("conversations", 3L));
    assertNull(none.firstReplyMedianMinutes());
    assertEquals(3, none.conversations());
    assertEquals(0, none.firstReplies());
  }
}
