package vn.binhyen.verifier.impostor.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceStoreTest {

  @Test
  void image_type_is_read_from_the_bytes() {
    assertEquals(Optional.of("image/png"), EvidenceStore.sniff(ImpostorCaseFlowIT.PNG));
    assertEquals(Optional.of("image/jpeg"), EvidenceStore.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
    assertEquals(Optional.of("image/webp"), EvidenceStore.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void html_svg_and_truncated_headers_are_not_images() {
    assertTrue(EvidenceStore.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(EvidenceStore.sniff("<html>".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(EvidenceStore.sniff(new byte[] {(byte) 0x89, 'P', 'N'}).isEmpty());
    assertTrue(EvidenceStore.sniff(new byte[0]).isEmpty());
  }
}
