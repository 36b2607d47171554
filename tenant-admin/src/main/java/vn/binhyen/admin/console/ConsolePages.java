package vn.binhyen.admin.console;

import io.vertx.ext.web.Router;

/** The admin console's pages (plain HTML; scripts are separate files under /static/js/admin-*.js). */
public final class ConsolePages {

  private ConsolePages() {}

  public static void mount(Router router) {
    page(router, "/admin", "web/admin/index.html");
    page(router, "/admin/setup", "web/admin/setup.html");
  }

  private static void page(Router router, String path, String file) {
    router.get(path).handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").sendFile(file));
  }
}
