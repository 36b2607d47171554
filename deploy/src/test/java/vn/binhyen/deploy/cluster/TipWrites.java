package vn.binhyen.deploy.cluster;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import vn.binhyen.core.testing.Http;

/**
 * The acknowledged write of the node-loss test: a citizen's tip to Phường Ba Đình, number n in
 * its text. Tips have no natural unique key (each gets a fresh receipt), so a duplicate would show.
 */
final class TipWrites implements LoadGenerator.Write {

  private final String text;
  /** The receipt and secret of every acknowledged tip, by number (for the follow-up API). */
  final Map<Integer, JsonObject> receipts = new java.util.concurrent.ConcurrentHashMap<>();

  TipWrites() {
    this("Tin báo tải thử số ");
  }

  /** Tips whose text is {@code text} + their number: one prefix per test, so counts never mix. */
  TipWrites(String text) {
    this.text = text;
  }

  @Override
  public Http.Response send(Http node, int n) {
    Http.Response r = node.post("/api/public/tips", new JsonObject()
        .put("unit", "00004").put("category", "other").put("text", text + n), null);
    if (r.status() >= 200 && r.status() < 300) {
      receipts.put(n, r.json());
    }
    return r;
  }

  @Override
  public Map<Integer, Integer> stored(Connection owner) throws SQLException {
    Map<Integer, Integer> counts = new HashMap<>();
    try (PreparedStatement st = owner.prepareStatement(
        "SELECT body, count(*) FROM tip WHERE starts_with(body, ?) GROUP BY body")) {
      st.setString(1, text);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          counts.put(Integer.parseInt(rs.getString(1).substring(text.length())), rs.getInt(2));
        }
      }
    }
    return counts;
  }
}
