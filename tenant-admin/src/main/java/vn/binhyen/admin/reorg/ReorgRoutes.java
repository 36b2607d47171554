package vn.binhyen.admin.reorg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;

/** HTTP for reorganisation steps; every one takes {@code dryRun}. */
public final class ReorgRoutes {

  private final ReorgService reorg;
  private final ReorgReviews reviews;

  public ReorgRoutes(ReorgService reorg, ReorgReviews reviews) {
    this.reorg = reorg;
    this.reviews = reviews;
  }

  public void mount(Api api) {
    api.operation("reorgMerge", ctx -> reply(ctx, b -> reorg.merge(Requests.principal(ctx),
        codes(b.getJsonArray("sources")), b.getString("target"), b.getBoolean("dryRun", false))));
    api.operation("reorgMove", ctx -> reply(ctx, b -> reorg.move(Requests.principal(ctx), b.getString("unit"),
        b.getString("parent"), b.getBoolean("dryRun", false))));
    api.operation("reorgRename", ctx -> reply(ctx, b -> reorg.rename(Requests.principal(ctx), b.getString("unit"),
        b.getString("name"), b.getBoolean("dryRun", false))));
    api.operation("reorgSplit", ctx -> reply(ctx, b -> reorg.split(Requests.principal(ctx), b.getString("unit"),
        codes(b.getJsonArray("successors")), b.getString("defaultSuccessor"), b.getBoolean("dryRun", false))));
    api.operation("listReorgReviews", ctx -> reviews.open(Requests.tenant(ctx), Requests.intParam(ctx, "limit", 200, 1, 500))
        .onSuccess(items -> Json.ok(ctx, new JsonObject().put("items", Json.array(items, i -> new JsonObject()
            .put("id", i.id()).put("kind", i.kind()).put("itemId", i.itemId()).put("fromCode", i.fromCode())
            .put("toCode", i.toCode()).put("reason", i.reason()).put("createdAt", i.createdAt().toString())))))
        .onFailure(ctx::fail));
    api.operation("resolveReorgReview", ctx -> reviews.resolve(Requests.principal(ctx), Requests.tenant(ctx),
            Long.parseLong(ctx.pathParam("reviewId")))
        .onSuccess(x -> Json.noContent(ctx))
        .onFailure(ctx::fail));
  }

  private static void reply(RoutingContext ctx, java.util.function.Function<JsonObject, Future<ReorgReport>> call) {
    call.apply(Json.body(ctx)).onSuccess(r -> Json.ok(ctx, r.toJson())).onFailure(ctx::fail);
  }

  private static List<String> codes(JsonArray a) {
    return a.stream().map(String::valueOf).toList();
  }
}
