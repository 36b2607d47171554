package vn.binhyen.core.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One JSON POST to a platform API: the answer's status and JSON body, or a failed future. */
final class PlatformHttp {

  /** A platform's answer. */
  record Answer(int status, JsonObject body) {}

  private final HttpClient client;
  private final PlatformSettings settings;

  PlatformHttp(Vertx vertx, PlatformSettings settings) {
    this.settings = settings;
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(settings.connectTimeoutMs())
        .setIdleTimeout(settings.idleTimeoutMs()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setMaxRedirects(0));
  }

  /**
   * Fails when there is no answer within the settings' bounds, when the platform answers 5xx (its
   * own trouble: try again) or with anything but a JSON object.
   */
  Future<Answer> post(String absoluteUrl, Map<String, String> headers, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(absoluteUrl)
        .setFollowRedirects(false).setConnectTimeout(settings.connectTimeoutMs())
        .setIdleTimeout(settings.idleTimeoutMs()).putHeader("Content-Type", "application/json");
    headers.forEach(options::putHeader);
    // The body is asked for inside the callback that receives the response, on its context, before
    // any of the body can be delivered. Asked for one link later in a flat chain
    // (request().compose(send).compose(body)), it was attached whenever the calling thread got to
    // it: a caller descheduled under load attached it after the response had ended, and the body's
    // future never completed (PlatformClientsIT hung in await()).
    return client.request(options)
        .compose(req -> req.send(body.toBuffer()).compose(PlatformHttp::answer))
        .timeout(settings.callTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  /**
   * One form POST ({@code application/x-www-form-urlencoded}), bounded and answered as {@link #post}:
   * Zalo's OAuth endpoints take forms, not JSON.
   */
  Future<Answer> postForm(String absoluteUrl, Map<String, String> headers, Map<String, String> form) {
    StringBuilder text = new StringBuilder();
    form.forEach((k, v) -> text.append(text.length() == 0 ? "" : "&")
        .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(absoluteUrl)
        .setFollowRedirects(false).setConnectTimeout(settings.connectTimeoutMs())
        .setIdleTimeout(settings.idleTimeoutMs()).putHeader("Content-Type", "application/x-www-form-urlencoded");
    headers.forEach(options::putHeader);
    // As in post: the body is asked for inside the response's callback.
    return client.request(options)
        .compose(req -> req.send(io.vertx.core.buffer.Buffer.buffer(text.toString())).compose(PlatformHttp::answer))
        .timeout(settings.callTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  /** A file sent in a multipart body: its form field, name, media type and content. */
  record FilePart(String field, String fileName, String mediaType, io.vertx.core.buffer.Buffer content) {}

  /**
   * One {@code multipart/form-data} POST (text fields, then one file), bounded and answered as
   * {@link #post}: the platforms' upload APIs take the file this way.
   */
  Future<Answer> postMultipart(String absoluteUrl, Map<String, String> headers, Map<String, String> fields,
      FilePart file) {
    String boundary = "binhyen-" + java.util.UUID.randomUUID().toString().replace("-", "");
    io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
    fields.forEach((k, v) -> body.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n"));
    body.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.mediaType() + "\r\n\r\n")
        .appendBuffer(file.content()).appendString("\r\n--" + boundary + "--\r\n");
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(absoluteUrl)
        .setFollowRedirects(false).setConnectTimeout(settings.connectTimeoutMs())
        .setIdleTimeout(settings.idleTimeoutMs())
        .putHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
    headers.forEach(options::putHeader);
    // As in post: the body is asked for inside the response's callback.
    return client.request(options)
        .compose(req -> req.send(body).compose(PlatformHttp::answer))
        .timeout(settings.callTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  private static Future<Answer> answer(HttpClientResponse resp) {
    return resp.body().map(b -> {
      if (resp.statusCode() >= 500) {
        throw new IllegalStateException("platform answered " + resp.statusCode());
      }
      try {
        return new Answer(resp.statusCode(), new JsonObject(b));
      } catch (DecodeException | ClassCastException e) {
        throw new IllegalStateException("platform answered " + resp.statusCode() + " without a JSON object");
      }
    });
  }
}
