package vn.binhyen.admin.console;

import io.vertx.ext.web.Router;
import vn.binhyen.core.http.HtmlPages;

/** The admin console's pages (plain HTML; scripts are separate files under /static/js/admin-*.js). */
public final class ConsolePages {

  private ConsolePages() {}

  public static void mount(Router router) {
    HtmlPages.page(router, "/admin", "web/admin/index.html");
    HtmlPages.page(router, "/admin/setup", "web/admin/setup.html");
  }
}
