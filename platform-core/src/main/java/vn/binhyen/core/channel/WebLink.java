package vn.binhyen.core.channel;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.binhyen.core.error.DomainError;

/**
 * The parts of an http(s) link that {@link ChannelLinks} looks at: the host (lower case, IDN as
 * punycode, checked label by label), the port, the decoded path segments and the query (each key
 * mapped to its first value). Parsing refuses non-web schemes and disguised links.
 */
record WebLink(String host, String port, String rawPath, List<String> segments, Map<String, String> query) {

  private static final Pattern BARE_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+\\-]*:");
  private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9\\-]{1,59}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");


  static WebLink parse(String text) {
    String rest = text;
    int schemeEnd = rest.indexOf("://");
    if (schemeEnd >= 0) {
      String scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw LinkErrors.nonWebScheme();
      }
      rest = rest.substring(schemeEnd + 3);
    } else if (rest.startsWith("//")) {
      rest = rest.substring(2);
    } else if (BARE_SCHEME.matcher(rest).find()) {
      throw LinkErrors.nonWebScheme();
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    String query = question >= 0 ? rest.substring(question + 1) : "";
    if (question >= 0) {
      rest = rest.substring(0, question);
    }
    int slash = rest.indexOf('/');
    String authority = slash >= 0 ? rest.substring(0, slash) : rest;
    String path = slash >= 0 ? rest.substring(slash) : "";
    if (authority.indexOf('@') >= 0) {
      throw LinkErrors.invalid("Liên kết có tên người dùng trước tên miền (kiểu liên kết dùng để đánh lừa)",
          "the link has a user name before the domain, a trick used to disguise where it goes");
    }
    String port = "";
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      port = authority.substring(colon + 1);
      authority = authority.substring(0, colon);
      if (!DIGITS.matcher(port).matches() || port.length() > 5 || Integer.parseInt(port) > 65535) {
        throw LinkErrors.unreadable();
      }
      if (port.equals("80") || port.equals("443")) {
        port = "";
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(percentDecode(segment));
      }
    }
    return new WebLink(host(authority), port, path, segments, queryParameters(query));
  }

  private static String host(String authority) {
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw LinkErrors.unreadable();
    }
    String[] labels = host.split("\\.", -1);
    if (host.length() > 253 || labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
      throw LinkErrors.unreadable();
    }
    for (String label : labels) {
      if (!HOST_LABEL.matcher(label).matches()) {
        throw LinkErrors.unreadable();
      }
    }
    return host;
  }

  static Map<String, String> queryParameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq >= 0 ? pair.substring(0, eq) : pair;
      String value = eq >= 0 ? pair.substring(eq + 1) : "";
      try {
        parameters.putIfAbsent(percentDecode(key), percentDecode(value));
      } catch (DomainError.Invalid ignored) {
        // A garbled parameter we do not need must not make a good link unreadable.
      }
    }
    return parameters;
  }

  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw LinkErrors.unreadable();
        }
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return Normalizer.normalize(bytes.toString(StandardCharsets.UTF_8), Normalizer.Form.NFC);
  }

  static String upperCaseEscapes(String segment) {
    StringBuilder out = new StringBuilder(segment);
    for (int i = out.indexOf("%"); i >= 0 && i + 2 < out.length(); i = out.indexOf("%", i + 1)) {
      out.setCharAt(i + 1, Character.toUpperCase(out.charAt(i + 1)));
      out.setCharAt(i + 2, Character.toUpperCase(out.charAt(i + 2)));
    }
    return out.toString();
  }

  static String encodeNonAscii(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0x21 && b < 0x7f) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

}
