package vn.binhyen.core.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import vn.binhyen.core.text.Bilingual;
import vn.binhyen.core.text.Language;

/**
 * The HTTP server's invalid-request handler: a request the HTTP codec could not read never
 * reaches the router, so it is answered here, in problem+json like every other refusal, and its
 * connection closed (after a framing error the rest of the byte stream cannot be trusted).
 * <ul>
 *   <li>request line over {@code BINHYEN_HTTP_MAX_LINE_BYTES}: 414 {@code uri-too-long};</li>
 *   <li>header block over {@code BINHYEN_HTTP_MAX_HEADER_BYTES}: 431 {@code headers-too-large};</li>
 *   <li>both Transfer-Encoding and Content-Length: 400 {@code ambiguous-framing};</li>
 *   <li>anything else the codec refuses: 400 {@code malformed-request}.</li>
 * </ul>
 */
public final class InvalidRequests {

  private InvalidRequests() {}

  public static void handle(HttpServerRequest req) {
    Problem p = problemFor(req.decoderResult() == null ? null : req.decoderResult().cause());
    // The headers may be what could not be read: then the answer is in the default language.
    Language lang = Language.fromAcceptLanguage(req.headers().get("Accept-Language"));
    JsonObject body = new JsonObject()
        .put("type", Problems.TYPE_BASE + p.slug())
        .put("title", Bilingual.of(p.title()).in(lang))
        .put("status", p.status())
        .put("detail", Bilingual.of(p.detail()).in(lang));
    req.response()
        .setStatusCode(p.status())
        .putHeader("Content-Type", Problems.CONTENT_TYPE)
        .putHeader("Content-Language", lang.tag())
        .putHeader("Connection", "close")
        .end(body.encode())
        .onComplete(x -> req.connection().close());
  }

  record Problem(int status, String slug, String title, String detail) {}

  static Problem problemFor(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return new Problem(414, "uri-too-long", "Địa chỉ quá dài / URI too long",
          "Dòng yêu cầu (phương thức và địa chỉ) dài quá giới hạn cho phép"
              + " / the request line (method and address) is longer than allowed");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new Problem(431, "headers-too-large", "Phần đầu yêu cầu quá lớn / Request header fields too large",
          "Tổng kích thước các trường đầu (header) vượt quá giới hạn cho phép"
              + " / the request's header fields are larger than allowed");
    }
    if (cause instanceof StrictRequestDecoder.AmbiguousFraming) {
      return new Problem(400, "ambiguous-framing", "Yêu cầu không hợp lệ / Malformed request",
          "Yêu cầu có cả Transfer-Encoding và Content-Length; kết nối bị đóng"
              + " / the request carries both Transfer-Encoding and Content-Length; the connection is closed");
    }
    return new Problem(400, "malformed-request", "Yêu cầu không hợp lệ / Malformed request",
        "Không đọc được yêu cầu HTTP / the HTTP request could not be read");
  }
}
