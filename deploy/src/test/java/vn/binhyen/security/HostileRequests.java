package vn.binhyen.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of malformed and hostile requests, driven by the contract. Malformed requests
 * break the contract (wrong types, missing or extra fields, bad JSON or UTF-8, huge or deep bodies,
 * wrong media types, out-of-range parameters) and must be refused; hostile ones keep the shape but
 * carry injection, script, control and mixed-script text, and may be accepted.
 */
final class HostileRequests {

  /** One request to send; {@code tokenSlot} picks the caller (see HostileInputIT). */
  record Req(String kind, String method, String path, byte[] body, String contentType, int tokenSlot) {
    @Override
    public String toString() {
      String b = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      return kind + " " + method + " " + path.substring(0, Math.min(path.length(), 200)) + " [" + contentType + "] " + b;
    }
  }

  static final List<String> HOSTILE = List.of(
      "' OR '1'='1", "'; DROP TABLE tenant; --", "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"",
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>Công an phường <script>alert(1)</script>",
      "javascript:alert(1)", "Сông аn phường Ваdinh", "Công an phường\u202Egnid aB", "Ba\u200BĐình",
      "Co\u0302ng an phu\u031Bo\u031B\u0300ng", "\u0000\u0001\u0007\u001B[31m", "a\r\nSet-Cookie: by_session=x",
      "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00%2e%2e%2f", "${jndi:ldap://127.0.0.1/x}",
      "{{7*7}}${7*7}", "🚓👮‍♂️🇻🇳", "\uFEFFBOM", "\uD800", "Ｃôｎｇ ａｎ", "A".repeat(4000),
      "$where: 1", "{\"$gt\": \"\"}", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");

  private final Random rnd;

  HostileRequests(long seed) {
    this.rnd = new Random(seed);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String pick(List<String> l) {
    return l.get(rnd.nextInt(l.size()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private int slot() {
    return rnd.nextInt(5);
  }

  /** {@code n} requests that break the contract of {@code op}. */
  List<Req> malformed(Contract.Operation op, int n) {
    List<Req> out = new ArrayList<>();
    String validPath = Samples.path(op, Map.of());
    boolean json = op.contentTypes().contains("application/json");
    JsonObject schema = json ? op.bodySchema("application/json") : null;
    JsonObject valid = json ? Samples.body(op) : null;
    List<String> kinds = new ArrayList<>();
    if (json) {
      kinds.addAll(List.of("wrong-type", "bad-json", "invalid-utf8", "wrong-content-type", "not-an-object",
          "deep-nesting", "lying-multipart"));
      if (!schema.getJsonArray("required", new JsonArray()).isEmpty()) {
        kinds.add("missing-field");
      }
      if (Boolean.FALSE.equals(schema.getValue("additionalProperties"))) {
        kinds.add("extra-field");
      }
    }
    if (!op.parameters("query").stream().filter(p -> constrained(p.getJsonObject("schema"))).toList().isEmpty()) {
      kinds.add("absurd-query");
    }
    if (op.parameters("path").stream().anyMatch(p -> constrained(p.getJsonObject("schema")))) {
      kinds.add("absurd-path");
    }
    if (op.method().equals("GET")) {
      kinds.add("get-with-body");
    }
    if (op.parameters("path").stream().anyMatch(p -> Samples.type(p.getJsonObject("schema")).equals("integer"))) {
      kinds.add("odd-number");
    }
    if (kinds.isEmpty()) {
      return out;
    }
    for (int i = 0; i < n; i++) {
      String kind = kinds.get(i % kinds.size());
      // Very large bodies now and then: enough to prove the limit, few enough to stay fast.
      if (json && i % 97 == 0) {
        kind = "huge-body";
      }
      out.add(switch (kind) {
        case "wrong-type" -> jsonReq(kind, op, validPath, wrongType(schema, valid).encode());
        case "missing-field" -> {
          JsonObject b = valid.copy();
          JsonArray req = schema.getJsonArray("required");
          b.remove(req.getString(rnd.nextInt(req.size())));
          yield jsonReq(kind, op, validPath, b.encode());
        }
        case "extra-field" -> jsonReq(kind, op, validPath,
            valid.copy().put(pick(List.of("__proto__", "isAdmin", "tenantPath", "role", "x" + rnd.nextInt(1000))),
                pick(List.of("MINISTRY_ADMIN", "BCA", "1"))).encode());
        case "bad-json" -> jsonReq(kind, op, validPath, pick(List.of("{", "{\"a\":}", "[1,2", "{'a':1}",
            "{\"a\":1}}", "NaN", "{\"a\":1, /* c */ \"b\":2}", "\uFEFF{}x", "nul", "{\"a\":\"\\uZZZZ\"}",
            valid.encode() + "garbage", valid.encode().replaceFirst("\\{", "{\"dup\":1,\"dup\":2,"))));
        case "invalid-utf8" -> {
          byte[] head = utf8("{\"" + firstProperty(schema) + "\":\"C");
          byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
          byte[] tail = utf8("\"}");
          byte[] b = new byte[head.length + bad.length + tail.length];
          System.arraycopy(head, 0, b, 0, head.length);
          System.arraycopy(bad, 0, b, head.length, bad.length);
          System.arraycopy(tail, 0, b, head.length + bad.length, tail.length);
          yield new Req(kind, op.method(), validPath, b, "application/json", slot());
        }
        case "wrong-content-type" -> new Req(kind, op.method(), validPath, utf8(pick(List.of(
            "<a>1</a>", "a=1&b=2", "plain text", valid.encode()))), pick(List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "text/html; charset=utf-8", "application/octet-stream")), slot());
        case "not-an-object" -> jsonReq(kind, op, validPath, pick(List.of("[]", "1", "\"s\"", "true", "[{}]")));
        case "deep-nesting" -> {
          int depth = 2000 + rnd.nextInt(20000);
          String open = rnd.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
          String close = open.startsWith("[") ? "]".repeat(depth) : "}".repeat(depth);
          yield jsonReq(kind, op, validPath, open + "1" + close);
        }
        case "huge-body" -> jsonReq(kind, op, validPath,
            "{\"" + firstProperty(schema) + "\":\"" + "Đ".repeat(600_000 + rnd.nextInt(400_000)) + "\"}");
        case "lying-multipart" -> new Req(kind, op.method(), validPath, lyingMultipart(),
            "multipart/form-data; boundary=" + Requests.BOUNDARY, slot());
        case "get-with-body" -> new Req(kind, op.method(), validPath, Requests.multipart(
            new JsonObject().put("a", "b"), "x.png", "image/png", utf8("GIF89a")),
            "multipart/form-data; boundary=" + Requests.BOUNDARY, slot());
        case "odd-number" -> new Req(kind, op.method(), oddNumberPath(op), json ? utf8(valid.encode()) : new byte[0],
            json ? "application/json" : null, slot());
        case "absurd-query" -> new Req(kind, op.method(), absurdQuery(op, validPath), new byte[0], null, slot());
        case "absurd-path" -> new Req(kind, op.method(), absurdPath(op), json ? utf8(valid.encode()) : new byte[0],
            json ? "application/json" : null, slot());
        default -> throw new IllegalStateException(kind);
      });
    }
    return out;
  }

  /** {@code n} requests of a valid shape carrying hostile text. */
  List<Req> hostile(Contract.Operation op, int n) {
    List<Req> out = new ArrayList<>();
    boolean json = op.contentTypes().contains("application/json");
    for (int i = 0; i < n; i++) {
      Map<String, String> pathValues = new java.util.HashMap<>();
      for (JsonObject p : op.parameters("path")) {
        if (rnd.nextInt(3) == 0) {
          pathValues.put(p.getString("name"), pick(HOSTILE));
        }
      }
      String path = Samples.path(op, pathValues);
      StringBuilder q = new StringBuilder(path.contains("?") ? "&" : "?");
      for (JsonObject p : op.parameters("query")) {
        if (rnd.nextBoolean()) {
          q.append(p.getString("name")).append('=').append(enc(pick(HOSTILE))).append('&');
        }
      }
      q.append(pick(List.of("utm_source", "debug", "__proto__[x]", "q[]", "callback"))).append('=').append(enc(pick(HOSTILE)));
      path = path + q;
      if (!json) {
        out.add(new Req("hostile-text", op.method(), path, new byte[0], null, slot()));
        continue;
      }
      JsonObject b = Samples.body(op);
      JsonObject props = op.bodySchema("application/json").getJsonObject("properties", new JsonObject());
      for (String name : props.fieldNames()) {
        if ("string".equals(Samples.type(props.getJsonObject(name))) && props.getJsonObject(name).getJsonArray("enum") == null) {
          String v = pick(HOSTILE);
          int max = props.getJsonObject(name).getInteger("maxLength", 10_000);
          b.put(name, v.length() > max ? v.substring(0, max) : v);
        }
      }
      out.add(new Req("hostile-text", op.method(), path, utf8(b.encode()), "application/json", slot()));
    }
    return out;
  }

  private Req jsonReq(String kind, Contract.Operation op, String path, String body) {
    return new Req(kind, op.method(), path, utf8(body), "application/json", slot());
  }

  private static String firstProperty(JsonObject schema) {
    JsonObject props = schema.getJsonObject("properties", new JsonObject());
    return props.isEmpty() ? "x" : props.fieldNames().iterator().next();
  }

  /** A value of another type for one property (never a type the property accepts). */
  private JsonObject wrongType(JsonObject schema, JsonObject valid) {
    JsonObject props = schema.getJsonObject("properties", new JsonObject());
    JsonObject b = valid.copy();
    if (props.isEmpty()) {
      return b.put("x", new JsonObject());
    }
    List<String> names = new ArrayList<>(props.fieldNames());
    String name = names.get(rnd.nextInt(names.size()));
    String type = Samples.type(props.getJsonObject(name));
    Object wrong = switch (type) {
      case "string" -> pick(List.of("obj", "arr", "num", "bool")).equals("obj") ? new JsonObject().put("$gt", "")
          : rnd.nextBoolean() ? new JsonArray().add("a") : rnd.nextBoolean() ? (Object) 12345 : Boolean.TRUE;
      case "integer", "number" -> rnd.nextBoolean() ? "mười hai" : new JsonArray().add(1);
      case "boolean" -> "yes";
      case "array" -> "not-an-array";
      default -> 42;
    };
    return b.put(name, wrong);
  }

  private static boolean constrained(JsonObject schema) {
    if (schema == null) {
      return false;
    }
    String t = Samples.type(schema);
    return t.equals("integer") || t.equals("number") || schema.containsKey("pattern")
        || schema.containsKey("enum") || schema.containsKey("maxLength");
  }

  private String absurdQuery(Contract.Operation op, String validPath) {
    StringBuilder q = new StringBuilder(validPath.contains("?") ? "&" : "?");
    for (JsonObject p : op.parameters("query")) {
      JsonObject s = p.getJsonObject("schema");
      if (!constrained(s)) {
        continue;
      }
      String t = Samples.type(s);
      String v = t.equals("integer") || t.equals("number")
          ? pick(List.of("-1", "99999999999999999999999", "1e309", "abc", "NaN", "0x10", "%FF", "1;DROP", ""))
          : s.containsKey("maxLength") && !s.containsKey("pattern") && s.getJsonArray("enum") == null
              ? "x".repeat(s.getInteger("maxLength") + 1 + rnd.nextInt(5000))
              : pick(List.of("%FF%FE", "zz-not-in-enum", "' OR 1=1--", "%00"));
      String name = p.getString("name");
      q.append(name).append('=').append(v.startsWith("%") || v.isEmpty() ? v : enc(v)).append('&');
    }
    // Required parameters left valid, so the absurd value is the only thing wrong (never a duplicate).
    for (JsonObject p : op.parameters("query")) {
      if (!constrained(p.getJsonObject("schema")) && p.getBoolean("required", false)) {
        q.append(p.getString("name")).append('=').append(enc(String.valueOf(Samples.value(p.getJsonObject("schema")))))
            .append('&');
      }
    }
    String base = validPath.contains("?") ? validPath.substring(0, validPath.indexOf('?')) : validPath;
    return base + "?" + q.substring(1, q.length() - 1);
  }

  /** Malformed %-escapes appended to a valid address (sent on a raw socket: java.net.URI refuses them). */
  static final List<String> BAD_ESCAPES = List.of("q=%", "x=%zz", "a=%E2%8", "%=1", "b=%%41", "c=%g0");

  private String oddNumberPath(Contract.Operation op) {
    String path = op.path();
    for (JsonObject p : op.parameters("path")) {
      JsonObject s = p.getJsonObject("schema");
      String v = Samples.type(s).equals("integer")
          ? pick(List.of("1e5", "5.0", "9223372036854775808", "18446744073709551617", "0x10", "1_000", "%201", "1%20"))
          : enc(String.valueOf(Samples.value(s)));
      path = path.replace("{" + p.getString("name") + "}", v);
    }
    return path;
  }

  private String absurdPath(Contract.Operation op) {
    String path = op.path();
    for (JsonObject p : op.parameters("path")) {
      JsonObject s = p.getJsonObject("schema");
      String v = constrained(s)
          ? pick(List.of("..%2F..%2Fetc%2Fpasswd", "%FF%FE", "-1", "99999999999999999999999999", "a".repeat(5000),
              "%27%20OR%201%3D1--", "%3Cscript%3E", "%00", "1.5", "%E2%80%AE"))
          : enc(String.valueOf(Samples.value(s)));
      path = path.replace("{" + p.getString("name") + "}", v);
    }
    return path;
  }

  private byte[] lyingMultipart() {
    String name = pick(List.of("../../../../etc/passwd", "..\\..\\boot.ini", "ảnh\u202Egnp.exe", "a.png\u0000.html",
        "/var/lib/binhyen/x", "C:\\Windows\\x.png"));
    byte[] content = utf8(pick(List.of("<html><script>alert(1)</script></html>", "MZ\u0090\u0000binary", "GIF89a<svg onload=alert(1)>")));
    byte[] body = Requests.multipart(new JsonObject().put("token", "x").put("name", "a"), name, "image/png", content);
    if (rnd.nextBoolean()) {
      return java.util.Arrays.copyOf(body, body.length / 2);
    }
    return body;
  }
}
