package vn.binhyen.admin.console;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.admin.importing.UnitImportService;
import vn.binhyen.admin.registry.ChannelRegistryService;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Authenticator;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.module.Services;

/**
 * CSV uploads, outside the OpenAPI contract because their bodies are text/csv or multipart: the
 * unit import (line-by-line report, nothing half-applied, its progress streamed to the console) and
 * channel figures. Same sign-in, CSRF
 * and scope rules as the contract's operations.
 */
public final class UploadRoutes {

  private final Services s;
  private final Authenticator auth;
  private final UnitImportService imports;
  private final ChannelRegistryService registry;
  private final ImportProgressRoutes progress;

  public UploadRoutes(Services s, Authenticator auth, UnitImportService imports, ChannelRegistryService registry) {
    this.s = s;
    this.auth = auth;
    this.imports = imports;
    this.registry = registry;
    this.progress = new ImportProgressRoutes(s, auth);
  }

  public void mount(Router router) {
    progress.mount(router);
    // ?progress=<id>: the steps go to the console's stream GET /events/imports/<id> (ImportProgressRoutes).
    router.post("/api/admin/units/:code/import").handler(ctx -> body(ctx).compose(csv ->
            auth.authenticate(ctx).compose(p -> s.tenantDirectory().byCode(ctx.pathParam("code"))
                .compose(unit -> imports.importCsv(p, unit, csv, "true".equals(ctx.request().getParam("dryRun")),
                    progress.reporter(p, ctx.request().getParam("progress"))))))
        .onSuccess(r -> Json.ok(ctx, r.toJson()))
        .onFailure(ctx::fail));
    router.post("/api/admin/units/:code/channel-figures").handler(ctx -> body(ctx).compose(csv ->
            auth.authenticate(ctx).compose(p -> s.tenantDirectory().byCode(ctx.pathParam("code"))
                .compose(unit -> registry.uploadFigures(p, unit, csv))))
        .onSuccess(n -> Json.ok(ctx, new io.vertx.core.json.JsonObject().put("lines", n)))
        .onFailure(ctx::fail));
  }

  /** The CSV bytes: a text/csv body, or the first file of a multipart form. */
  private Future<byte[]> body(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      if (ctx.fileUploads().isEmpty()) {
        return Future.failedFuture(new DomainError.Invalid("no-file", "Chưa chọn tệp CSV / no CSV file in the form"));
      }
      return s.vertx().fileSystem().readFile(ctx.fileUploads().get(0).uploadedFileName()).map(Buffer::getBytes);
    }
    if (type == null || !(type.toLowerCase().startsWith("text/csv") || type.toLowerCase().startsWith("text/plain"))) {
      return Future.failedFuture(new DomainError.Invalid("unsupported-media-type",
          "Gửi tệp CSV (text/csv hoặc multipart/form-data) / send CSV as text/csv or multipart/form-data"));
    }
    return Future.succeededFuture(ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
  }
}
