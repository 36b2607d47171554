package vn.binhyen.verifier.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Base64;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.ratelimit.PublicCeilings;
import vn.binhyen.core.ratelimit.RateLimiter;
import vn.binhyen.core.text.Bilingual;
import vn.binhyen.verifier.qr.QrFrames;

/**
 * {@code POST /api/public/qr/decode}: the text of the QR code in one camera frame, for /verify's
 * scanner on browsers without BarcodeDetector. Per-client limit a minute, then the {@code qr.decode}
 * ceiling over all clients; decoding runs off the event loop. The frame is neither stored nor logged.
 */
public final class QrScanRoutes {

  private final RateLimiter limiter;
  private final PublicCeilings ceilings;
  private final int perMinute;

  public QrScanRoutes(RateLimiter limiter, PublicCeilings ceilings, int perMinute) {
    this.limiter = limiter;
    this.ceilings = ceilings;
    this.perMinute = perMinute;
  }

  public void mount(Api api) {
    api.operation("decodeQrFrame", this::decode);
  }

  private void decode(RoutingContext ctx) {
    byte[] image = image(Json.body(ctx).getString("image"));
    Future<Void> allowed = perMinute <= 0
        ? Future.succeededFuture()
        : limiter.hit("qr-decode", Requests.clientAddress(ctx), perMinute, Duration.ofMinutes(1))
            .compose(x -> ceilings.admit("qr.decode", perMinute));
    allowed.compose(x -> ctx.vertx().executeBlocking(() -> QrFrames.decode(image), false))
        .onSuccess(text -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          Json.ok(ctx, new JsonObject().put("text", text));
        })
        .onFailure(ctx::fail);
  }

  /** The base64 of a JPEG or PNG, bare or as the data: URL a canvas gives. */
  static byte[] image(String field) {
    String b64 = field == null ? "" : field;
    int comma = b64.startsWith("data:") ? b64.indexOf(',') : -1;
    if (comma >= 0) {
      b64 = b64.substring(comma + 1);
    }
    try {
      return Base64.getMimeDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("invalid-image", new Bilingual("Ảnh không phải base64 hợp lệ",
          "The image is not valid base64"));
    }
  }
}
