package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;

class AttestationTest {

  private final SigningKey key = Ed25519Keys.generate();

  @Test
  void claims_use_short_names_in_a_fixed_order_and_read_back_equal() {
    Attestation attestation = Fixtures.attestation();
    JsonObject claims = attestation.claims();
    assertEquals(List.of("v", "jti", "cid", "p", "id", "n", "tc", "tn", "iat", "exp"), List.copyOf(claims.fieldNames()));
    assertEquals("facebook_page", claims.getString("p"));
    assertEquals(attestation, Attestation.fromClaims(claims));
    assertEquals(attestation, Attestation.fromClaims(CompactJws.parse(attestation.sign(key)).payload()));
  }

  @Test
  void each_issue_gets_a_fresh_short_jti() {
    Attestation a = Fixtures.attestation();
    assertEquals(11, a.jti().length());
    assertNotEquals(a.jti(), Fixtures.attestation().jti());
  }

  @Test
  void a_realistic_vietnamese_attestation_stays_short_enough_for_a_qr_code() {
    String token = Fixtures.attestation().sign(key);
    String[] parts = token.split("\\.");
    // Fixed cost: header 83 + signature 86 + 2 dots = 171 characters, leaving 229 for the payload
    // under a 400 budget, i.e. 171 bytes of JSON. This payload is 225 bytes (the two Vietnamese
    // names alone are 71), so 400 cannot hold every claim; the budget is 480 characters (a QR code
    // of version 17 at level M, see QrCodesTest).
    assertEquals(83, parts[0].length());
    assertEquals(86, parts[2].length());
    assertEquals(300, parts[1].length());
    assertTrue(token.length() <= 480, "token is " + token.length() + " characters");
  }

  @Test
  void an_ascii_named_website_attestation_fits_in_400_characters() {
    Attestation attestation = Attestation.issue("c7", ChannelLinks.normalize("https://www.mps.gov.vn"), "Bo Cong an", "000",
        "Bo Cong an", Fixtures.NOW, Fixtures.NOW + Fixtures.YEAR);
    assertTrue(attestation.sign(key).length() <= 400);
  }

  @Test
  void missing_or_mistyped_claims_are_refused() {
    JsonObject claims = Fixtures.attestation().claims();
    for (String name : claims.fieldNames()) {
      JsonObject without = claims.copy();
      without.remove(name);
      assertEquals("invalid-attestation", assertThrows(DomainError.Invalid.class, () -> Attestation.fromClaims(without)).slug(), name);
    }
    assertThrows(DomainError.Invalid.class, () -> Attestation.fromClaims(claims.copy().put("exp", "tomorrow")));
    assertThrows(DomainError.Invalid.class, () -> Attestation.fromClaims(claims.copy().put("iat", 1.5)));
    assertThrows(DomainError.Invalid.class, () -> Attestation.fromClaims(claims.copy().put("v", 2)));
    assertThrows(DomainError.Invalid.class, () -> Attestation.fromClaims(claims.copy().put("p", "myspace")));
    assertThrows(DomainError.Invalid.class, () -> Attestation.fromClaims(claims.copy().put("exp", claims.getLong("iat"))));
  }

  @Test
  void the_channel_ref_comes_back_from_the_claims() {
    assertEquals(Platform.FACEBOOK_PAGE, Fixtures.attestation().channel().platform());
    assertEquals("facebook.com/conganbadinh", Fixtures.attestation().channel().normalizedId());
  }
}
