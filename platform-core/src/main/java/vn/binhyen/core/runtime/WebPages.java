package vn.binhyen.core.runtime;

import io.vertx.ext.web.Router;
import vn.binhyen.core.http.HtmlPages;

/** The server-served web UI shell: plain HTML pages whose scripts call the API (no build step). */
final class WebPages {

  private WebPages() {}

  static void mount(Router router) {
    // "/" is the citizen home (no sign-in); staff sign in at /login and land on /home.
    HtmlPages.page(router, "/", "web/citizen.html");
    HtmlPages.page(router, "/login", "web/login.html");
    HtmlPages.page(router, "/home", "web/home.html");
  }
}
