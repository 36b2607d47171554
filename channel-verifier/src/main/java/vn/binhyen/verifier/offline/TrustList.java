package vn.binhyen.verifier.offline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import vn.binhyen.verifier.signing.CompactJws;
import vn.binhyen.verifier.signing.SigningKey;

/**
 * What a phone needs to check an attestation with no network: the root key, every issuing key with
 * the unit and window its certificate grants, the revoked keys, the revoked attestations not yet
 * expired, and the path of every unit owning a published channel; dated, and signed by the root as
 * a compact JWS (typ {@value #TYP}). The format is in docs/verification.md, "Offline verification".
 */
public record TrustList(long issuedAt, long expiresAt, Key root, List<Key> keys, List<RevokedKey> revokedKeys,
    SortedMap<String, Long> revokedAttestations, SortedMap<String, String> unitPaths) {

  /** The {@code typ} header of a trust list. */
  public static final String TYP = "binhyen-trustlist+jwt";
  /** A phone stops calling a token official on a list older than this: revocations may be missing. */
  public static final long VALIDITY_SECONDS = 30L * 24 * 3600;

  /** A key a phone may verify with: {@code nbf}/{@code exp} are its certificate's window (none for the root). */
  public record Key(String kid, String x, String purpose, String tenantCode, String status, Long notBefore, Long expiresAt) {
    public Key {
      Objects.requireNonNull(kid, "kid");
      Objects.requireNonNull(x, "x");
    }

    JsonObject json() {
      return new JsonObject().put("kid", kid).put("x", x).put("purpose", purpose).put("tc", tenantCode)
          .put("status", status).put("nbf", notBefore).put("exp", expiresAt);
    }
  }

  /** A key that was revoked: everything it signed fails. */
  public record RevokedKey(String kid, long revokedAt) {
    JsonObject json() {
      return new JsonObject().put("kid", kid).put("revokedAt", revokedAt);
    }
  }

  public TrustList {
    Objects.requireNonNull(root, "root");
    keys = List.copyOf(keys);
    revokedKeys = List.copyOf(revokedKeys);
    if (expiresAt <= issuedAt) {
      throw new IllegalArgumentException("a trust list must expire after it is issued");
    }
  }

  /** The payload, members in a fixed order so the same list always gives the same bytes. */
  public JsonObject claims() {
    JsonArray keyArray = new JsonArray();
    keys.forEach(k -> keyArray.add(k.json()));
    JsonArray revokedKeyArray = new JsonArray();
    revokedKeys.forEach(k -> revokedKeyArray.add(k.json()));
    JsonArray revokedArray = new JsonArray();
    revokedAttestations.forEach((jti, exp) -> revokedArray.add(new JsonObject().put("jti", jti).put("exp", exp)));
    JsonObject units = new JsonObject();
    unitPaths.forEach(units::put);
    return new JsonObject()
        .put("v", 1)
        .put("iss", "BCA")
        .put("iat", issuedAt)
        .put("exp", expiresAt)
        .put("root", new JsonObject().put("kid", root.kid()).put("x", root.x()))
        .put("keys", keyArray)
        .put("revokedKeys", revokedKeyArray)
        .put("revokedAttestations", revokedArray)
        .put("units", units);
  }

  /** The list as a compact JWS signed by the root key. */
  public String sign(SigningKey rootKey) {
    if (!rootKey.kid().equals(root.kid())) {
      throw new IllegalArgumentException("the list must be signed by the root it names, " + root.kid());
    }
    return CompactJws.sign(TYP, claims(), rootKey);
  }

  static String b64(byte[] raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
