package vn.binhyen.verifier.translog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;
import vn.binhyen.verifier.TestChannels;

/**
 * The log's HTTP endpoints checked the way an outside auditor would: leaf hashes, root and proofs
 * recomputed here from RFC 9162 §2.1 with SHA-256 only (no project Merkle code).
 */
class LogProofsIT {

  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
  }

  static byte[] sha256(byte[]... parts) {
    return Rfc9162.sha256(parts);
  }

  static byte[] mth(List<byte[]> leafHashes) {
    return Rfc9162.mthOfLeafHashes(leafHashes);
  }

  static boolean inclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
    return Rfc9162.verifyInclusion(index, size, leaf, path, root);
  }

  static boolean consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
    return Rfc9162.verifyConsistency(first, second, firstRoot, secondRoot, path);
  }

  static List<byte[]> hashes(JsonArray array) {
    List<byte[]> out = new ArrayList<>();
    array.forEach(h -> out.add(Base64.getDecoder().decode((String) h)));
    return out;
  }

  static JsonObject get(String path) {
    Http.Response r = http.get(path, null);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  @Test
  void entries_head_and_inclusion_proofs_agree_with_an_independent_rfc_9162_verifier() {
    JsonObject head = get("/api/public/log/head");
    long size = head.getLong("treeSize");
    byte[] root = Base64.getDecoder().decode(head.getString("rootHash"));
    assertTrue(size >= 12, "the demo channels and keys are logged: " + size);
    assertEquals(Checkpoint.verify(head.getString("checkpoint"), head.getString("verifierKey")).size(), size);
    assertEquals(head.getString("checkpoint"), http.get("/api/public/log/checkpoint", null).body());

    JsonArray entries = get("/api/public/log/entries?start=0&end=" + size).getJsonArray("entries");
    List<byte[]> leafHashes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonObject e = entries.getJsonObject(i);
      byte[] input = Base64.getDecoder().decode(e.getString("leafInput"));
      byte[] leafHash = sha256(new byte[] {0}, input);
      assertArrayEquals(leafHash, Base64.getDecoder().decode(e.getString("leafHash")));
      leafHashes.add(leafHash);
    }
    assertArrayEquals(root, mth(leafHashes), "the signed root is the RFC 9162 hash of the entries");

    for (long i : new long[] {0, 1, size / 2, size - 1}) {
      JsonObject p = get("/api/public/log/proof/inclusion?index=" + i + "&size=" + size);
      assertTrue(inclusion(i, size, leafHashes.get((int) i), hashes(p.getJsonArray("proof")), root), "leaf " + i);
      assertFalse(inclusion(i, size, sha256("other".getBytes()), hashes(p.getJsonArray("proof")), root));
    }
    String hash = URLEncoder.encode(Base64.getEncoder().encodeToString(leafHashes.get(3)), StandardCharsets.UTF_8);
    JsonObject byHash = get("/api/public/log/proof/inclusion?hash=" + hash + "&size=" + size);
    assertEquals(3, byHash.getLong("leafIndex"));
    assertTrue(inclusion(3, size, leafHashes.get(3), hashes(byHash.getJsonArray("proof")), root));
  }

  @Test
  void a_new_issuance_grows_the_log_consistently_and_its_leaf_holds_the_token() {
    JsonObject before = get("/api/public/log/head");
    long first = before.getLong("treeSize");
    Http.Response issued = TestChannels.issue(http, "hanoi-admin", TestChannels.pendingPage("00070").id());
    assertEquals(201, issued.status(), issued.toString());
    JsonObject after = get("/api/public/log/head");
    long second = after.getLong("treeSize");
    assertTrue(second > first);
    JsonObject proof = get("/api/public/log/proof/consistency?first=" + first + "&second=" + second);
    assertTrue(consistency(first, second, Base64.getDecoder().decode(before.getString("rootHash")),
        Base64.getDecoder().decode(after.getString("rootHash")), hashes(proof.getJsonArray("proof"))));
    long index = issued.json().getLong("logIndex");
    JsonObject leaf = get("/api/public/log/entries?start=" + index + "&end=" + (index + 1)).getJsonArray("entries").getJsonObject(0);
    assertEquals("issue", leaf.getJsonObject("event").getString("op"));
    assertEquals(issued.json().getString("token"), leaf.getJsonObject("event").getString("token"));
  }

  @Test
  void bad_proof_requests_are_problems() {
    assertTrue(http.get("/api/public/log/proof/consistency?first=5&second=4", null).isProblem(400, "invalid-proof-request"));
    assertTrue(http.get("/api/public/log/proof/inclusion?index=999999&size=1000000", null).isProblem(400, "invalid-proof-request"));
    assertTrue(http.get("/api/public/log/entries?start=10&end=5", null).isProblem(400, "invalid-range"));
  }

  @Test
  void the_self_monitor_checks_every_head_without_alerts() {
    LogMonitor monitor = TestChannels.services().get(LogMonitor.class);
    get("/api/public/log/head");
    monitor.checkNow().await();
    assertEquals(0, monitor.alerts());
    assertEquals(get("/api/public/log/head").getLong("treeSize"), monitor.lastChecked().size());
  }
}
