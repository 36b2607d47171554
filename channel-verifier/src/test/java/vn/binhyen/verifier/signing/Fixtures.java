package vn.binhyen.verifier.signing;

import vn.binhyen.core.channel.ChannelLinks;

/** Keys, certificates and attestations with realistic defaults for the signing tests. */
final class Fixtures {

  static final long NOW = 1_795_000_000L;
  static final long YEAR = 365L * 24 * 3600;
  static final String DISPLAY_NAME = "Công an phường Ba Đình, Thành phố Hà Nội";
  static final String WARD_NAME = "Phường Ba Đình";
  static final String WARD = "00004";
  static final String PROVINCE = "01";

  final SigningKey root = Ed25519Keys.generate();
  final SigningKey hanoi = Ed25519Keys.generate();
  final InMemoryKeyDirectory directory = new InMemoryKeyDirectory()
      .addRoot(root.verifyingKey())
      .addIssuer(hanoi.verifyingKey(), certificate(hanoi, PROVINCE, NOW - YEAR, NOW + 5 * YEAR))
      .addTenant(WARD, PROVINCE);

  String certificate(SigningKey issuer, String tenantCode, long notBefore, long expiresAt) {
    return new KeyCertificate(issuer.verifyingKey(), tenantCode, notBefore, expiresAt).sign(root);
  }

  static Attestation attestation() {
    return attestation(NOW, NOW + YEAR);
  }

  static Attestation attestation(long issuedAt, long expiresAt) {
    return Attestation.issue("c42", ChannelLinks.normalize("https://www.facebook.com/conganbadinh"), DISPLAY_NAME, WARD,
        WARD_NAME, issuedAt, expiresAt);
  }
}
