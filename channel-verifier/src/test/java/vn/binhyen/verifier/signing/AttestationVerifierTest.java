package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.binhyen.verifier.signing.Fixtures.NOW;
import static vn.binhyen.verifier.signing.Fixtures.PROVINCE;
import static vn.binhyen.verifier.signing.Fixtures.YEAR;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.verifier.signing.VerificationResult.Outcome;

class AttestationVerifierTest {

  private final Fixtures f = new Fixtures();

  private VerificationResult verify(String token) {
    return AttestationVerifier.verify(token, f.directory, NOW);
  }

  @Test
  void an_attestation_signed_by_a_certified_province_key_is_valid_with_its_chain() {
    Attestation attestation = Fixtures.attestation();
    VerificationResult result = verify(attestation.sign(f.hanoi));
    assertEquals(Outcome.VALID, result.outcome(), result.detail());
    assertEquals(attestation, result.attestation());
    assertEquals(List.of(f.hanoi.kid(), f.root.kid()), result.chain());
  }

  @Test
  void the_root_may_sign_directly() {
    VerificationResult result = verify(Fixtures.attestation().sign(f.root));
    assertEquals(Outcome.VALID, result.outcome());
    assertEquals(List.of(f.root.kid()), result.chain());
  }

  @Test
  void garbage_and_other_token_types_are_malformed() {
    assertEquals(Outcome.MALFORMED, verify("not-a-token").outcome());
    assertEquals(Outcome.MALFORMED, verify(null).outcome());
    String certificate = f.directory.certificate(f.hanoi.kid()).orElseThrow();
    assertEquals(Outcome.MALFORMED, verify(certificate).outcome(), "a key certificate is not an attestation");
    String wrongClaims = CompactJws.sign(Attestation.TYP, new JsonObject().put("v", 1), f.hanoi);
    VerificationResult result = verify(wrongClaims);
    assertEquals(Outcome.MALFORMED, result.outcome());
    assertNull(result.attestation());
  }

  @Test
  void an_unsigned_alg_none_token_is_malformed() {
    String header = b64("{\"alg\":\"none\",\"kid\":\"" + f.hanoi.kid() + "\",\"typ\":\"" + Attestation.TYP + "\"}");
    assertEquals(Outcome.MALFORMED, verify(header + "." + b64(Fixtures.attestation().claims().encode()) + ".").outcome());
  }

  @Test
  void a_key_not_in_the_directory_is_unknown() {
    VerificationResult result = verify(Fixtures.attestation().sign(Ed25519Keys.generate()));
    assertEquals(Outcome.UNKNOWN_KEY, result.outcome());
    assertEquals(Fixtures.DISPLAY_NAME, result.attestation().displayName(), "what the token claims is still shown");
  }

  @Test
  void a_changed_claim_breaks_the_signature() {
    String[] parts = Fixtures.attestation().sign(f.hanoi).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("conganbadinh", "conganbadinh.vn");
    assertEquals(Outcome.BAD_SIGNATURE, verify(parts[0] + "." + b64(payload) + "." + parts[2]).outcome());
  }

  @Test
  void a_rotated_out_key_still_verifies_what_it_signed() {
    String old = Fixtures.attestation().sign(f.hanoi);
    SigningKey next = Ed25519Keys.generate();
    f.directory.addIssuer(next.verifyingKey(), f.certificate(next, PROVINCE, NOW, NOW + 5 * YEAR));
    assertEquals(Outcome.VALID, verify(old).outcome());
    assertEquals(Outcome.VALID, verify(Fixtures.attestation().sign(next)).outcome());
  }

  @Test
  void revoking_a_key_fails_everything_it_signed_and_nothing_else() {
    SigningKey next = Ed25519Keys.generate();
    f.directory.addIssuer(next.verifyingKey(), f.certificate(next, PROVINCE, NOW, NOW + 5 * YEAR));
    String byHanoi = Fixtures.attestation().sign(f.hanoi);
    String byNext = Fixtures.attestation().sign(next);
    f.directory.revokeKey(f.hanoi.kid());
    assertEquals(Outcome.KEY_REVOKED, verify(byHanoi).outcome());
    assertEquals(Outcome.VALID, verify(byNext).outcome());
  }

  @Test
  void revoking_the_root_fails_every_chain() {
    String token = Fixtures.attestation().sign(f.hanoi);
    f.directory.revokeKey(f.root.kid());
    VerificationResult result = verify(token);
    assertEquals(Outcome.KEY_REVOKED, result.outcome());
    assertEquals(List.of(f.hanoi.kid(), f.root.kid()), result.chain());
  }

  @Test
  void a_revoked_attestation_fails_and_its_siblings_do_not() {
    Attestation revoked = Fixtures.attestation();
    f.directory.revokeAttestation(revoked.jti());
    assertEquals(Outcome.ATTESTATION_REVOKED, verify(revoked.sign(f.hanoi)).outcome());
    assertEquals(Outcome.VALID, verify(Fixtures.attestation().sign(f.hanoi)).outcome());
  }

  @Test
  void validity_window_gives_expired_and_not_yet_valid() {
    assertEquals(Outcome.EXPIRED, verify(Fixtures.attestation(NOW - YEAR, NOW).sign(f.hanoi)).outcome());
    assertEquals(Outcome.VALID, verify(Fixtures.attestation(NOW - YEAR, NOW + 1).sign(f.hanoi)).outcome());
    assertEquals(Outcome.VALID, verify(Fixtures.attestation(NOW + 60, NOW + YEAR).sign(f.hanoi)).outcome(), "clock skew");
    assertEquals(Outcome.NOT_YET_VALID, verify(Fixtures.attestation(NOW + 3600, NOW + YEAR).sign(f.hanoi)).outcome());
  }

  @Test
  void a_key_without_a_root_certificate_is_not_trusted() {
    SigningKey rogue = Ed25519Keys.generate();
    SigningKey otherRoot = Ed25519Keys.generate();
    f.directory.addIssuer(rogue.verifyingKey(), new KeyCertificate(rogue.verifyingKey(), PROVINCE, 0, NOW + YEAR).sign(otherRoot));
    VerificationResult result = verify(Fixtures.attestation().sign(rogue));
    assertEquals(Outcome.CERTIFICATE_INVALID, result.outcome());
    assertTrue(result.detail().contains("not signed by a root"), result.detail());
  }

  @Test
  void a_certificate_for_another_province_does_not_cover_this_ward() {
    SigningKey hcm = Ed25519Keys.generate();
    f.directory.addIssuer(hcm.verifyingKey(), f.certificate(hcm, "79", NOW - YEAR, NOW + YEAR));
    VerificationResult result = verify(Fixtures.attestation().sign(hcm));
    assertEquals(Outcome.CERTIFICATE_INVALID, result.outcome());
    assertTrue(result.detail().contains("certified for tenant 79"), result.detail());
  }

  @Test
  void a_key_must_have_been_certified_when_it_signed() {
    SigningKey late = Ed25519Keys.generate();
    f.directory.addIssuer(late.verifyingKey(), f.certificate(late, PROVINCE, NOW + 10, NOW + YEAR));
    assertEquals(Outcome.CERTIFICATE_INVALID, verify(Fixtures.attestation().sign(late)).outcome());
  }

  @Test
  void a_certificate_of_another_key_does_not_vouch_for_this_one() {
    SigningKey impostor = Ed25519Keys.generate();
    f.directory.addIssuer(impostor.verifyingKey(), f.directory.certificate(f.hanoi.kid()).orElseThrow());
    VerificationResult result = verify(Fixtures.attestation().sign(impostor));
    assertEquals(Outcome.CERTIFICATE_INVALID, result.outcome());
  }

  @Test
  void a_certificate_reads_back_its_claims() {
    KeyCertificate certificate = new KeyCertificate(f.hanoi.verifyingKey(), PROVINCE, NOW, NOW + YEAR);
    CompactJws.Parsed parsed = CompactJws.parse(certificate.sign(f.root));
    assertEquals(KeyCertificate.TYP, parsed.typ());
    assertEquals(List.of("kid", "x", "tc", "nbf", "exp"), List.copyOf(parsed.payload().fieldNames()));
    assertEquals(certificate, KeyCertificate.fromClaims(parsed.payload()));
    assertTrue(parsed.verifiedBy(f.root.verifyingKey()));
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
