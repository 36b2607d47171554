package vn.binhyen.core.http;

import io.vertx.ext.web.Router;

/**
 * The web UI's pages: plain HTML files from the class path whose scripts call the API (no build
 * step, no server-side templating), never cached, so a deployment's new page is what users get.
 */
public final class HtmlPages {

  private HtmlPages() {}

  /** Serves the class-path file {@code file} (e.g. {@code web/tips/new.html}) at GET {@code path}. */
  public static void page(Router router, String path, String file) {
    router.get(path).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file));
  }
}
