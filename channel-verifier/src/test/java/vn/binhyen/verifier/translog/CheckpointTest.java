package vn.binhyen.verifier.translog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.SigningKey;

class CheckpointTest {

  private static final String ORIGIN = "binhyen.vn/log";
  private static final String NAME = "binhyen.vn/log";
  private final SigningKey key = Ed25519Keys.generate();
  private final Checkpoint checkpoint = new Checkpoint(ORIGIN, 12345, MerkleTree.leafHash(new byte[] {1}));

  // The example of golang.org/x/mod/sumdb/note, also used by c2sp.org/signed-note implementations.
  private static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String GO_PRIVATE_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  private static final String GO_NOTE = GO_TEXT
      + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void the_body_is_origin_size_and_base64_root_on_three_lines() {
    String body = checkpoint.body();
    assertEquals(ORIGIN + "\n12345\n" + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + "\n", body);
  }

  @Test
  void a_signed_checkpoint_is_the_body_a_blank_line_and_an_em_dash_signature_line() {
    String note = checkpoint.sign(NAME, key);
    assertTrue(note.startsWith(checkpoint.body() + "\n\u2014 " + NAME + " "));
    assertTrue(note.endsWith("\n"));
    byte[] keyHashAndSignature = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).trim());
    assertEquals(68, keyHashAndSignature.length);
    byte[] expectedKeyHash = Arrays.copyOf(sha256(NAME.getBytes(StandardCharsets.UTF_8), new byte[] {0x0A, 0x01}, key.verifyingKey().raw()), 4);
    assertArrayEquals(expectedKeyHash, Arrays.copyOf(keyHashAndSignature, 4));
    assertTrue(key.verifyingKey().verify(checkpoint.body().getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(keyHashAndSignature, 4, 68)));
  }

  @Test
  void the_verifier_key_names_hashes_and_types_the_public_key() {
    String verifierKey = Checkpoint.verifierKey(NAME, key.verifyingKey());
    String[] parts = verifierKey.split("\\+", 3);
    assertEquals(NAME, parts[0]);
    assertEquals(HexFormat.of().formatHex(Checkpoint.keyHash(NAME, key.verifyingKey())), parts[1]);
    byte[] typed = Base64.getDecoder().decode(parts[2]);
    assertEquals(0x01, typed[0]);
    assertArrayEquals(key.verifyingKey().raw(), Arrays.copyOfRange(typed, 1, 33));
  }

  @Test
  void a_checkpoint_verifies_and_parses_back() {
    String note = checkpoint.sign(NAME, key);
    assertEquals(checkpoint, Checkpoint.verify(note, Checkpoint.verifierKey(NAME, key.verifyingKey())));
    assertEquals(checkpoint, Checkpoint.parse(note));
  }

  @Test
  void our_notes_match_the_go_reference_implementation_byte_for_byte() {
    byte[] typed = Base64.getDecoder().decode(GO_PRIVATE_KEY);
    SigningKey peter = Ed25519Keys.signingKey(Arrays.copyOfRange(typed, 1, 33));
    assertEquals(GO_VERIFIER_KEY, Checkpoint.verifierKey("PeterNeumann", peter.verifyingKey()));
    assertEquals(GO_NOTE, Checkpoint.signNote(GO_TEXT, "PeterNeumann", peter));
    assertEquals(GO_TEXT, Checkpoint.openNote(GO_NOTE, GO_VERIFIER_KEY));
  }

  @Test
  void a_changed_size_or_root_fails_verification() {
    String note = checkpoint.sign(NAME, key);
    String verifierKey = Checkpoint.verifierKey(NAME, key.verifyingKey());
    DomainError.Invalid error = assertThrows(DomainError.Invalid.class,
        () -> Checkpoint.verify(note.replace("\n12345\n", "\n12346\n"), verifierKey));
    assertEquals("invalid-checkpoint", error.slug());
    assertTrue(error.getMessage().contains("no valid signature"));
  }

  @Test
  void another_key_or_a_mismatched_verifier_key_fails() {
    String note = checkpoint.sign(NAME, key);
    SigningKey other = Ed25519Keys.generate();
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(note, Checkpoint.verifierKey(NAME, other.verifyingKey())));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(note, Checkpoint.verifierKey("other.vn/log", key.verifyingKey())));
    String wrongHash = Checkpoint.verifierKey(NAME, key.verifyingKey()).replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(note, wrongHash));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(note, "garbage"));
  }

  @Test
  void signatures_by_other_keys_are_ignored_so_witness_cosignatures_can_be_added() {
    SigningKey witness = Ed25519Keys.generate();
    String witnessLine = Checkpoint.signNote(checkpoint.body(), "witness.example", witness);
    String ours = checkpoint.sign(NAME, key);
    String both = witnessLine + ours.substring(checkpoint.body().length() + 1);
    assertEquals(checkpoint, Checkpoint.verify(both, Checkpoint.verifierKey(NAME, key.verifyingKey())));
    assertEquals(checkpoint, Checkpoint.verify(both, Checkpoint.verifierKey("witness.example", witness.verifyingKey())));
  }

  @Test
  void malformed_notes_and_bodies_are_refused() {
    String verifierKey = Checkpoint.verifierKey(NAME, key.verifyingKey());
    String note = checkpoint.sign(NAME, key);
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(note.substring(0, note.length() - 1), verifierKey));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(checkpoint.body(), verifierKey));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.verify(note.replace("\u2014", "-"), verifierKey));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.parse("origin\n012\nAAAA\n\n\u2014 x y\n"));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.parse("origin\n12\nnot base64!\n\n\u2014 x y\n"));
    assertThrows(DomainError.Invalid.class, () -> Checkpoint.parse("origin\n12\n\n\u2014 x y\n"));
    assertThrows(DomainError.Invalid.class, () -> new Checkpoint("two\nlines", 1, new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> checkpoint.sign("has space", key));
  }

  @Test
  void a_checkpoint_of_a_real_tree_carries_its_root() {
    MerkleTree tree = new MerkleTree(LeafHashes.of(java.util.List.of(MerkleTree.leafHash(new byte[] {1}), MerkleTree.leafHash(new byte[] {2}))));
    Checkpoint head = new Checkpoint(ORIGIN, tree.size(), tree.rootHash());
    Checkpoint verified = Checkpoint.verify(head.sign(NAME, key), Checkpoint.verifierKey(NAME, key.verifyingKey()));
    assertArrayEquals(tree.rootHash(), verified.rootHash());
    assertEquals(2, verified.size());
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
