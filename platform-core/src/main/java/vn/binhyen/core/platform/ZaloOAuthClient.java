package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Zalo's OAuth v4 refresh of an OA access token: {@code POST /v4/oa/access_token} (form:
 * {@code refresh_token}, {@code app_id}, {@code grant_type=refresh_token}; header
 * {@code secret_key}: the app's secret) answers {@code access_token}, a new {@code refresh_token}
 * (a refresh token works once: the new one must be stored before anything else can fail) and
 * {@code expires_in} (seconds, sent as a string); a refusal is {@code {"error": <negative>,
 * "error_name", "error_description"}}.
 */
public final class ZaloOAuthClient {

  /** What the refresh answered. */
  public sealed interface Refresh {
    record Tokens(String accessToken, String refreshToken, long expiresInSeconds) implements Refresh {}

    record Refused(int code, String message) implements Refresh {}
  }

  private final PlatformHttp http;
  private final String base;

  ZaloOAuthClient(PlatformHttp http, String base) {
    this.http = http;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public Future<Refresh> refresh(String appId, String secretKey, String refreshToken) {
    return http.postForm(base + "/v4/oa/access_token", Map.of("secret_key", secretKey),
        Map.of("refresh_token", refreshToken, "app_id", appId, "grant_type", "refresh_token"))
        .map(a -> result(a.body()));
  }

  static Refresh result(JsonObject answer) {
    String access = answer.getString("access_token");
    if (access != null) {
      String refresh = answer.getString("refresh_token");
      if (refresh == null) {
        throw new IllegalStateException("Zalo refreshed the access token without a new refresh token");
      }
      Object exp = answer.getValue("expires_in");
      long seconds = exp instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(exp));
      return new Refresh.Tokens(access, refresh, seconds);
    }
    Object err = answer.getValue("error");
    if (!(err instanceof Number n)) {
      throw new IllegalStateException("Zalo's token endpoint answered neither tokens nor an error");
    }
    Object why = answer.getValue("error_description", answer.getValue("error_name", answer.getValue("message")));
    return new Refresh.Refused(n.intValue(), String.valueOf(why));
  }
}
