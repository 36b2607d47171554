package vn.binhyen.verifier.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.binhyen.verifier.signing.CompactJws;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.SigningKey;

/** The trust list's signed form: root-signed compact JWS, fixed member order, refusals. */
class TrustListTest {

  static final long NOW = 1_795_000_000L;
  final SigningKey root = Ed25519Keys.generate();
  final SigningKey hanoi = Ed25519Keys.generate();

  TrustList list(long issuedAt, long expiresAt) {
    TrustList.Key rootKey = new TrustList.Key(root.kid(), TrustList.b64(root.verifyingKey().raw()), "root", "BCA", "active", null, null);
    TrustList.Key issuing = new TrustList.Key(hanoi.kid(), TrustList.b64(hanoi.verifyingKey().raw()), "issuing", "01", "active",
        NOW - 10, NOW + 1000);
    TreeMap<String, Long> revoked = new TreeMap<>();
    revoked.put("AAAAAAAAAAA", NOW + 50);
    TreeMap<String, String> units = new TreeMap<>();
    units.put("00004", "BCA/01/00004");
    return new TrustList(issuedAt, expiresAt, rootKey, List.of(rootKey, issuing),
        List.of(new TrustList.RevokedKey("old-kid", NOW - 5)), revoked, units);
  }

  @Test
  void the_list_is_a_compact_jws_of_the_root_with_members_in_a_fixed_order() {
    String token = list(NOW, NOW + TrustList.VALIDITY_SECONDS).sign(root);
    CompactJws.Parsed jws = CompactJws.parse(token);
    assertEquals(TrustList.TYP, jws.typ());
    assertEquals(root.kid(), jws.kid());
    assertTrue(jws.verifiedBy(root.verifyingKey()));
    assertFalse(jws.verifiedBy(hanoi.verifyingKey()));
    JsonObject claims = jws.payload();
    assertEquals(List.of("v", "iss", "iat", "exp", "root", "keys", "revokedKeys", "revokedAttestations", "units"),
        List.copyOf(claims.fieldNames()));
    assertEquals(NOW + 30L * 24 * 3600, claims.getLong("exp"));
    assertEquals("issuing", claims.getJsonArray("keys").getJsonObject(1).getString("purpose"));
    assertEquals(NOW + 1000, claims.getJsonArray("keys").getJsonObject(1).getLong("exp"));
    assertEquals("AAAAAAAAAAA", claims.getJsonArray("revokedAttestations").getJsonObject(0).getString("jti"));
    assertEquals("old-kid", claims.getJsonArray("revokedKeys").getJsonObject(0).getString("kid"));
    assertEquals("BCA/01/00004", claims.getJsonObject("units").getString("00004"));
    assertEquals(token, list(NOW, NOW + TrustList.VALIDITY_SECONDS).sign(root), "the same list gives the same bytes");
  }

  @Test
  void only_the_root_it_names_may_sign_it() {
    TrustList l = list(NOW, NOW + 10);
    assertThrows(IllegalArgumentException.class, () -> l.sign(hanoi));
  }

  @Test
  void a_list_must_expire_after_it_is_issued() {
    assertThrows(IllegalArgumentException.class, () -> list(NOW, NOW));
  }
}
