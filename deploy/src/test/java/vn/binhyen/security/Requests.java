package vn.binhyen.security;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.binhyen.core.testing.Http;

/** Sends an operation of the contract with a valid body of whatever media type it takes. */
final class Requests {

  static final String BOUNDARY = "----binhyen-security-test";

  private Requests() {}

  static Http.Response send(Http http, Contract.Operation op, String path, JsonObject body, String token) {
    if (!op.writes() || op.contentTypes().isEmpty()) {
      return op.method().equals("GET") ? http.get(path, token)
          : http.raw(op.method(), path, new byte[0], null, token, Map.of());
    }
    if (op.contentTypes().contains("application/json")) {
      JsonObject b = body != null ? body : Samples.body(op);
      return http.raw(op.method(), path, b.encode().getBytes(StandardCharsets.UTF_8), "application/json",
          token, Map.of());
    }
    String ct = op.contentTypes().get(0);
    JsonObject fields = body != null ? body : Samples.object(op.bodySchema(ct));
    if (ct.startsWith("multipart/")) {
      return http.raw(op.method(), path, multipart(fields, null, null, null),
          "multipart/form-data; boundary=" + BOUNDARY, token, Map.of());
    }
    StringBuilder form = new StringBuilder();
    fields.forEach(e -> form.append(form.length() == 0 ? "" : "&").append(e.getKey()).append('=')
        .append(java.net.URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8)));
    return http.raw(op.method(), path, form.toString().getBytes(StandardCharsets.UTF_8), ct, token, Map.of());
  }

  /** A multipart body with the given text fields and, optionally, one file part. */
  static byte[] multipart(JsonObject fields, String fileName, String fileType, byte[] file) {
    return multipart(fields, fileName, fileType, file, "file");
  }

  /** The same, with the file in the form field {@code field}. */
  static byte[] multipart(JsonObject fields, String fileName, String fileType, byte[] file, String field) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach(e -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
        + "\"\r\n\r\n" + e.getValue() + "\r\n"));
    if (fileName != null) {
      write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + fileType + "\r\n\r\n");
      out.writeBytes(file);
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
