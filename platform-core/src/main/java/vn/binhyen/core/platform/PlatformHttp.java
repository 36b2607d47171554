package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One JSON POST to a platform API: the answer's status and JSON body, or a failed future. */
final class PlatformHttp {

  /** A platform's answer. */
  record Answer(int status, JsonObject body) {}

  private static final long CONNECT_MS = 10_000;
  private static final long IDLE_MS = 15_000;

  private final HttpClient client;

  PlatformHttp(Vertx vertx) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) CONNECT_MS)
        .setIdleTimeout((int) (IDLE_MS / 1000)).setMaxRedirects(0));
  }

  /**
   * Fails when there is no answer, when the platform answers 5xx (its own trouble: try again) or
   * with anything but a JSON object.
   */
  Future<Answer> post(String absoluteUrl, Map<String, String> headers, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(absoluteUrl)
        .setFollowRedirects(false).setIdleTimeout(IDLE_MS).putHeader("Content-Type", "application/json");
    headers.forEach(options::putHeader);
    return client.request(options)
        .compose(req -> req.send(body.toBuffer()))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() >= 500) {
            throw new IllegalStateException("platform answered " + resp.statusCode());
          }
          try {
            return new Answer(resp.statusCode(), new JsonObject(b));
          } catch (DecodeException | ClassCastException e) {
            throw new IllegalStateException("platform answered " + resp.statusCode() + " without a JSON object");
          }
        }));
  }
}
