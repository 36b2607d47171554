package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestDatabase;
import vn.binhyen.core.testing.TestPlatform;

/** Shared helpers of the tips tests: sending tips, multipart bodies, owner SQL. */
final class TipFixtures {

  /** A tiny valid PNG (1×1). */
  static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  private TipFixtures() {}

  static Http http() {
    return TipWorld.http();
  }

  static JsonObject submit(String unit, String category, String text, String contact) {
    JsonObject body = new JsonObject().put("unit", unit).put("category", category).put("text", text);
    if (contact != null) {
      body.put("contact", contact);
    }
    Http.Response r = http().post("/api/public/tips", body, null);
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static Http.Response follow(String receipt, String secret) {
    return http().raw("GET", "/api/public/tips/" + receipt, new byte[0], null, null, Map.of("X-Tip-Secret", secret));
  }

  static Http.Response transition(String token, long tipId, JsonObject body) {
    return http().post("/api/tips/" + tipId + "/transitions", body, token);
  }

  static JsonObject action(String action) {
    return new JsonObject().put("action", action);
  }

  /** A multipart/form-data body; files are (field, name, bytes, declared type). */
  record Part(String name, String fileName, byte[] bytes, String type) {}

  static final String BOUNDARY = "----binhyen-test-boundary";

  static byte[] multipart(Map<String, String> fields, Part... files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((k, v) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n"));
    for (Part f : files) {
      write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.name() + "\"; filename=\""
          + f.fileName() + "\"\r\nContent-Type: " + f.type() + "\r\n\r\n");
      out.writeBytes(f.bytes());
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static Connection owner() throws Exception {
    TipWorld.demo();
    return TestDatabase.connect(TipWorld.DATABASE);
  }

  /** The first column of the first row, as a number (SQL NULL is 0, as JDBC's getLong has it). */
  static long scalar(String sql, Object... params) throws Exception {
    String value = scalarText(sql, params);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** The first column of the first row, as text (owner connection: no row-level security). */
  static String scalarText(String sql, Object... params) throws Exception {
    try (Connection c = owner(); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  static final String ROLLUP_DIFF = vn.binhyen.core.testing.TipRollups.DIFF;
}
