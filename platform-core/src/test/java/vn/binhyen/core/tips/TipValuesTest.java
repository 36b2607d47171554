package vn.binhyen.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.tips.attachments.MediaSniffer;
import vn.binhyen.core.tips.webhook.Signatures;

class TipValuesTest {

  @Test
  void receipts_are_ten_crockford_symbols_and_typing_slips_are_forgiven() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String r = ReceiptCodes.newReceipt();
      assertTrue(r.matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"), r);
      assertTrue(seen.add(r));
      assertEquals(Optional.of(r), ReceiptCodes.normalize(r.toLowerCase().replace("-", " ")));
    }
    assertEquals(Optional.of("10000-00000"), ReceiptCodes.normalize("lO000-ooooo"));
    assertEquals(Optional.empty(), ReceiptCodes.normalize("12345"));
    assertEquals(Optional.empty(), ReceiptCodes.normalize("12345-6789U"));
    assertEquals(50, ReceiptCodes.RECEIPT_BITS);
  }

  @Test
  void every_position_of_a_receipt_takes_every_symbol() {
    // 50 random bits spread over the 10 symbols: 2,000 receipts miss a symbol somewhere with a
    // probability of about 10^-25, so a position stuck on a few symbols (bits reused) fails here.
    List<Set<Character>> seen = new ArrayList<>();
    for (int p = 0; p < ReceiptCodes.RECEIPT_SYMBOLS; p++) {
      seen.add(new HashSet<>());
    }
    for (int i = 0; i < 2000; i++) {
      String r = ReceiptCodes.newReceipt().replace("-", "");
      for (int p = 0; p < r.length(); p++) {
        seen.get(p).add(r.charAt(p));
      }
    }
    for (int p = 0; p < ReceiptCodes.RECEIPT_SYMBOLS; p++) {
      assertEquals(32, seen.get(p).size(), "symbols seen at position " + p);
    }
  }

  @Test
  void secrets_are_128_bits_and_only_their_hash_matches() {
    String s = ReceiptCodes.newSecret();
    assertEquals(22, s.length());
    byte[] hash = ReceiptCodes.hashSecret(s);
    assertTrue(ReceiptCodes.matches(s, hash));
    assertFalse(ReceiptCodes.matches(s + "x", hash));
    assertFalse(ReceiptCodes.matches(null, hash));
  }

  @Test
  void media_type_comes_from_the_content_not_the_name() {
    assertEquals(Optional.of("image/png"), MediaSniffer.sniff(TipFixtures.PNG));
    assertEquals(Optional.of("image/jpeg"), MediaSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
    assertEquals(Optional.of("video/mp4"), MediaSniffer.sniff("\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(Optional.of("audio/mpeg"), MediaSniffer.sniff("ID3\u0004".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(Optional.empty(), MediaSniffer.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), MediaSniffer.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), MediaSniffer.sniff(new byte[0]));
  }

  @Test
  void facebook_signature_is_hmac_sha256_of_the_raw_body() {
    byte[] body = "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8);
    String good = "sha256=" + HexFormat.of().formatHex(Signatures.facebookMac(body, "s3cret"));
    assertTrue(Signatures.facebookValid(body, good, "s3cret"));
    assertTrue(Signatures.facebookValid(body, good.toUpperCase().replace("SHA256=", "sha256="), "s3cret"));
    assertFalse(Signatures.facebookValid(body, good, "other"));
    assertFalse(Signatures.facebookValid("{\"object\":\"page\" }".getBytes(StandardCharsets.UTF_8), good, "s3cret"));
    assertFalse(Signatures.facebookValid(body, "sha1=" + good.substring(7), "s3cret"));
    assertFalse(Signatures.facebookValid(body, null, "s3cret"));
  }

  @Test
  void zalo_mac_follows_the_configured_order_and_nothing_else() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Signatures standard = new Signatures(TipSettings.ZALO_MAC_DEFAULT);
    String mac = "mac=" + HexFormat.of().formatHex(standard.zaloMac(body, "app", "123", "key"));
    assertTrue(standard.zaloValid(body, mac, "app", "123", "key"));
    assertFalse(standard.zaloValid(body, mac, "app", "124", "key"));
    assertFalse(new Signatures("body,app_id,timestamp,secret").zaloValid(body, mac, "app", "123", "key"));
    assertThrows(RuntimeException.class, () -> new Signatures("app_id,body,secret"));
  }

  @Test
  void workflow_allows_only_the_documented_moves() {
    assertTrue(TipStatus.RECEIVED.allows("triage"));
    assertFalse(TipStatus.RECEIVED.allows("resolve"));
    assertFalse(TipStatus.TRIAGED.allows("start"));
    assertTrue(TipStatus.IN_PROGRESS.allows("escalate"));
    for (String a : new String[] {"triage", "assign", "start", "resolve", "reject", "forward", "escalate"}) {
      assertFalse(TipStatus.RESOLVED.allows(a));
      assertFalse(TipStatus.REJECTED.allows(a));
    }
    assertEquals(TipStatus.RECEIVED, TipStatus.target("forward"));
  }
}
