package vn.binhyen.core.ratelimit;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import vn.binhyen.core.error.DomainError;

/**
 * A cluster-wide ceiling a minute per public endpoint, over all clients together, so that a flood
 * from many addresses (each under its own per-client limit) cannot take the whole node's capacity
 * from the other endpoints. Counted with the same {@link RateLimiter} under the key {@code *}.
 *
 * <p>Call {@link #admit} after the per-client limit has passed: a single address hammering an
 * endpoint is refused by its own limit and uses none of the shared ceiling. Exceeding the ceiling
 * is a 429 {@code endpoint-busy} (not {@code rate-limited}: the client did nothing wrong) with
 * Retry-After up to the end of the minute.
 *
 * <p>A ceiling is never below the endpoint's per-client limit (one client alone must be able to
 * use its whole allowance), and a per-client limit turned off ({@code 0}, benchmarks) turns the
 * ceiling off too: raising a per-client limit for a load test raises the ceiling with it.
 */
public final class PublicCeilings {

  static final String BUCKET_PREFIX = "ceiling.";
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final RateLimiter limiter;
  private final Map<String, Integer> perMinute;

  public PublicCeilings(RateLimiter limiter, Map<String, Integer> perMinute) {
    this.limiter = limiter;
    this.perMinute = Map.copyOf(perMinute);
  }

  /**
   * The ceiling of {@code endpoint} given its per-client limit: the configured one, at least
   * {@code perClientLimit}; 0 (none) when the endpoint has no ceiling or {@code perClientLimit <= 0}.
   */
  public int ceiling(String endpoint, int perClientLimit) {
    int configured = perMinute.getOrDefault(endpoint, 0);
    return configured <= 0 || perClientLimit <= 0 ? 0 : Math.max(configured, perClientLimit);
  }

  /**
   * Counts one request to {@code endpoint}, whose per-client limit is {@code perClientLimit}; fails
   * with 429 {@code endpoint-busy} above its ceiling.
   */
  public Future<Void> admit(String endpoint, int perClientLimit) {
    int ceiling = ceiling(endpoint, perClientLimit);
    if (limiter == null || ceiling <= 0) {
      return Future.succeededFuture();
    }
    return limiter.hit(BUCKET_PREFIX + endpoint, "*", ceiling, WINDOW).recover(e -> {
      if (e instanceof DomainError.TooManyRequests busy) {
        long retry = busy.retryAfterSeconds();
        return Future.failedFuture(new DomainError.TooManyRequests("endpoint-busy",
            "Dịch vụ này đang quá tải, hãy thử lại sau " + retry + " giây"
                + " / this service is answering as many requests as it can, try again in " + retry + " s",
            retry));
      }
      return Future.failedFuture(e);
    });
  }
}
