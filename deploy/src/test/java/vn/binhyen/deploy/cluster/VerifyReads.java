package vn.binhyen.deploy.cluster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import vn.binhyen.core.testing.Http;

/** A citizen's check of a demo channel (Phường Ba Đình's page, official): a read, nothing stored. */
final class VerifyReads implements LoadGenerator.Write {

  static final String LINK = "https://www.facebook.com/CongAnPhuongBaDinh";

  @Override
  public Http.Response send(Http node, int n) {
    return node.get("/api/public/verify?q=" + URLEncoder.encode(LINK, StandardCharsets.UTF_8), null);
  }

  @Override
  public Map<Integer, Integer> stored(Connection owner) {
    return Map.of();
  }
}
