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

  static {
    // Tips: a citizen's tip to the owner unit, with a contact only the owner's officers may reveal.
    for (String[] op : new String[][] {{"getTip", "GET", ""}, {"transitionTip", "POST", "/transitions"},
        {"replyTip", "POST", "/replies"}, {"revealTipIdentity", "POST", "/identity"},
        {"getTipAttachment", "GET", "/attachments/1"}}) {
      REGISTRY.put(op[0], (w, owner) -> {
        Tip t = tip(w, owner);
        JsonObject body = switch (op[0]) {
          case "transitionTip" -> new JsonObject().put("action", "triage").put("note", "trái phép");
          case "replyTip" -> new JsonObject().put("text", "Trả lời trái phép");
          case "revealTipIdentity" -> new JsonObject().put("reason", "Xem trái phép");
          default -> null;
        };
        return new Target(owner, op[1], "/api/tips/" + t.id() + op[2], body, t.privateTexts());
      });
    }
  }

  record Tip(long id, Set<String> privateTexts) {}

  /** A citizen's tip to {@code owner} with a private text and contact. */
  static Tip tip(World w, String owner) {
    String nonce = Long.toString(System.nanoTime(), 36);
    String text = "Tin báo riêng " + nonce;
    String contact = "09" + (10_000_000 + Math.floorMod(nonce.hashCode(), 89_999_999));
    Http.Response r = w.http().post("/api/public/tips", new JsonObject().put("unit", owner).put("category", "other")
        .put("text", text).put("contact", contact), null);
    if (r.status() != 201) {
      throw new AssertionError("cannot send a tip to " + owner + ": " + r);
    }
    return new Tip(r.json().getLong("tipId"), Set.of(text, contact));
  }

  static {
    for (String[] op : new String[][] {{"disableUser", "POST", "/disable"}, {"enableUser", "POST", "/enable"},
        {"resetUserPassword", "POST", "/reset-password"}, {"changeUserRole", "PUT", "/role"}}) {
      REGISTRY.put(op[0], (w, owner) -> {
        long id = user(w, owner);
        JsonObject body = op[0].equals("changeUserRole") ? new JsonObject().put("role", "UNIT_ADMIN") : null;
        return new Target(owner, op[1], "/api/admin/users/" + id + op[2], body, Set.of());
      });
    }
    for (String[] op : new String[][] {{"editChannel", "PATCH", ""}, {"archiveChannel", "POST", "/archive"},
        {"requestChannelVerification", "POST", "/verification-request"}, {"approveChannel", "POST", "/approve"},
        {"rejectChannel", "POST", "/reject"}, {"setChannelFigures", "PUT", "/figures"}}) {
      REGISTRY.put(op[0], (w, owner) -> {
        Channel ch = channel(w, owner);
        JsonObject body = switch (op[0]) {
          case "editChannel" -> new JsonObject().put("name", "Đổi tên trái phép");
          case "rejectChannel" -> new JsonObject().put("reason", "từ chối trái phép");
          case "setChannelFigures" -> new JsonObject().put("followers", 1).put("posts", 1).put("questionsAnswered", 1);
          default -> null;
        };
        return new Target(owner, op[1], "/api/admin/channels/" + ch.id() + op[2], body, Set.of(ch.privateText()));
      });
    }
    // Reorganisations name units in the body; dry runs, so a wrongful acceptance changes nothing.
    REGISTRY.put("reorgMerge", (w, owner) -> new Target(owner, "POST", "/api/admin/reorg/merge",
        new JsonObject().put("sources", new io.vertx.core.json.JsonArray().add(owner)).put("target", sibling(owner))
            .put("dryRun", true), Set.of()));
    REGISTRY.put("reorgMove", (w, owner) -> new Target(owner, "POST", "/api/admin/reorg/move",
        new JsonObject().put("unit", owner).put("parent", owner.equals("00004") ? "66" : "01").put("dryRun", true),
        Set.of()));
    REGISTRY.put("reorgRename", (w, owner) -> new Target(owner, "POST", "/api/admin/reorg/rename",
        new JsonObject().put("unit", owner).put("name", "Tên trái phép").put("dryRun", true), Set.of()));
    REGISTRY.put("reorgSplit", (w, owner) -> new Target(owner, "POST", "/api/admin/reorg/split",
        new JsonObject().put("unit", owner).put("successors", new io.vertx.core.json.JsonArray().add(sibling(owner))
            .add(owner.equals("00004") ? "00008" : "22045")).put("defaultSuccessor", sibling(owner)).put("dryRun", true), Set.of()));
  }

  static {
    REGISTRY.put("issueAttestation", (w, owner) -> {
      Channel ch = channel(w, owner);
      return new Target(owner, "POST", "/api/verifier/channels/" + ch.id() + "/attestations", null, Set.of(ch.privateText()));
    });
    REGISTRY.put("setChannelStatus", (w, owner) -> {
      Channel ch = channel(w, owner);
      return new Target(owner, "POST", "/api/verifier/channels/" + ch.id() + "/status",
          new JsonObject().put("status", "suspended").put("reason", "trái phép"), Set.of(ch.privateText()));
    });
    REGISTRY.put("revokeAttestation", (w, owner) -> {
      JsonObject a = attested(w, owner);
      return new Target(owner, "POST", "/api/verifier/attestations/" + a.getString("jti") + "/revoke",
          new JsonObject().put("reason", "trái phép"), Set.of());
    });
    // The key list is the ministry's: every caller but the ministry admin is outside it.
    REGISTRY.put("listKeys", (w, owner) -> new Target("BCA", "GET", "/api/verifier/keys", null, Set.of()));
    REGISTRY.put("revokeKey", (w, owner) -> new Target(province(owner), "POST",
        "/api/verifier/keys/" + attested(w, owner).getString("kid") + "/revoke",
        new JsonObject().put("reason", "trái phép"), Set.of()));
  }

  static String province(String owner) {
    return owner.equals("00004") ? "01" : "66";
  }

  /** A channel of {@code owner}, approved and attested by its admin; answers the public channel. */
  static JsonObject attested(World w, String owner) {
    Channel ch = channel(w, owner);
    String admin = w.token(admin(owner));
    w.http().post("/api/admin/channels/" + ch.id() + "/approve", null, admin);
    Http.Response r = w.http().post("/api/verifier/channels/" + ch.id() + "/attestations", null, admin);
    if (r.status() != 201 && r.status() != 200) {
      throw new AssertionError("cannot attest a channel of " + owner + ": " + r);
    }
    return r.json();
  }

  /** Units of the demo country that sit beside each owner used by the matrix. */
  static String sibling(String owner) {
    return owner.equals("00004") ? "00070" : "22015";
  }

  static String admin(String owner) {
    return owner.equals("00004") ? "badinh-admin" : "daklak-admin";
  }

  static String officer(String owner) {
    return owner.equals("00004") ? "badinh-officer" : "buonmathuot-officer";
  }

  /** A new officer of {@code owner}, created by its admin; answers the user's id. */
  static long user(World w, String owner) {
    String name = "sec-" + Long.toString(System.nanoTime(), 36);
    Http.Response r = w.http().post("/api/admin/units/" + owner + "/users", new JsonObject().put("username", name)
        .put("displayName", "Cán bộ thử " + name).put("role", "OFFICER"), w.token(admin(owner)));
    if (r.status() != 201) {
      throw new AssertionError("cannot create a user in " + owner + ": " + r);
    }
    return id(r.json(), "user");
  }

  record Channel(long id, String privateText) {}

  /** A new pending channel of {@code owner}, registered by its officer. */
  static Channel channel(World w, String owner) {
    String nonce = Long.toString(System.nanoTime(), 36);
    String admins = "Quản trị viên riêng " + nonce;
    Http.Response r = w.http().post("/api/admin/units/" + owner + "/channels", new JsonObject()
        .put("platform", "facebook_page").put("link", "https://www.facebook.com/secprobe" + nonce)
        .put("name", "Kênh thử " + nonce).put("admins", admins), w.token(officer(owner)));
    if (r.status() != 201) {
      throw new AssertionError("cannot register a channel in " + owner + ": " + r);
    }
    return new Channel(id(r.json(), "channel"), admins);
  }

  private static long id(JsonObject j, String nested) {
    if (j.getValue("id") instanceof Number n) {
      return n.longValue();
    }
    if (j.getJsonObject(nested) != null && j.getJsonObject(nested).getValue("id") instanceof Number n) {
      return n.longValue();
    }
    throw new AssertionError("no id in " + j);
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
