package vn.binhyen.core.tips.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.binhyen.core.tips.attachments.MediaSniffer;
import vn.binhyen.core.tips.attachments.Upload;

/**
 * Fetches the photos, videos and voice messages of a platform message into files the attachment
 * store takes, because the links Facebook and Zalo send point at their CDNs and stop working after
 * a while. Only links on the allow-list of origins ({@code BINHYEN_WEBHOOK_MEDIA_ORIGINS}) are
 * fetched, without following redirects, within the attachment size limit and a time limit, and
 * only content sniffed as image, video or audio is kept. A link that is not fetched stays on the
 * tip as a link, so nothing the citizen sent is dropped.
 */
public final class MediaFetcher {

  /** What came of a message's links: files to store, and links left as they were. */
  public record Fetched(List<Upload> files, List<String> links) {}

  /** The CDNs Facebook Messenger and Zalo OA send attachment links on. */
  public static final String DEFAULT_ORIGINS =
      "https://*.fbcdn.net,https://*.fbsbx.com,https://*.facebook.com,https://*.zadn.vn,https://*.zdn.vn,https://*.zalo.me";
  private static final int TIMEOUT_MS = 15_000;

  private final Vertx vertx;
  private final HttpClient client;
  private final Path tmpDir;
  private final long maxBytes;
  private final List<String> origins;

  public MediaFetcher(Vertx vertx, Path tmpDir, long maxBytes, String origins) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MS)
        .setIdleTimeout(TIMEOUT_MS / 1000).setTrustAll(false).setVerifyHost(true));
    this.tmpDir = tmpDir;
    this.maxBytes = maxBytes;
    this.origins = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Fetches every link it may; never fails (a link it could not fetch is returned as a link). */
  public Future<Fetched> fetchAll(List<String> urls) {
    List<Future<Upload>> all = urls.stream().map(u -> fetch(u).otherwise(e -> null)).toList();
    return Future.join(all).transform(x -> {
      List<Upload> files = new ArrayList<>();
      List<String> links = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        Upload u = all.get(i).result();
        if (u == null) {
          links.add(urls.get(i));
        } else {
          files.add(u);
        }
      }
      return Future.succeededFuture(new Fetched(files, links));
    });
  }

  /** Deletes the temporary files of a fetch (the store has copied what it kept). */
  public Future<Void> discard(Fetched fetched) {
    return Future.join(fetched.files().stream()
            .map(u -> vertx.fileSystem().delete(u.file().toString()).otherwiseEmpty()).toList())
        .mapEmpty();
  }

  /** Whether {@code url} is on an allowed origin: same scheme, host equal to or under the pattern's, same port if given. */
  boolean allowed(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    if (uri.getScheme() == null || uri.getHost() == null || uri.getUserInfo() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    for (String origin : origins) {
      URI o = URI.create(origin.replace("*.", "wildcard."));
      boolean wildcard = origin.contains("*.");
      String oHost = o.getHost() == null ? "" : o.getHost().toLowerCase(Locale.ROOT).replaceFirst("^wildcard\\.", "");
      boolean hostOk = wildcard ? host.endsWith("." + oHost) : host.equals(oHost);
      boolean portOk = o.getPort() == -1 || o.getPort() == uri.getPort();
      if (scheme.equals(o.getScheme()) && hostOk && portOk) {
        return true;
      }
    }
    return false;
  }

  private Future<Upload> fetch(String url) {
    if (!allowed(url)) {
      return Future.failedFuture("origin not allowed: " + url);
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setFollowRedirects(false).setIdleTimeout(TIMEOUT_MS);
    return client.request(options)
        .compose(req -> req.send())
        .compose(resp -> {
          if (resp.statusCode() != 200) {
            resp.request().reset();
            return Future.failedFuture("HTTP " + resp.statusCode());
          }
          String length = resp.getHeader("Content-Length");
          if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
            resp.request().reset();
            return Future.failedFuture("too large");
          }
          Promise<Buffer> body = Promise.promise();
          Buffer all = Buffer.buffer();
          resp.handler(chunk -> {
            if (all.length() + chunk.length() > maxBytes) {
              resp.request().reset();
              body.tryFail("too large");
            } else {
              all.appendBuffer(chunk);
            }
          });
          resp.exceptionHandler(body::tryFail);
          resp.endHandler(v -> body.tryComplete(all));
          return body.future();
        })
        .compose(content -> {
          byte[] head = content.getBytes(0, Math.min(content.length(), MediaSniffer.HEAD));
          if (content.length() == 0 || MediaSniffer.sniff(head).isEmpty()) {
            return Future.failedFuture("not an image, video or audio file");
          }
          return vertx.fileSystem().createTempFile(tmpDir.toString(), "media-", ".part", (String) null)
              .compose(file -> vertx.fileSystem().writeFile(file, content)
                  .map(v -> new Upload(fileName(url), Path.of(file), content.length())));
        });
  }

  /** The last segment of the link's path, as the file's name (at most 100 characters). */
  static String fileName(String url) {
    String path = URI.create(url).getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    last = last.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    return last.isEmpty() ? "attachment" : last.substring(0, Math.min(100, last.length()));
  }
}
