package vn.binhyen.verifier.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import vn.binhyen.core.http.Json;
import vn.binhyen.verifier.keys.KeyRing;
import vn.binhyen.verifier.keys.StoredKey;
import vn.binhyen.verifier.signing.Jwk;
import vn.binhyen.verifier.translog.Checkpoint;
import vn.binhyen.verifier.translog.TransparencyLog;

/**
 * The published keys. {@code /.well-known/jwks.json}: RFC 8037 JWKs of every root and issuing key
 * that is active or retired (not revoked), for any JOSE library. {@code /.well-known/binhyen-keys.json}:
 * every key with its purpose, unit, status and the root's certificate token, plus the log's note key.
 */
public final class WellKnownRoutes {

  private final KeyRing keys;
  private final TransparencyLog translog;

  public WellKnownRoutes(KeyRing keys, TransparencyLog translog) {
    this.keys = keys;
    this.translog = translog;
  }

  public void mount(Router router) {
    router.get("/.well-known/jwks.json").handler(ctx -> {
      JsonArray out = new JsonArray();
      sorted().stream()
          .filter(k -> !k.revoked() && k.purpose() != StoredKey.Purpose.LOG)
          .forEach(k -> out.add(Jwk.of(k.publicKey())));
      cacheable(ctx);
      Json.ok(ctx, new JsonObject().put("keys", out));
    });
    router.get("/.well-known/binhyen-keys.json").handler(ctx -> {
      JsonArray out = new JsonArray();
      sorted().forEach(k -> out.add(new JsonObject()
          .put("kid", k.kid())
          .put("purpose", k.purpose().id())
          .put("tenantCode", k.tenantCode())
          .put("status", k.status().id())
          .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(k.publicKey().raw()))
          .put("certificate", k.certificate())
          .put("createdAt", k.createdAt() == null ? null : k.createdAt().toString())
          .put("retiredAt", k.retiredAt() == null ? null : k.retiredAt().toString())
          .put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString())
          .put("revokedReason", k.revokedReason())));
      JsonObject body = new JsonObject().put("keys", out).put("log", new JsonObject()
          .put("origin", TransparencyLog.ORIGIN)
          .put("verifierKey", translog.signer() == null ? null
              : Checkpoint.verifierKey(TransparencyLog.ORIGIN, translog.signer().verifyingKey())));
      Json.ok(ctx, body);
    });
  }

  private List<StoredKey> sorted() {
    List<StoredKey> list = new ArrayList<>(keys.keys());
    list.sort(Comparator.comparing((StoredKey k) -> k.purpose().ordinal()).thenComparing(StoredKey::tenantCode)
        .thenComparing(k -> k.createdAt() == null ? "" : k.createdAt().toString()));
    return list;
  }

  private static void cacheable(io.vertx.ext.web.RoutingContext ctx) {
    ctx.response().putHeader("Access-Control-Allow-Origin", "*");
  }
}
