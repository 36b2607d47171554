package vn.binhyen.core.cluster;

import java.time.Duration;

/**
 * Notices that this process was frozen (SIGSTOP, a stuck VM, a stop-the-world pause) for longer
 * than the cluster's heartbeat timeout: its peers have dropped it meanwhile, yet for a moment after
 * it resumes it still lists them as members and would call itself ready with what it had before
 * the freeze. A tick is expected every {@link #TICK}; a tick that comes more than
 * {@code timeout} late starts a settling period of {@code timeout} during which the node is not
 * ready (so Hazelcast has decided, by then, whether it is still a member or alone).
 *
 * <p>Pure: the caller passes the clock ({@link Quorum#watch} drives it from a Vert.x timer), so
 * the rule is tested without waiting.
 */
public final class PauseWatch {

  /** How often {@link #tick} is expected. */
  public static final Duration TICK = Duration.ofMillis(500);

  private final long timeoutNanos;
  private long lastTick;
  private long settledAt = Long.MIN_VALUE;
  private long lastPauseNanos;

  public PauseWatch(Duration timeout, long nowNanos) {
    this.timeoutNanos = timeout.toNanos();
    this.lastTick = nowNanos;
  }

  /** Records a tick; true when it reveals a pause longer than the timeout (the node was frozen). */
  public synchronized boolean tick(long nowNanos) {
    long gap = nowNanos - lastTick;
    lastTick = nowNanos;
    if (gap - TICK.toNanos() > timeoutNanos) {
      lastPauseNanos = gap;
      settledAt = nowNanos + timeoutNanos;
      return true;
    }
    return false;
  }

  /**
   * Whether the node is still settling after a pause at {@code nowNanos}; also true when the next
   * tick is already more than the timeout overdue (the node has just resumed and the timer has not
   * run yet, while a request on another event loop asks).
   */
  public synchronized boolean settling(long nowNanos) {
    boolean overdue = nowNanos - lastTick - TICK.toNanos() > timeoutNanos;
    return overdue || settledAt != Long.MIN_VALUE && nowNanos - settledAt < 0;
  }

  /** The last pause seen, for the readiness reason. */
  public synchronized Duration lastPause() {
    return Duration.ofNanos(lastPauseNanos);
  }
}
