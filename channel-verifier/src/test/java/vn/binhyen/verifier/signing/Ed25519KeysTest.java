package vn.binhyen.verifier.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

  private static final byte[] MESSAGE = "Bình yên".getBytes(StandardCharsets.UTF_8);

  @Test
  void a_key_restored_from_its_raw_bytes_signs_the_same() {
    SigningKey key = Ed25519Keys.generate();
    SigningKey restored = Ed25519Keys.signingKey(key.rawPrivate());
    assertEquals(32, key.rawPrivate().length);
    assertEquals(32, key.verifyingKey().raw().length);
    assertArrayEquals(key.sign(MESSAGE), restored.sign(MESSAGE), "Ed25519 signatures are deterministic");
    assertEquals(key.verifyingKey(), Ed25519Keys.verifyingKey(key.verifyingKey().raw()));
  }

  @Test
  void a_signature_verifies_only_for_its_key_and_message() {
    SigningKey key = Ed25519Keys.generate();
    byte[] signature = key.sign(MESSAGE);
    assertTrue(key.verifyingKey().verify(MESSAGE, signature));
    assertFalse(Ed25519Keys.generate().verifyingKey().verify(MESSAGE, signature));
    assertFalse(key.verifyingKey().verify("Binh yen".getBytes(StandardCharsets.UTF_8), signature));
    assertFalse(key.verifyingKey().verify(MESSAGE, new byte[10]));
  }

  @Test
  void rfc8032_test_vector_1_gives_the_published_public_key_and_signature() {
    HexFormat hex = HexFormat.of();
    SigningKey key = Ed25519Keys.signingKey(hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", hex.formatHex(key.verifyingKey().raw()));
    assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        hex.formatHex(key.sign(new byte[0])));
  }

  @Test
  void the_kid_is_22_base64url_characters_stable_and_distinct() {
    SigningKey key = Ed25519Keys.generate();
    assertEquals(22, key.kid().length());
    assertTrue(key.kid().matches("[A-Za-z0-9_-]{22}"));
    assertEquals(key.kid(), Ed25519Keys.kid(key.verifyingKey().raw()));
    assertNotEquals(key.kid(), Ed25519Keys.generate().kid());
  }

  @Test
  void keys_of_the_wrong_length_are_refused_and_private_keys_never_print() {
    assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.signingKey(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.verifyingKey(new byte[33]));
    SigningKey key = Ed25519Keys.generate();
    assertEquals("SigningKey[kid=" + key.kid() + "]", key.toString());
  }
}
