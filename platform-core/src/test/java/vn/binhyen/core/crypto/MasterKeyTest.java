package vn.binhyen.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.binhyen.core.error.DomainError;

class MasterKeyTest {

  private static final byte[] SECRET = "Nguyễn Văn A, 0912 345 678".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AAD = "tip:42/tenant:01".getBytes(StandardCharsets.UTF_8);

  private static MasterKey key() {
    return MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
  }

  @Test
  void sealed_data_opens_to_the_same_bytes() {
    MasterKey key = key();
    byte[] box = key.seal(SECRET, AAD);
    assertArrayEquals(SECRET, key.open(box, AAD));
    assertArrayEquals(new byte[0], key.open(key.seal(new byte[0], null), null));
  }

  @Test
  void a_sealed_box_is_version_nonce_ciphertext_and_tag() {
    byte[] box = key().seal(SECRET, AAD);
    assertEquals(1 + 12 + SECRET.length + 16, box.length);
    assertEquals(AeadKey.VERSION, box[0]);
  }

  @Test
  void sealing_twice_uses_a_fresh_nonce() {
    MasterKey key = key();
    assertFalse(Arrays.equals(key.seal(SECRET, AAD), key.seal(SECRET, AAD)));
  }

  @Test
  void any_flipped_bit_makes_opening_fail_with_a_clear_message() {
    MasterKey key = key();
    byte[] box = key.seal(SECRET, AAD);
    for (int i = 1; i < box.length; i++) {
      byte[] tampered = box.clone();
      tampered[i] ^= 0x01;
      IntegrityException e = assertThrows(IntegrityException.class, () -> key.open(tampered, AAD));
      assertTrue(e.getMessage().contains("altered"));
    }
  }

  @Test
  void a_truncated_box_or_unknown_version_is_refused() {
    MasterKey key = key();
    byte[] box = key.seal(SECRET, AAD);
    assertTrue(assertThrows(IntegrityException.class, () -> key.open(Arrays.copyOf(box, 20), AAD)).getMessage().contains("too short"));
    box[0] = 2;
    assertTrue(assertThrows(IntegrityException.class, () -> key.open(box, AAD)).getMessage().contains("version"));
  }

  @Test
  void a_box_does_not_open_under_another_aad() {
    MasterKey key = key();
    byte[] box = key.seal(SECRET, AAD);
    assertThrows(IntegrityException.class, () -> key.open(box, "tip:43/tenant:01".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IntegrityException.class, () -> key.open(box, null));
  }

  @Test
  void the_key_file_is_created_owner_only_and_reloads_the_same_key(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys/master.key");
    MasterKey first = MasterKey.loadOrCreate(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    MasterKey again = MasterKey.loadOrCreate(file);
    assertArrayEquals(SECRET, again.open(first.seal(SECRET, AAD), AAD));
    assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
  }

  @Test
  void a_key_file_readable_by_others_is_refused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.key");
    MasterKey.loadOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> MasterKey.loadOrCreate(file));
    assertTrue(e.getMessage().contains("chmod 600"));
  }

  @Test
  void a_configured_key_must_be_base64_of_32_bytes() {
    assertEquals("invalid-master-key", assertThrows(DomainError.Invalid.class, () -> MasterKey.fromBase64("not base64!")).slug());
    assertThrows(DomainError.Invalid.class, () -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
    assertThrows(DomainError.Invalid.class, () -> MasterKey.fromBase64(" "));
  }

  @Test
  void a_purpose_always_derives_the_same_key_and_different_purposes_different_keys() {
    MasterKey key = key();
    AeadKey tenant = key.derive("tenant:01");
    byte[] box = tenant.seal(SECRET, AAD);
    assertArrayEquals(SECRET, key.derive("tenant:01").open(box, AAD));
    assertThrows(IntegrityException.class, () -> key.derive("tenant:02").open(box, AAD));
    assertThrows(IntegrityException.class, () -> key.derive("signing-keys").open(box, AAD));
    assertThrows(IntegrityException.class, () -> key.open(box, AAD));
  }

  @Test
  void another_master_key_derives_other_keys() {
    byte[] other = new byte[32];
    other[0] = 1;
    byte[] box = key().derive("signing-keys").seal(SECRET, AAD);
    assertThrows(IntegrityException.class,
        () -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(other)).derive("signing-keys").open(box, AAD));
  }

  @Test
  void keys_never_print_their_bytes() {
    assertEquals("MasterKey[hidden]", key().toString());
    assertEquals("AeadKey[hidden]", key().derive("x").toString());
  }
}
