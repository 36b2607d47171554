package vn.binhyen.core.testing;

import java.util.function.BooleanSupplier;

/** Bounded waiting for what happens after an answer (outbox deliveries, cluster messages). */
public final class Eventually {

  private Eventually() {}

  /** Polls {@code condition} every 50 ms for up to 20 s; fails naming {@code what}. */
  public static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
