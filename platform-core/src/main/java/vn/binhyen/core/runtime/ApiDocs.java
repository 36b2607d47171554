package vn.binhyen.core.runtime;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The merged contract at /openapi.json and a readable rendering (Swagger UI, served offline) at /api/docs. */
public final class ApiDocs {

  private static final String SWAGGER = "META-INF/resources/webjars/swagger-ui/5.34.1";

  private final String contractJson;

  public ApiDocs(JsonObject contract) {
    this.contractJson = contract.encodePrettily();
  }

  void mount(Router router) {
    router.get("/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(contractJson));
    router.get("/api/docs").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .sendFile("web/api-docs.html"));
    router.get("/api/docs/init.js").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/javascript; charset=utf-8")
        .sendFile("web/static/js/api-docs.js"));
    router.route("/api/docs/ui/*").handler(StaticHandler.create(SWAGGER));
  }
}
