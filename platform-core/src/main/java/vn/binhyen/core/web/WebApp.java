package vn.binhyen.core.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.util.HashMap;
import java.util.Map;

/**
 * The citizen pages as an installable web app: the manifest, the service worker at {@code /sw.js}
 * (its scope is {@code /}, the whole citizen site) and the icons. See docs/verification.md,
 * "Offline verification", for what the worker keeps.
 */
public final class WebApp {

  private static final Map<Integer, Buffer> ICONS = new HashMap<>();

  static {
    for (int size : AppIcons.SIZES) {
      ICONS.put(size, Buffer.buffer(AppIcons.png(size)));
    }
  }

  private WebApp() {}

  public static void mount(Router router) {
    router.get("/manifest.webmanifest").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/manifest+json; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile("web/app/manifest.webmanifest"));
    // A service worker's scope is at most its own folder: served from / it may control every page.
    // no-cache, so a new deployment's worker is picked up at the next visit.
    router.get("/sw.js").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/javascript; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Service-Worker-Allowed", "/")
        .sendFile("web/app/sw.js"));
    router.get("/static/icons/:file").handler(ctx -> {
      Buffer icon = switch (ctx.pathParam("file")) {
        case "icon-192.png" -> ICONS.get(192);
        case "icon-512.png" -> ICONS.get(512);
        default -> null;
      };
      if (icon == null) {
        ctx.next();
        return;
      }
      ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "max-age=86400").end(icon);
    });
  }
}
