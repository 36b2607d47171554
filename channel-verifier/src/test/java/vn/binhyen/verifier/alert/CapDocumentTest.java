package vn.binhyen.verifier.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The CAP writer alone: every message kind is valid against the OASIS CAP 1.2 schema. */
class CapDocumentTest {

  static final Instant ISSUED = Instant.parse("2026-12-02T08:00:00Z");

  static Alert alert(String id, String replaces, Instant cancelledAt, String replacedBy) {
    return alert(id, replaces, cancelledAt, replacedBy, List.of());
  }

  static Alert alert(String id, String replaces, Instant cancelledAt, String replacedBy, List<AlertImage> images) {
    return new Alert(id, 2, "BCA/01", "01", "Công an Thành phố Hà Nội", "Cảnh báo lừa đảo & <giả danh>",
        "Không chuyển tiền cho người lạ.", null, null, Severity.EXTREME, "giả danh công an", false,
        List.of("00004", "00070"), List.of("BCA/01/00004", "BCA/01/00070"), List.of("Phường Ba Đình", "Phường Hoàn Kiếm"),
        replaces, "kid", "eyJ.a.b", 7, ISSUED, ISSUED.plusSeconds(3600), "hanoi-admin", cancelledAt, null, replacedBy,
        cancelledAt == null ? null : "eyJ.c.d", cancelledAt == null ? null : 9L, images);
  }

  static Schema schema() throws SAXException {
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(CapDocumentTest.class.getResource("/cap/CAP-v1.2.xsd"));
  }

  static void assertValid(String xml) throws Exception {
    schema().newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  @Test
  void alert_update_and_cancel_messages_are_valid_cap_1_2() throws Exception {
    Alert first = alert("AAAAAAAAAAA", null, null, null);
    String alert = CapDocument.of(first, null, "https://binhyen.example");
    assertValid(alert);
    assertTrue(alert.contains("<msgType>Alert</msgType>"));
    assertTrue(alert.contains("<sent>2026-12-02T15:00:00+07:00</sent>"), "Vietnam time with an offset: " + alert);
    assertTrue(alert.contains("&amp; &lt;giả danh&gt;"), "text is escaped");
    assertTrue(alert.indexOf("<language>vi-VN</language>") < alert.indexOf("<language>en-US</language>"));

    String update = CapDocument.of(alert("BBBBBBBBBBB", "AAAAAAAAAAA", null, null), first, "https://binhyen.example");
    assertValid(update);
    assertTrue(update.contains("<msgType>Update</msgType>"));
    assertTrue(update.contains("<references>unit-01@binhyen.vn,binhyen-alert-AAAAAAAAAAA,2026-12-02T15:00:00+07:00</references>"));

    String cancel = CapDocument.of(alert("AAAAAAAAAAA", null, ISSUED.plusSeconds(60), "BBBBBBBBBBB"), null,
        "https://binhyen.example");
    assertValid(cancel);
    assertTrue(cancel.contains("<msgType>Cancel</msgType>"));
    assertTrue(cancel.contains("<identifier>binhyen-alert-AAAAAAAAAAA-cancel</identifier>"));
  }

  @Test
  void images_are_listed_as_cap_resources_with_their_sha1_digest() throws Exception {
    AlertImage photo = new AlertImage("a".repeat(64), "0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33", "image/jpeg", 2048);
    AlertImage shot = new AlertImage("b".repeat(64), "62cdb7020ff920e5aa642c3d4066950dd1f01f4d", "image/png", 512);
    String xml = CapDocument.of(alert("AAAAAAAAAAA", null, null, null, List.of(photo, shot)), null, "https://binhyen.example");
    assertValid(xml);
    assertTrue(xml.contains("<resource><resourceDesc>Ảnh 1</resourceDesc><mimeType>image/jpeg</mimeType><size>2048</size>"
        + "<uri>https://binhyen.example/api/public/alerts/AAAAAAAAAAA/images/1</uri>"
        + "<digest>0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33</digest></resource>"), xml);
    assertTrue(xml.contains("<resourceDesc>Image 2</resourceDesc><mimeType>image/png</mimeType>"), xml);
    assertTrue(xml.lastIndexOf("<resource>") < xml.indexOf("<area>", xml.indexOf("<language>en-US</language>")),
        "resource comes before area, as the schema orders them");
  }

  @Test
  void image_lists_out_of_bounds_are_refused_with_a_problem_slug() {
    List<String> five = List.of("1", "2", "3", "4", "5").stream().map(c -> c.repeat(64)).toList();
    assertEquals("alert-image-count", assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> new AlertInput("t", "b", null, null, Severity.MINOR, null, null, 1, null, five)).slug());
    assertEquals("alert-image-count", assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> new AlertInput("t", "b", null, null, Severity.MINOR, null, null, 1, null,
            List.of("a".repeat(64), "a".repeat(64)))).slug());
    assertEquals("alert-image-unknown", assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> new AlertInput("t", "b", null, null, Severity.MINOR, null, null, 1, null, List.of("../etc/passwd"))).slug());
  }

  @Test
  void the_schema_refuses_what_cap_forbids() {
    String zulu = CapDocument.of(alert("AAAAAAAAAAA", null, null, null), null, "https://x")
        .replace("2026-12-02T15:00:00+07:00", "2026-12-02T08:00:00Z");
    assertThrows(SAXException.class, () -> assertValid(zulu), "the schema is live: a Z time is refused");
    String noSender = CapDocument.of(alert("AAAAAAAAAAA", null, null, null), null, "https://x")
        .replace("<sender>unit-01@binhyen.vn</sender>", "");
    assertThrows(SAXException.class, () -> assertValid(noSender));
  }

  @Test
  void inputs_out_of_bounds_are_refused_with_a_problem_slug() {
    var e = assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> new AlertInput("t", "b", null, null, Severity.MINOR, null, null, 721, null, null));
    assertEquals("alert-validity", e.slug());
    assertEquals("alert-severity", assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> Severity.parse("catastrophic")).slug());
    assertEquals("alert-title", assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> new AlertInput(" ", "b", null, null, Severity.MINOR, null, null, 1, null, null)).slug());
    assertEquals("alert-scope", assertThrows(vn.binhyen.core.error.DomainError.Invalid.class,
        () -> new AlertInput("t", "b", null, null, Severity.MINOR, null, List.of(), 1, null, null)).slug());
    assertEquals(List.of("BCA", "BCA/01", "BCA/01/00004"), AlertService.ancestry("BCA/01/00004"));
  }
}
