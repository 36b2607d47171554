package vn.binhyen.core.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.error.DomainError;

/**
 * The first root handler: refuses requests whose framing or address is malformed before any
 * parsing, routing or authentication: a GET or HEAD with a body, and an address whose %-escape is
 * not two hex digits (which would otherwise fail later, in whichever handler first reads a
 * parameter). A request with both Transfer-Encoding and Content-Length never reaches here:
 * {@link StrictRequestDecoder} fails it in the HTTP codec and {@link InvalidRequests} answers it.
 */
public final class RequestGuard {

  private RequestGuard() {}

  public static void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if ((req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD) && hasBody(req)) {
      ctx.fail(new DomainError.Invalid("body-not-allowed",
          "Yêu cầu " + req.method() + " không được có nội dung / a " + req.method() + " request must not have a body"));
      return;
    }
    if (!wellEscaped(req.uri())) {
      ctx.fail(new DomainError.Invalid("malformed-escape",
          "Địa chỉ có mã % không hợp lệ (sau % phải là hai chữ số hệ 16)"
              + " / the address has a malformed %-escape (a % must be followed by two hex digits)"));
      return;
    }
    ctx.next();
  }

  private static boolean hasBody(HttpServerRequest req) {
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    return req.headers().contains(HttpHeaders.TRANSFER_ENCODING) || length != null && !length.trim().equals("0");
  }

  static boolean wellEscaped(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      if (uri.charAt(i) == '%') {
        if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
            || Character.digit(uri.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      }
    }
    return true;
  }
}
