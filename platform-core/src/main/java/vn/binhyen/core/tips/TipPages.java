package vn.binhyen.core.tips;

import io.vertx.ext.web.Router;

/** The tips pages: public form and follow-up, officer inbox, supervisor dashboard. */
final class TipPages {

  private TipPages() {}

  static void mount(Router router) {
    page(router, "/tips/new", "web/tips/new.html");
    page(router, "/tips/follow", "web/tips/follow.html");
    page(router, "/tips/inbox", "web/tips/inbox.html");
    page(router, "/dashboard", "web/tips/dashboard.html");
  }

  private static void page(Router router, String path, String file) {
    router.get(path).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file));
  }
}
