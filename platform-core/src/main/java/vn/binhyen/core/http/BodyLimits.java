package vn.binhyen.core.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;

/**
 * The body handler in front of every route, with two limits: small for JSON and forms, larger for
 * multipart uploads (tip attachments). Over the limit is a 413 before any validation.
 */
final class BodyLimits {

  private final BodyHandler json;
  private final BodyHandler multipart;

  BodyLimits(long jsonLimit, long uploadLimit, Path uploadDir) {
    this.json = BodyHandler.create(false).setBodyLimit(jsonLimit);
    this.multipart = BodyHandler.create(uploadDir.toString()).setBodyLimit(uploadLimit)
        .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true);
  }

  void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      multipart.handle(ctx);
    } else {
      json.handle(ctx);
    }
  }
}
