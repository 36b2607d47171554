package vn.binhyen.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder alone, on Netty's in-memory channel: what it hands on for a given byte stream. */
class StrictRequestDecoderTest {

  private static List<Object> decode(String bytes) {
    EmbeddedChannel channel = new EmbeddedChannel(new StrictRequestDecoder(new HttpServerOptions()));
    channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    List<Object> out = new ArrayList<>();
    for (Object o; (o = channel.readInbound()) != null; ) {
      out.add(o);
    }
    channel.finishAndReleaseAll();
    return out;
  }

  private static void assertRefusedAndNothingAfter(List<Object> out) {
    HttpRequest first = assertInstanceOf(HttpRequest.class, out.get(0), out.toString());
    assertInstanceOf(StrictRequestDecoder.AmbiguousFraming.class, first.decoderResult().cause());
    assertEquals(2, out.size(), "the refused request and its (empty) end, nothing more: " + out);
    assertEquals(0, ((LastHttpContent) out.get(1)).content().readableBytes());
    out.forEach(ReferenceCountUtil::release);
  }

  @Test
  void both_framing_headers_fail_the_request_and_hide_what_was_smuggled_behind_it() {
    String body = "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n";
    assertRefusedAndNothingAfter(decode("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body));
    assertRefusedAndNothingAfter(decode("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Length: 3\r\n\r\n" + body));
  }

  @Test
  void a_transfer_encoding_not_ending_in_chunked_or_in_http_1_0_fails_the_request() {
    assertRefusedAndNothingAfter(decode("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
        + "GET /admin HTTP/1.1\r\nHost: x\r\n\r\n"));
    assertRefusedAndNothingAfter(decode("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n"
        + "Content-Length: 4\r\n\r\nabcd"));
    assertRefusedAndNothingAfter(decode("POST /a HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Length: 5\r\n\r\n0\r\n\r\n"));
  }

  @Test
  void ordinary_content_length_chunked_and_pipelined_requests_pass_untouched() {
    List<Object> out = decode("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
        + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
        + "GET /c HTTP/1.1\r\nHost: x\r\n\r\n");
    List<String> uris = new ArrayList<>();
    StringBuilder bodies = new StringBuilder();
    for (Object o : out) {
      if (o instanceof HttpRequest r) {
        assertTrue(r.decoderResult().isSuccess(), r.toString());
        uris.add(r.uri());
      }
      if (o instanceof HttpContent c) {
        bodies.append(c.content().toString(StandardCharsets.ISO_8859_1));
      }
      ReferenceCountUtil.release(o);
    }
    assertEquals(List.of("/a", "/b", "/c"), uris);
    assertEquals("hiok", bodies.toString());
  }

  @Test
  void a_request_without_transfer_encoding_is_never_unframeable() {
    List<Object> out = decode("GET /c HTTP/1.0\r\nHost: x\r\n\r\n");
    assertNull(((HttpRequest) out.get(0)).decoderResult().cause());
    out.forEach(ReferenceCountUtil::release);
  }
}
