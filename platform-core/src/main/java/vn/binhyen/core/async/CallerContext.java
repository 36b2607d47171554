package vn.binhyen.core.async;

import io.vertx.core.Context;
import io.vertx.core.Promise;

/**
 * For work done on behalf of callers from several event loops at once (a batch of tips, a batch
 * of rate-limit hits): each caller's answer is delivered on the caller's own context, so what it
 * chains after runs where it would have run without the batching.
 */
public final class CallerContext {

  private CallerContext() {}

  /** Completes (or, with a failure, fails) {@code promise} on {@code context}; at once if there is none. */
  public static <T> void complete(Context context, Promise<T> promise, T value, Throwable failure) {
    Runnable finish = () -> {
      if (failure == null) {
        promise.complete(value);
      } else {
        promise.fail(failure);
      }
    };
    if (context == null) {
      finish.run();
    } else {
      context.runOnContext(x -> finish.run());
    }
  }
}
