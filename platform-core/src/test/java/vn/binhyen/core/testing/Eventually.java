package vn.binhyen.core.testing;

import io.vertx.core.Future;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded waiting for what happens after an answer (outbox deliveries, cluster messages). */
public final class Eventually {

  private Eventually() {}

  /** Polls {@code condition} every 50 ms for up to 20 s; fails naming {@code what}. */
  public static void await(BooleanSupplier condition, String what) throws InterruptedException {
    await(condition, what, () -> "");
  }

  /** As {@link #await(BooleanSupplier, String)}, the failure also telling {@code state} (what was seen instead). */
  public static void await(BooleanSupplier condition, String what, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String seen = state.get();
        throw new AssertionError("not within 20 s: " + what + (seen.isEmpty() ? "" : "; seen: " + seen));
      }
      Thread.sleep(50);
    }
  }

  /**
   * The result of {@code future}, waited for at most 20 s from a test's thread (never from an event
   * loop: it would wait for itself); its failure is thrown as is, or in a {@link CompletionException}
   * when it is checked (Vert.x's own timeouts are {@link TimeoutException}s).
   */
  public static <T> T result(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      if (!future.isComplete()) {
        throw new AssertionError("no result within 20 s");
      }
      throw new CompletionException(future.cause());
    }
  }
}
