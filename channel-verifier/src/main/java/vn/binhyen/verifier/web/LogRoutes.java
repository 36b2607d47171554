package vn.binhyen.verifier.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.List;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.module.Api;
import vn.binhyen.verifier.translog.Checkpoint;
import vn.binhyen.verifier.translog.TransparencyLog;

/** The transparency log's public endpoints: head, checkpoint, entries, inclusion and consistency proofs. */
public final class LogRoutes {

  private final TransparencyLog log;

  public LogRoutes(TransparencyLog log) {
    this.log = log;
  }

  public void mount(Api api) {
    api.operation("getLogHead", ctx -> log.publishHead().onSuccess(head -> Json.ok(ctx, head(head))).onFailure(ctx::fail));
    api.operation("getLogCheckpoint", ctx -> log.publishHead().onSuccess(head -> ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(head.checkpoint())).onFailure(ctx::fail));
    api.operation("getLogEntries", this::entries);
    api.operation("getInclusionProof", this::inclusion);
    api.operation("getConsistencyProof", this::consistency);
  }

  private JsonObject head(TransparencyLog.Head head) {
    return new JsonObject()
        .put("origin", TransparencyLog.ORIGIN)
        .put("treeSize", head.size())
        .put("rootHash", b64(head.rootHash()))
        .put("signedAt", head.signedAt().toString())
        .put("checkpoint", head.checkpoint())
        .put("verifierKey", Checkpoint.verifierKey(TransparencyLog.ORIGIN, log.signer().verifyingKey()));
  }

  private void entries(RoutingContext ctx) {
    long start = longParam(ctx, "start");
    long end = longParam(ctx, "end");
    log.entries(start, end).onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(e -> out.add(new JsonObject().put("index", e.index()).put("leafInput", b64(e.input()))
          .put("leafHash", b64(e.leafHash())).put("createdAt", e.createdAt().toString()).put("event", e.event())));
      Json.ok(ctx, new JsonObject().put("entries", out));
    }).onFailure(ctx::fail);
  }

  private void inclusion(RoutingContext ctx) {
    String index = ctx.request().getParam("index");
    String hash = ctx.request().getParam("hash");
    if ((index == null) == (hash == null)) {
      ctx.fail(new DomainError.Invalid("invalid-proof-request", "Cần đúng một trong index hoặc hash / give exactly one of index or hash"));
      return;
    }
    Future<Long> leaf = index != null ? Future.succeededFuture(Long.parseLong(index)) : log.indexOf(decodeHash(hash));
    String sizeParam = ctx.request().getParam("size");
    Future<Long> size = sizeParam != null ? Future.succeededFuture(Long.parseLong(sizeParam))
        : log.publishHead().map(TransparencyLog.Head::size);
    leaf.compose(i -> size.compose(n -> log.inclusionProof(i, n).compose(proof -> log.rootHash(n).map(root ->
            new JsonObject().put("leafIndex", i).put("treeSize", n).put("rootHash", b64(root)).put("proof", hashes(proof))))))
        .onSuccess(body -> Json.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void consistency(RoutingContext ctx) {
    long first = longParam(ctx, "first");
    long second = longParam(ctx, "second");
    log.consistencyProof(first, second)
        .compose(proof -> log.rootHash(first).compose(r1 -> log.rootHash(second).map(r2 -> new JsonObject()
            .put("first", first).put("second", second).put("firstRootHash", b64(r1)).put("secondRootHash", b64(r2))
            .put("proof", hashes(proof)))))
        .onSuccess(body -> Json.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private static byte[] decodeHash(String text) {
    try {
      byte[] hash = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
      if (hash.length != 32) {
        throw new IllegalArgumentException();
      }
      return hash;
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("invalid-proof-request", "hash phải là 32 byte base64 / hash must be 32 bytes in base64");
    }
  }

  private static long longParam(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    try {
      long n = Long.parseLong(v == null ? "" : v.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid("bad-parameter", "Tham số " + name
          + " phải là số nguyên không âm / parameter " + name + " must be a non-negative whole number");
    }
  }

  private static JsonArray hashes(List<byte[]> proof) {
    JsonArray out = new JsonArray();
    proof.forEach(h -> out.add(b64(h)));
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
