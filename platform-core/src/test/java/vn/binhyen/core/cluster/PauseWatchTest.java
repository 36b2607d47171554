package vn.binhyen.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pause rule with a hand-driven clock (milliseconds as nanoseconds below, written out). */
class PauseWatchTest {

  private static final long MS = 1_000_000L;
  private static final Duration TIMEOUT = Duration.ofSeconds(8);

  @Test
  void regular_ticks_and_a_short_stall_are_no_pause() {
    PauseWatch w = new PauseWatch(TIMEOUT, 0);
    assertFalse(w.tick(500 * MS));
    assertFalse(w.tick(1_000 * MS));
    assertFalse(w.tick(9_000 * MS), "8 s late minus the tick itself is not more than the timeout");
    assertFalse(w.settling(9_100 * MS));
  }

  @Test
  void a_tick_later_than_the_timeout_starts_a_settling_period_of_the_timeout() {
    PauseWatch w = new PauseWatch(TIMEOUT, 0);
    assertFalse(w.tick(500 * MS));
    assertTrue(w.tick(20_500 * MS), "frozen 20 s");
    assertEquals(Duration.ofSeconds(20), w.lastPause());
    assertTrue(w.settling(20_600 * MS));
    assertFalse(w.tick(21_000 * MS));
    assertTrue(w.settling(28_400 * MS), "still within 8 s of the resume");
    assertFalse(w.settling(28_600 * MS), "settled 8 s after the resume");
  }

  @Test
  void a_resumed_node_is_settling_before_its_timer_has_run() {
    PauseWatch w = new PauseWatch(TIMEOUT, 0);
    assertFalse(w.tick(500 * MS));
    assertFalse(w.settling(5_000 * MS), "a tick 4.5 s overdue is within the timeout");
    assertTrue(w.settling(20_500 * MS), "the next tick is 20 s overdue: a request asking now sees the pause");
  }
}
