package vn.binhyen.verifier.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.module.Api;
import vn.binhyen.verifier.offline.TrustListService;

/**
 * {@code GET /api/public/trust-list}: the root-signed keys and revocation list phones verify with
 * offline (docs/verification.md, "Offline verification"). Built from memory; never cached by HTTP
 * caches without revalidation, so a phone online always gets the current list.
 */
public final class TrustListRoutes {

  /** The {@code format} member of the answer; a client refuses any other. */
  public static final String FORMAT = "binhyen-trust-list/1";

  private final TrustListService lists;

  public TrustListRoutes(TrustListService lists) {
    this.lists = lists;
  }

  public void mount(Api api) {
    api.operation("getTrustList", this::get);
  }

  private void get(RoutingContext ctx) {
    lists.current()
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
