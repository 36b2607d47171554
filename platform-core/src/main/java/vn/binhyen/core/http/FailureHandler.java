package vn.binhyen.core.http;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.VertxException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.error.DomainError;

/**
 * The one failure handler: every error becomes problem+json, in the language the request asks
 * for (see {@link Problems}). Anything unexpected is a 500 whose
 * stack trace is logged once, here, with the request id, and never sent to the client.
 */
public final class FailureHandler {

  private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

  private FailureHandler() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    int shown = failure instanceof DomainError e ? e.status()
        : failure instanceof HttpException http ? http.getStatusCode() : failure == null ? status : 500;
    if (ErrorPages.wantsHtml(ctx, shown)) {
      ErrorPages.send(ctx, shown);
      return;
    }
    if (failure instanceof DomainError e) {
      if (e instanceof DomainError.TooManyRequests r) {
        ctx.response().putHeader("Retry-After", Long.toString(r.retryAfterSeconds()));
      }
      if (e instanceof DomainError.Unauthenticated) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"binhyen\"");
      }
      Problems.send(ctx, e.status(), e.slug(), e.titles(), e.detail(), e.extensions());
      return;
    }
    if (failure == null) {
      byStatus(ctx, status);
      return;
    }
    if (failure instanceof HttpException http) {
      if (http.getCause() != null && http.getStatusCode() == 400) {
        validation(ctx, http.getCause());
      } else {
        byStatus(ctx, http.getStatusCode());
      }
      return;
    }
    if (failure instanceof ValidatorException) {
      validation(ctx, failure);
      return;
    }
    if (failure instanceof DecodeException || failure instanceof DecoderException
        || failure instanceof IllegalArgumentException && status == 400) {
      Problems.send(ctx, 400, "malformed-request", "Yêu cầu không hợp lệ / Malformed request",
          "Nội dung yêu cầu không đọc được (JSON/UTF-8 lỗi) / the request body could not be read", null);
      return;
    }
    if (failure instanceof NumberFormatException) {
      // A number read from the request that the contract let through (routes outside it).
      Problems.send(ctx, 400, "bad-parameter", "Tham số không hợp lệ / Invalid parameter",
          "Một số trong địa chỉ hoặc tham số không phải số nguyên hợp lệ"
              + " / a number in the address or a parameter is not a valid whole number", null);
      return;
    }
    if (isDatabaseDown(failure)) {
      log.warn("[{}] {} {}: database unavailable: {}", Requests.requestId(ctx),
          ctx.request().method(), ctx.request().path(), failure.toString());
      ctx.response().putHeader("Retry-After", "5");
      Problems.send(ctx, 503, "unavailable", "Dịch vụ tạm thời không sẵn sàng / Service unavailable",
          "Cơ sở dữ liệu tạm thời không truy cập được, hãy thử lại sau ít giây"
              + " / the database is unavailable, retry in a few seconds", null);
      return;
    }
    if (failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
      Problems.send(ctx, 400, "invalid-value", "Giá trị không hợp lệ / Invalid value",
          "Một giá trị trong yêu cầu không hợp lệ / a value in the request is out of range or malformed", null);
      return;
    }
    log.error("[{}] {} {} failed", Requests.requestId(ctx), ctx.request().method(),
        ctx.request().path(), failure);
    Problems.send(ctx, 500, "internal", "Lỗi hệ thống / Internal error",
        "Đã có lỗi ngoài dự kiến; mã yêu cầu " + Requests.requestId(ctx)
            + " / an unexpected error occurred; quote the request id", null);
  }

  static boolean isDatabaseDown(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      // SocketException covers a refused connection and one reset by a stopping server.
      if (c instanceof SocketException || c instanceof ClosedConnectionException
          || c instanceof TimeoutException) {
        return true;
      }
      if (c instanceof PgException pg && pg.getSqlState() != null && unavailableState(pg.getSqlState())) {
        return true;
      }
      if (isPoolOrConnectionState(c)) {
        return true;
      }
      // A stopping server can also reset the connection while the client writes to it: Netty
      // reports a plain IOException ("Connection reset by peer") from the SQL client's socket.
      if (c instanceof java.io.IOException && fromSqlClient(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Connection failures (class 08), a server shutting down or starting (57P01-57P03), and a write
   * refused by a server in recovery (25006 read_only_sql_transaction: a replica, or a primary
   * demoted during a failover while the connection still reached it): all pass with the switch.
   */
  static boolean unavailableState(String sqlState) {
    return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("25006");
  }

  /**
   * The SQL pool and connection report their own state ("Pool closed", "Timeout" while waiting
   * for a connection, "Connection is not active now") as a bare, stackless {@link VertxException}
   * and give it no type of its own. Recognised by that shape, never by the message: application
   * code and other Vert.x modules throw subclasses (HttpException, ...) or exceptions with a
   * stack trace, which stay 500s.
   */
  static boolean isPoolOrConnectionState(Throwable t) {
    Class<?> type = t.getClass();
    // NoStackTraceThrowable: what a waiter for a pool connection gets when the connection
    // timeout passes ("Timeout", seen while a Patroni failover was under way: HaFailoverIT).
    boolean bare = type == VertxException.class || type == io.vertx.core.impl.NoStackTraceException.class
        || type == io.vertx.core.impl.NoStackTraceThrowable.class;
    return bare && t.getStackTrace().length == 0;
  }

  private static boolean fromSqlClient(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith("io.vertx.sqlclient.") || frame.getClassName().startsWith("io.vertx.pgclient.")) {
        return true;
      }
    }
    return false;
  }

  private static void byStatus(RoutingContext ctx, int status) {
    switch (status) {
      case 404 -> Problems.send(ctx, 404, "not-found", "Không tìm thấy / Not found",
          "Không có tài nguyên ở địa chỉ này / nothing here", null);
      case 405 -> Problems.send(ctx, 405, "method-not-allowed", "Phương thức không được hỗ trợ / Method not allowed",
          "Địa chỉ này không nhận phương thức " + ctx.request().method() + " / method not allowed here", null);
      case 413 -> Problems.send(ctx, 413, "too-large", "Nội dung quá lớn / Payload too large",
          "Nội dung yêu cầu vượt quá giới hạn cho phép / the request body is larger than allowed", null);
      case 415 -> Problems.send(ctx, 415, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ / Unsupported media type",
          "Hãy gửi application/json (hoặc multipart/form-data nơi có tệp đính kèm) / send application/json", null);
      case 401 -> {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"binhyen\"");
        Problems.send(ctx, 401, "unauthenticated", "Chưa đăng nhập / Not signed in",
            "Cần đăng nhập / sign-in required", null);
      }
      case 403 -> Problems.send(ctx, 403, "forbidden", "Không có quyền / Forbidden",
          "Không có quyền truy cập / not allowed", null);
      case 400 -> Problems.send(ctx, 400, "malformed-request", "Yêu cầu không hợp lệ / Malformed request",
          "Yêu cầu không hợp lệ / the request is malformed", null);
      default -> {
        if (status >= 400 && status < 500) {
          Problems.send(ctx, status, "client-error", "Yêu cầu không hợp lệ / Client error",
              "Yêu cầu không thể xử lý / the request cannot be processed", null);
        } else {
          log.error("[{}] {} {} failed with status {}", Requests.requestId(ctx), ctx.request().method(),
              ctx.request().path(), status);
          Problems.send(ctx, 500, "internal", "Lỗi hệ thống / Internal error",
              "Đã có lỗi ngoài dự kiến / an unexpected error occurred", null);
        }
      }
    }
  }

  /** OpenAPI validation failures: 400 with one entry per field (pointer, keyword, message). */
  private static void validation(RoutingContext ctx, Throwable cause) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String detail;
    if (cause instanceof SchemaValidationException sve && sve.getOutputUnit() != null) {
      List<OutputUnit> units = sve.getOutputUnit().getErrors();
      if (units != null) {
        boolean specific = units.stream().anyMatch(u -> !generic(keyword(u)));
        for (OutputUnit u : units) {
          if (specific && generic(keyword(u))) {
            continue;
          }
          errors.add(Map.of(
              "pointer", String.valueOf(u.getInstanceLocation()),
              "keyword", String.valueOf(keyword(u)),
              "message", String.valueOf(u.getError())));
        }
      }
      detail = "Dữ liệu gửi lên không đúng khuôn dạng / the request does not match the API contract: "
          + sve.getMessage();
    } else if (cause instanceof ValidatorException ve) {
      detail = "Yêu cầu không đúng khuôn dạng (" + ve.type() + ") / the request does not match the API contract: "
          + ve.getMessage();
    } else {
      detail = "Yêu cầu không hợp lệ / invalid request";
    }
    if (detail.length() > 500) {
      detail = detail.substring(0, 500);
    }
    Problems.send(ctx, 400, "validation", "Dữ liệu không hợp lệ / Validation failed", detail,
        errors.isEmpty() ? null : Map.of("errors", errors));
  }

  private static String keyword(OutputUnit u) {
    String loc = u.getKeywordLocation();
    if (loc == null) {
      return "";
    }
    int slash = loc.lastIndexOf('/');
    return slash < 0 ? loc : loc.substring(slash + 1);
  }

  private static boolean generic(String keyword) {
    return "properties".equals(keyword) || "$ref".equals(keyword) || "allOf".equals(keyword);
  }
}
