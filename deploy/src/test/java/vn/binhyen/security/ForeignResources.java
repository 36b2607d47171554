package vn.binhyen.security;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.binhyen.core.testing.Http;

/**
 * The registry of operations whose scope is a loaded resource ({@code unit: resource}): for each
 * operationId, how to create a resource owned by a unit (through the API, as that unit's own
 * users) and build the request that reaches it. {@link TenantIsolationMatrixIT} fails when the
 * contract has a resource operation missing here.
 */
final class ForeignResources {

  /** A resource created in {@code ownerCode}, the request that targets it, and its private texts. */
  record Target(String ownerCode, String method, String path, JsonObject body, Set<String> privateTexts) {}

  /** Builds a target in the given unit, signing in as its users through {@code world}. */
  interface Builder {
    Target build(World world, String ownerCode);
  }

  /** What a builder may use: the HTTP client and tokens of the demo users. */
  interface World {
    Http http();

    String token(String username);
  }

  static final Map<String, Builder> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put("impostorCaseGet", (w, owner) -> {
      Report r = report(w, owner);
      return new Target(owner, "GET", "/api/impostor/cases/" + r.caseId(), null, r.privateTexts());
    });
    REGISTRY.put("impostorCaseDecide", (w, owner) -> {
      Report r = report(w, owner);
      return new Target(owner, "POST", "/api/impostor/cases/" + r.caseId() + "/decision",
          new JsonObject().put("decision", "confirm").put("note", "xác nhận"), r.privateTexts());
    });
  }

  record Report(long caseId, long reportId, String uploadToken, Set<String> privateTexts) {}

  /** A citizen's impostor report filed to {@code owner} (by area), with a private note. */
  static Report report(World w, String owner) {
    String nonce = Long.toString(System.nanoTime(), 36);
    String note = "Ghi chú riêng của người báo " + nonce;
    Http.Response r = w.http().post("/api/public/reports", new JsonObject()
        .put("name", "Dịch vụ thu hồi tiền lừa đảo " + nonce).put("areaCode", owner).put("note", note), null);
    if (r.status() != 201) {
      throw new AssertionError("cannot file a report to " + owner + ": " + r);
    }
    JsonObject j = r.json();
    return new Report(j.getLong("caseId"), j.getLong("reportId"), j.getString("uploadToken"), Set.of(note, nonce));
  }

  private ForeignResources() {}
}
