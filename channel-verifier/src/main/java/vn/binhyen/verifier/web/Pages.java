package vn.binhyen.verifier.web;

import io.vertx.ext.web.Router;
import vn.binhyen.core.http.HtmlPages;

/**
 * The citizen pages (plain HTML; scripts in /static/js, text set with textContent) and, only when
 * {@code BINHYEN_BENCH_ROUTES=true}, the hello-world route the benchmark measures its ceiling with.
 */
public final class Pages {

  private Pages() {
  }

  /** The WebJar's version (pom.xml, tweetnacl.version); the file names are the npm package's. */
  static final String TWEETNACL = "0.14.5";

  public static void mount(Router router, boolean benchRoutes) {
    HtmlPages.page(router, "/verify", "web/verifier/verify.html");
    HtmlPages.page(router, "/units", "web/verifier/unit-channels.html");
    HtmlPages.page(router, "/units/:code/channels", "web/verifier/unit-channels.html");
    HtmlPages.page(router, "/badge/:id", "web/verifier/badge.html");
    HtmlPages.page(router, "/keys", "web/verifier/keys.html");
    // TweetNaCl.js from its WebJar: the offline check's Ed25519 where WebCrypto has none.
    router.route("/vendor/tweetnacl/*").handler(io.vertx.ext.web.handler.StaticHandler
        .create("META-INF/resources/webjars/tweetnacl/" + TWEETNACL).setCachingEnabled(true).setMaxAgeSeconds(86_400));
    if (benchRoutes) {
      router.get("/bench/hello").handler(ctx -> ctx.response()
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end("{\"hello\":\"world\"}"));
    }
  }
}
