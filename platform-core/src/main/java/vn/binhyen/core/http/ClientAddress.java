package vn.binhyen.core.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The citizen's address, the key of public rate limits and of the access log. A request from a
 * configured proxy ({@code BINHYEN_TRUSTED_PROXIES}) is attributed to the right-most address in its
 * {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For} header that is not itself a trusted proxy;
 * from any other peer those headers are ignored and the TCP peer is the client.
 */
public final class ClientAddress {

  static final String KEY = "binhyen.clientAddress";
  private static final Pattern FOR = Pattern.compile("(?i)(?:^|[;,\\s])for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");

  private final List<Cidr> trusted;

  public ClientAddress(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
  }

  /** A root handler that resolves the client's address once and keeps it on the context. */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      ctx.put(KEY, resolve(ctx.request()));
      ctx.next();
    };
  }

  /** The address of the request's client (see the class comment). */
  public String resolve(HttpServerRequest req) {
    String peer = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    if (trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = forwarded(req);
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!Cidr.isLiteral(hop)) {
        break; // an obfuscated or malformed hop: the last trusted proxy is as far as we can see
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    return trusted.stream().anyMatch(c -> c.contains(address));
  }

  private static List<String> forwarded(HttpServerRequest req) {
    List<String> hops = new ArrayList<>();
    List<String> standard = req.headers().getAll("Forwarded");
    if (!standard.isEmpty()) {
      for (String line : standard) {
        var m = FOR.matcher(line);
        while (m.find()) {
          hops.add(unwrap(m.group(1)));
        }
      }
      return hops;
    }
    for (String line : req.headers().getAll("X-Forwarded-For")) {
      for (String part : line.split(",")) {
        if (!part.isBlank()) {
          hops.add(part.trim());
        }
      }
    }
    return hops;
  }

  /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
  private static String unwrap(String value) {
    String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
        ? value.substring(1, value.length() - 1) : value;
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      return end > 0 ? v.substring(1, end) : v;
    }
    int colon = v.indexOf(':');
    return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
  }

  /** An address block: {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}. */
  public record Cidr(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    public static Cidr parse(String text) {
      String[] parts = text.trim().split("/", 2);
      byte[] address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("not an IP address");
      }
      int prefix = address.length * 8;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("the prefix length is not a number");
        }
        if (prefix < 0 || prefix > address.length * 8) {
          throw new IllegalArgumentException("the prefix length is out of range");
        }
      }
      return new Cidr(address, prefix);
    }

    static boolean isLiteral(String text) {
      return literal(text) != null;
    }

    /** The bytes of an IP literal, or null (never a DNS lookup: only digits, dots and colons pass). */
    static byte[] literal(String text) {
      if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()
          || !text.contains(":") && text.split("\\.", -1).length != 4) {
        return null;
      }
      try {
        return InetAddress.getByName(text).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }

    public boolean contains(String address) {
      byte[] a = literal(address);
      if (a == null || a.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (a[full] & mask) == (network[full] & mask);
    }
  }
}
