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

  static long scalar(String sql, Object... params) throws Exception {
    try (Connection c = owner(); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Rows that differ between the roll-up counters (shards summed, zeros dropped) and a GROUP BY
   * over the tips expanded to every ancestor: 0 when they agree exactly.
   */
  static final String ROLLUP_DIFF = """
      WITH e AS (
        SELECT u.unit_path, d.dim, u.own, t.received_day AS day, d.key, count(*)::bigint AS n
          FROM tip t
          CROSS JOIN LATERAL (
            SELECT array_to_string((string_to_array(t.tenant_path, '/'))[1:i], '/') AS unit_path, false AS own
              FROM generate_series(1, cardinality(string_to_array(t.tenant_path, '/'))) AS i
            UNION ALL SELECT t.tenant_path, true) u
          CROSS JOIN LATERAL (VALUES ('t', ''), ('c', t.category), ('s', t.status),
                                     ('b', CASE WHEN t.sla_breached THEN '' END)) AS d (dim, key)
         WHERE d.key IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5),
      a AS (
        SELECT unit_path, dim, own, day, key, sum(n)::bigint AS n FROM tip_rollup
         GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0)
      SELECT count(*) FROM ((SELECT * FROM e EXCEPT SELECT * FROM a) UNION ALL (SELECT * FROM a EXCEPT SELECT * FROM e)) x""";
}
