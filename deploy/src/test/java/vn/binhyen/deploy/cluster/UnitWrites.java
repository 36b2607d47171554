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
 * An authenticated acknowledged write for the database-outage test: Hà Nội's unit admin creates
 * ward number n (code 90000 + n, a range no real ward uses) under the province. The node-loss test
 * uses {@link TipWrites} (a citizen's tip, which has no unique key to hide a duplicate).
 */
final class UnitWrites implements LoadGenerator.Write {

  private static final String NAME = "Đơn vị tải thử ";
  private final String token;

  UnitWrites(Http anyNode) {
    this.token = anyNode.login("hanoi-admin");
  }

  @Override
  public Http.Response send(Http node, int n) {
    if (n >= 10_000) {
      throw new IllegalStateException("out of test codes");
    }
    return node.post("/api/units/01/children", new JsonObject()
        .put("code", Integer.toString(90_000 + n))
        .put("name", NAME + n)
        .put("level", "commune"), token);
  }

  @Override
  public Map<Integer, Integer> stored(Connection owner) throws SQLException {
    Map<Integer, Integer> counts = new HashMap<>();
    try (PreparedStatement st = owner.prepareStatement(
        "SELECT name, count(*) FROM tenant WHERE name LIKE $$Đơn vị tải thử %$$ GROUP BY name")) {
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          counts.put(Integer.parseInt(rs.getString(1).substring(NAME.length())), rs.getInt(2));
        }
      }
    }
    return counts;
  }
}
