package vn.binhyen.core.runtime;

import io.vertx.ext.web.Router;

/** The server-served web UI shell: plain HTML pages whose scripts call the API (no build step). */
final class WebPages {

  private WebPages() {}

  static void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect("/home"));
    page(router, "/login", "web/login.html");
    page(router, "/home", "web/home.html");
  }

  static void page(Router router, String path, String file) {
    router.get(path).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file));
  }
}
