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

  public ReorgRoutes(ReorgService reorg) {
    this.reorg = reorg;
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
  }

  private static void reply(RoutingContext ctx, java.util.function.Function<JsonObject, Future<ReorgReport>> call) {
    call.apply(Json.body(ctx)).onSuccess(r -> Json.ok(ctx, r.toJson())).onFailure(ctx::fail);
  }

  private static List<String> codes(JsonArray a) {
    return a.stream().map(String::valueOf).toList();
  }
}
