package vn.binhyen.core.tips.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Which links may be fetched: the allow-list of origins (no network here). */
class MediaFetcherTest {

  private static final Vertx VERTX = Vertx.vertx();
  private final MediaFetcher platforms = new MediaFetcher(VERTX, Path.of("target"), 1024, MediaFetcher.DEFAULT_ORIGINS);
  private final MediaFetcher local = new MediaFetcher(VERTX, Path.of("target"), 1024, "http://127.0.0.1:8080, https://cdn.example.vn");

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  void the_platforms_cdns_are_allowed_over_https_only() {
    assertTrue(platforms.allowed("https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg?oh=1&oe=2"));
    assertTrue(platforms.allowed("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1"));
    assertTrue(platforms.allowed("https://dl.zadn.vn/photo.jpg"));
    assertFalse(platforms.allowed("http://scontent.xx.fbcdn.net/photo.jpg"), "plain http");
    assertFalse(platforms.allowed("https://fbcdn.net.evil.example/photo.jpg"), "a look-alike host");
    assertFalse(platforms.allowed("https://evilfbcdn.net/photo.jpg"), "not a subdomain");
    assertFalse(platforms.allowed("https://user@scontent.fbcdn.net/photo.jpg"), "credentials in the link");
    assertFalse(platforms.allowed("https://169.254.169.254/latest/meta-data"));
    assertFalse(platforms.allowed("file:///etc/passwd"));
    assertFalse(platforms.allowed("not a link"));
  }

  @Test
  void an_exact_origin_needs_the_same_host_scheme_and_port() {
    assertTrue(local.allowed("http://127.0.0.1:8080/a.png"));
    assertFalse(local.allowed("http://127.0.0.1:8081/a.png"));
    assertFalse(local.allowed("http://localhost:8080/a.png"));
    assertTrue(local.allowed("https://cdn.example.vn/a.png"));
    assertTrue(local.allowed("https://cdn.example.vn:8443/a.png"), "no port in the pattern: any port");
    assertFalse(local.allowed("https://x.cdn.example.vn/a.png"), "no wildcard: the host itself only");
  }

  @Test
  void the_file_name_is_the_links_last_segment_made_safe() {
    assertEquals("photo.jpg", MediaFetcher.fileName("https://scontent.fbcdn.net/v/t1/photo.jpg?oh=1"));
    assertEquals("attachment", MediaFetcher.fileName("https://dl.zadn.vn/"));
    assertEquals("a_b.png", MediaFetcher.fileName("https://dl.zadn.vn/a%20b.png"));
  }
}
