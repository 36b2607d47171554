package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * Proves a stranger can check an attestation with nothing but the published JWKS and a standard
 * Ed25519 implementation: project classes only make the token, and verification below uses
 * Jackson with BouncyCastle's raw Ed25519, and again the JDK's own Ed25519.
 */
class ThirdPartyVerificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void an_attestation_verifies_with_only_the_jwks_and_raw_ed25519() throws Exception {
    SigningKey issuer = Ed25519Keys.generate();
    String jwks = Jwk.set(List.of(Ed25519Keys.generate().verifyingKey(), issuer.verifyingKey())).encode();
    String token = Fixtures.attestation().sign(issuer);

    String[] parts = token.split("\\.");
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    assertEquals("EdDSA", header.get("alg").asText());
    JsonNode jwk = null;
    for (JsonNode candidate : JSON.readTree(jwks).get("keys")) {
      if (candidate.get("kid").asText().equals(header.get("kid").asText())) {
        jwk = candidate;
      }
    }
    assertEquals("OKP", jwk.get("kty").asText());
    assertEquals("Ed25519", jwk.get("crv").asText());
    byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);

    Ed25519Signer bouncyCastle = new Ed25519Signer();
    bouncyCastle.init(false, new Ed25519PublicKeyParameters(x, 0));
    bouncyCastle.update(signingInput, 0, signingInput.length);
    assertTrue(bouncyCastle.verifySignature(signature));

    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(jdkPublicKey(x));
    jdk.update(signingInput);
    assertTrue(jdk.verify(signature));

    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("Công an phường Ba Đình, Thành phố Hà Nội", claims.get("n").asText());
    assertTrue(claims.get("exp").asLong() > claims.get("iat").asLong());

    signingInput[signingInput.length - 1] ^= 1;
    jdk.initVerify(jdkPublicKey(x));
    jdk.update(signingInput);
    assertFalse(jdk.verify(signature), "a changed token fails");
  }

  /** SubjectPublicKeyInfo for Ed25519 (RFC 8410) is a fixed 12-byte prefix and the raw key. */
  private static PublicKey jdkPublicKey(byte[] raw) throws Exception {
    byte[] spki = new BigInteger(1, HexFormat.of().parseHex("302a300506032b6570032100")).toByteArray();
    byte[] encoded = new byte[spki.length + raw.length];
    System.arraycopy(spki, 0, encoded, 0, spki.length);
    System.arraycopy(raw, 0, encoded, spki.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }
}
