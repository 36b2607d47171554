package vn.binhyen.admin.audit;

import io.vertx.core.json.JsonObject;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.Services;

/** The audit log of a subtree (newest first, filtered by action, paged). */
public final class AuditRoutes {

  private final Services s;

  public AuditRoutes(Services s) {
    this.s = s;
  }

  public void mount(Api api) {
    api.operation("unitAuditLog", ctx -> {
      var unit = Requests.tenant(ctx);
      String action = ctx.request().getParam("action");
      int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
      int offset = Requests.intParam(ctx, "offset", 0, 0, 1_000_000);
      s.db().inScope(Requests.principal(ctx).scopePath(), tx -> s.audit().list(tx, unit.path(),
              action == null || action.isBlank() ? null : action, limit, offset))
          .onSuccess(list -> Json.ok(ctx, new JsonObject().put("limit", limit).put("offset", offset)
              .put("items", Json.array(list, r -> new JsonObject().put("id", r.id()).put("at", r.at().toString())
                  .put("actor", r.entry().actorName()).put("tenantPath", r.entry().tenantPath())
                  .put("unitName", r.unitName())
                  .put("action", r.entry().action()).put("target", r.entry().target()).put("targetName", r.targetName())
                  .put("before", r.entry().before()).put("after", r.entry().after())))))
          .onFailure(ctx::fail);
    });
  }
}
