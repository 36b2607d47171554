package vn.binhyen.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x's HTTP/1.x request decoder, made strict about ambiguous framing: a request carrying both
 * {@code Transfer-Encoding} and {@code Content-Length} (or a Transfer-Encoding that does not end in
 * chunked) is marked as failed instead of silently losing its Content-Length (Netty's default,
 * RFC 9112 §6.3), so the invalid-request handler
 * ({@link InvalidRequests}) answers 400 and closes the connection: no second request can be
 * smuggled in the body (RFC 9112 §6.1, §11.2).
 *
 * <p>Installed from the server's connection handler, which Vert.x calls while it builds the
 * connection's pipeline, before the first byte is read. Vert.x 5 has no public hook for this; the
 * decoder's name ({@code httpDecoder}) and its class are Vert.x internals: if a Vert.x upgrade
 * changes them, {@link #install} logs an error for every connection it cannot make strict, and
 * HttpFramingIT fails.
 */
public final class StrictRequestDecoder extends VertxHttpRequestDecoder {

  private static final Logger log = LoggerFactory.getLogger(StrictRequestDecoder.class);
  static final String NAME = "httpDecoder";
  /** The time a request line and its headers may take to arrive, from their first byte. */
  static final long HEADER_DEADLINE_SECONDS = 10;

  /** The failure a request with both framing headers carries; {@link InvalidRequests} answers it. */
  public static final class AmbiguousFraming extends RuntimeException {
    AmbiguousFraming() {
      super("Transfer-Encoding and Content-Length together", null, false, false);
    }
  }

  /** Set on the first ambiguous request: nothing after it on this connection is decoded. */
  private boolean poisoned;
  /** Between requests (and at the start): the next byte begins a request line. */
  private boolean betweenRequests = true;
  /** When the first byte of the request whose headers are being read arrived (0: none). */
  private long headersStartedNanos;

  public StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  /** Netty calls this for an HTTP/1.1 request with both headers, and then drops Content-Length. */
  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    super.handleTransferEncodingChunkedWithContentLength(message);
    message.setDecoderResult(DecoderResult.failure(new AmbiguousFraming()));
  }

  /**
   * A request whose body length cannot be told for sure fails (RFC 9112 §6.1, §6.3): both
   * framing headers, a Transfer-Encoding whose last coding is not {@code chunked} (Netty would
   * read no body and take the body for the next request), or a Transfer-Encoding in HTTP/1.0.
   * That request then ends there (an empty last content), and its body and everything after it
   * are dropped unread: no pipelined or smuggled request behind it is ever decoded while the
   * refusal is written and the connection closed.
   */
  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (poisoned) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (betweenRequests && headersStartedNanos == 0 && in.isReadable()) {
      headersStartedNanos = System.nanoTime();
      long started = headersStartedNanos;
      // A client that trickles its headers byte by byte never goes idle: it gets HEADER_DEADLINE
      // for the whole request line and headers, then the connection is closed.
      ctx.executor().schedule(() -> {
        if (headersStartedNanos == started) {
          ctx.close();
        }
      }, HEADER_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
    int from = out.size();
    super.decode(ctx, in, out);
    for (int i = from; i < out.size(); i++) {
      if (out.get(i) instanceof HttpRequest) {
        betweenRequests = false;
        headersStartedNanos = 0;
      }
      if (out.get(i) instanceof LastHttpContent) {
        betweenRequests = true;
      }
    }
    for (int i = from; i < out.size(); i++) {
      if (out.get(i) instanceof HttpRequest request && unframeable(request)) {
        request.setDecoderResult(DecoderResult.failure(new AmbiguousFraming()));
        while (out.size() > i + 1) {
          ReferenceCountUtil.release(out.remove(out.size() - 1));
        }
        out.add(LastHttpContent.EMPTY_LAST_CONTENT);
        poisoned = true;
        in.skipBytes(in.readableBytes());
        return;
      }
    }
  }

  static boolean unframeable(HttpRequest request) {
    if (request.decoderResult().cause() instanceof AmbiguousFraming) {
      return true;
    }
    HttpHeaders headers = request.headers();
    List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (codings.isEmpty()) {
      return false;
    }
    String all = String.join(",", codings);
    String last = all.substring(all.lastIndexOf(',') + 1).trim();
    return headers.contains(HttpHeaderNames.CONTENT_LENGTH) || !last.equalsIgnoreCase("chunked")
        || request.protocolVersion().equals(HttpVersion.HTTP_1_0);
  }

  /**
   * Replaces Vert.x's decoder on a new HTTP/1.x connection. Returns false (and logs) when the
   * connection is not one it knows how to reach (an HTTP/2 connection has no such decoder).
   */
  public static boolean install(HttpConnection connection, HttpServerOptions options) {
    if (!(connection instanceof ConnectionBase base)) {
      log.error("HTTP connection of unexpected type {}: framing not made strict", connection.getClass().getName());
      return false;
    }
    ChannelPipeline pipeline = base.channel().pipeline();
    if (pipeline.get(NAME) instanceof StrictRequestDecoder) {
      return true;
    }
    if (!(pipeline.get(NAME) instanceof VertxHttpRequestDecoder)) {
      log.error("No Vert.x request decoder named {} in {}: framing not made strict", NAME, pipeline.names());
      return false;
    }
    pipeline.replace(NAME, NAME, new StrictRequestDecoder(options));
    return true;
  }
}
