package vn.binhyen.verifier.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.ratelimit.RateLimiter;
import vn.binhyen.verifier.offline.TrustListService;

/**
 * {@code GET /api/public/trust-list}: the root-signed keys and revocation list phones verify with
 * offline (docs/verification.md, "Offline verification"). Built from memory; never cached by HTTP
 * caches without revalidation, so a phone online always gets the current list. Rate-limited per
 * client address (429 {@code rate-limited}).
 */
public final class TrustListRoutes {

  /** The {@code format} member of the answer; a client refuses any other. */
  public static final String FORMAT = "binhyen-trust-list/1";

  /** A phone fetches the list once a visit; more than this a minute from one address is abuse. */
  public static final int PER_CLIENT_PER_MINUTE = 120;

  private final TrustListService lists;
  private final RateLimiter limiter;

  public TrustListRoutes(TrustListService lists, RateLimiter limiter) {
    this.lists = lists;
    this.limiter = limiter;
  }

  public void mount(Api api) {
    api.operation("getTrustList", this::get);
  }

  private void get(RoutingContext ctx) {
    limiter.hit("trust-list", Requests.clientAddress(ctx), PER_CLIENT_PER_MINUTE, Duration.ofMinutes(1))
        .compose(x -> lists.current())
        .onSuccess(signed -> {
          ctx.response().putHeader("Cache-Control", "no-cache").putHeader("Access-Control-Allow-Origin", "*");
          Json.ok(ctx, new JsonObject()
              .put("format", FORMAT)
              .put("token", signed.token())
              .put("issuedAt", Instant.ofEpochSecond(signed.list().issuedAt()).toString())
              .put("expiresAt", Instant.ofEpochSecond(signed.list().expiresAt()).toString()));
        })
        .onFailure(ctx::fail);
  }
}
