package vn.binhyen.core.tips;

import io.vertx.ext.web.Router;
import vn.binhyen.core.http.HtmlPages;

/** The tips pages: public form and follow-up, officer inbox, supervisor dashboard. */
final class TipPages {

  private TipPages() {}

  static void mount(Router router) {
    HtmlPages.page(router, "/tips/new", "web/tips/new.html");
    HtmlPages.page(router, "/tips/follow", "web/tips/follow.html");
    HtmlPages.page(router, "/tips/inbox", "web/tips/inbox.html");
    HtmlPages.page(router, "/dashboard", "web/tips/dashboard.html");
  }
}
