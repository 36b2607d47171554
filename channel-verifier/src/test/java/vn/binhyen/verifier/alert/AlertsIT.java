package vn.binhyen.verifier.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.binhyen.core.testing.Http;
import vn.binhyen.core.testing.TestPlatform;

/**
 * Signed alerts against the demo node: issue, verify, cancel and update; who may issue for which
 * units; the CAP 1.2 document against the OASIS schema; the Atom feed; the token checked with the
 * JDK's Ed25519 and the JWKS only; the issuance and the cancellation in the transparency log.
 */
class AlertsIT {

  static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static Http http;

  @BeforeAll
  static void start() {
    http = TestPlatform.http();
  }

  static JsonObject alert(String title, Object scope) {
    return new JsonObject().put("title", title)
        .put("body", "Đối tượng giả danh công an gọi điện yêu cầu chuyển tiền để \"xác minh\". Không chuyển tiền, báo ngay cho công an phường.")
        .put("severity", "severe").put("category", "giả danh công an").put("scope", scope).put("validHours", 48);
  }

  static JsonObject issue(String user, String unit, JsonObject body) {
    Http.Response r = http.post("/api/units/" + unit + "/alerts", body, http.login(user));
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static JsonObject verify(String q) {
    Http.Response r = http.get("/api/public/verify?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  static JsonObject logEntry(long index) {
    Http.Response r = http.get("/api/public/log/entries?start=" + index + "&end=" + (index + 1), null);
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("entries").getJsonObject(0);
  }

  @Test
  void a_province_alert_verifies_official_then_cancelled_and_both_are_logged() throws Exception {
    JsonObject issued = issue("hanoi-admin", "01", alert("Cảnh báo giả danh công an gọi điện", "subtree"));
    String id = issued.getString("id");
    String token = issued.getString("token");
    long logIndex = issued.getLong("logIndex");
    assertEquals(11, id.length());
    assertEquals("active", issued.getString("state"));

    JsonObject a = verify(token);
    assertEquals("OFFICIAL", a.getString("verdict"), a.encode());
    assertEquals("alert", a.getString("kind"));
    assertEquals("01", a.getJsonObject("unit").getString("code"));
    assertEquals(2, a.getJsonArray("chain").size(), "Hà Nội's issuing key, then the root: " + a);
    assertEquals(logIndex, a.getLong("logIndex"));
    assertEquals(id, a.getJsonObject("alert").getString("id"));
    JsonObject byLink = verify(issued.getString("link"));
    assertEquals("OFFICIAL", byLink.getString("verdict"), byLink.encode());
    assertEquals("alert", byLink.getString("kind"));

    JsonObject leaf = logEntry(logIndex).getJsonObject("event");
    assertEquals("alert.issue", leaf.getString("op"));
    assertEquals(id, leaf.getString("id"));
    assertEquals(token, leaf.getString("token"));
    assertIncluded(logIndex);

    Http.Response cancel = http.post("/api/units/01/alerts/" + id + "/cancel",
        new JsonObject().put("reason", "đã xử lý xong"), http.login("hanoi-admin"));
    assertEquals(200, cancel.status(), cancel.toString());
    assertEquals("cancelled", cancel.json().getString("state"));
    long cancelIndex = cancel.json().getLong("cancelLogIndex");
    JsonObject cancelLeaf = logEntry(cancelIndex).getJsonObject("event");
    assertEquals("alert.cancel", cancelLeaf.getString("op"));
    assertEquals(id, cancelLeaf.getString("id"));
    assertEquals(cancel.json().getString("cancelToken"), cancelLeaf.getString("token"));
    assertIncluded(cancelIndex);

    JsonObject after = verify(token);
    assertEquals("CANCELLED", after.getString("verdict"), after.encode());
    assertEquals("CANCELLED", after.getString("reason"));
    assertEquals("CANCELLED", verify("/alerts/" + id).getString("verdict"));
    assertEquals("CANCELLED", verify(cancel.json().getString("cancelToken")).getString("verdict"));

    Http.Response again = http.post("/api/units/01/alerts/" + id + "/cancel", new JsonObject(), http.login("hanoi-admin"));
    assertTrue(again.isProblem(409, "alert-not-active"), again.toString());
  }

  @Test
  void a_tampered_or_unknown_alert_token_is_invalid_and_says_nothing_of_the_alert() {
    String token = issue("hanoi-admin", "01", alert("Cảnh báo lừa đảo việc nhẹ lương cao", "subtree")).getString("token");
    String[] parts = token.split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("title", "Hãy chuyển tiền vào tài khoản 0123456789");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    JsonObject a = verify(forged);
    assertEquals("INVALID_TOKEN", a.getString("verdict"), a.encode());
    assertEquals("alert", a.getString("kind"));
    assertNull(a.getJsonObject("alert"));
    assertNull(a.getJsonObject("unit"));
    JsonObject unknown = verify("/alerts/AAAAAAAAAAA");
    assertEquals("INVALID_TOKEN", unknown.getString("verdict"));
    assertEquals("UNKNOWN_ALERT", unknown.getString("reason"));
    JsonObject elsewhere = verify("https://www.facebook.com/alerts/AAAAAAAAAAA");
    assertFalse("alert".equals(elsewhere.getString("kind")), "another site's /alerts/ link is a channel question: " + elsewhere);
  }

  @Test
  void an_update_cancels_the_alert_it_replaces() throws Exception {
    JsonObject first = issue("hanoi-admin", "01", alert("Cảnh báo cuộc gọi giả danh", "subtree"));
    JsonObject update = issue("hanoi-admin", "01", alert("Cảnh báo cuộc gọi giả danh (cập nhật)", "subtree")
        .put("replaces", first.getString("id")));
    JsonObject old = verify(first.getString("token"));
    assertEquals("CANCELLED", old.getString("verdict"), old.encode());
    assertEquals("REPLACED", old.getString("reason"));
    assertEquals(update.getString("id"), old.getJsonObject("alert").getString("replacedBy"));
    assertEquals("OFFICIAL", verify(update.getString("token")).getString("verdict"));

    Document cap = capDocument(update.getString("id"));
    assertEquals("Update", text(cap.getDocumentElement(), "msgType"));
    assertTrue(text(cap.getDocumentElement(), "references").contains("binhyen-alert-" + first.getString("id")));
    Document cancelled = capDocument(first.getString("id"));
    assertEquals("Cancel", text(cancelled.getDocumentElement(), "msgType"));

    Http.Response twice = http.post("/api/units/01/alerts", alert("Lần nữa", "subtree").put("replaces", first.getString("id")),
        http.login("hanoi-admin"));
    assertTrue(twice.isProblem(409, "alert-not-active"), twice.toString());
  }

  @Test
  void scope_outside_the_issuers_subtree_is_refused() {
    Http.Response outside = http.post("/api/units/01/alerts", alert("Ngoài phạm vi", new JsonArray().add("00004").add("66")),
        http.login("hanoi-admin"));
    assertTrue(outside.isProblem(400, "alert-scope-outside"), outside.toString());
    Http.Response unknown = http.post("/api/units/01/alerts", alert("Không có đơn vị", new JsonArray().add("99998")),
        http.login("hanoi-admin"));
    assertTrue(unknown.isProblem(400, "alert-scope-unknown"), unknown.toString());
    Http.Response bad = http.post("/api/units/01/alerts", alert("Sai", "everyone"), http.login("hanoi-admin"));
    assertEquals(400, bad.status(), bad.toString());
    Http.Response hours = http.post("/api/units/01/alerts", alert("Quá lâu", "subtree").put("validHours", 721),
        http.login("hanoi-admin"));
    assertEquals(400, hours.status(), hours.toString());
  }

  @Test
  void a_ward_officer_issues_for_the_ward_but_not_for_the_province() {
    Http.Response province = http.post("/api/units/01/alerts", alert("Cán bộ phường phát cho tỉnh", "subtree"),
        http.login("badinh-officer"));
    assertTrue(province.isProblem(403, "forbidden"), province.toString());
    Http.Response supervisor = http.post("/api/units/01/alerts", alert("Lãnh đạo chỉ xem", "subtree"),
        http.login("hanoi-supervisor"));
    assertTrue(supervisor.isProblem(403, "forbidden"), supervisor.toString());
    JsonObject ward = issue("badinh-officer", "00004", alert("Cảnh báo của phường Ba Đình", "subtree"));
    JsonObject a = verify(ward.getString("token"));
    assertEquals("OFFICIAL", a.getString("verdict"), a.encode());
    assertEquals("00004", a.getJsonObject("unit").getString("code"));
    Http.Response otherWard = http.post("/api/units/00070/alerts", alert("Phường khác", "subtree"), http.login("badinh-officer"));
    assertEquals(403, otherWard.status(), otherWard.toString());
  }

  @Test
  void the_ministry_issues_for_chosen_provinces() {
    JsonObject issued = issue("ministry-admin", "BCA", alert("Cảnh báo toàn quốc", new JsonArray().add("01").add("66")));
    JsonObject a = verify(issued.getString("token"));
    assertEquals("OFFICIAL", a.getString("verdict"), a.encode());
    assertEquals(1, a.getJsonArray("chain").size(), "signed by the root");
    assertEquals(2, a.getJsonObject("alert").getJsonArray("scope").size());
  }

  @Test
  void the_cap_document_validates_against_the_oasis_cap_1_2_schema() throws Exception {
    JsonObject issued = issue("hanoi-admin", "01", alert("Cảnh báo lừa đảo <đầu tư> & \"tiền ảo\"",
        new JsonArray().add("00004").add("00070")).put("titleEn", "Crypto investment scam"));
    String id = issued.getString("id");
    Http.Response r = http.get("/api/public/alerts/" + id + ".cap", null);
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.contentType().startsWith("application/cap+xml"), r.contentType());

    var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/cap/CAP-v1.2.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));

    Document cap = parse(r.body());
    Element root = cap.getDocumentElement();
    assertEquals(CAP, root.getNamespaceURI());
    assertEquals("alert", root.getLocalName());
    assertEquals("binhyen-alert-" + id, text(root, "identifier"));
    assertEquals("Alert", text(root, "msgType"));
    assertEquals("Actual", text(root, "status"));
    assertEquals("Public", text(root, "scope"));
    NodeList infos = root.getElementsByTagNameNS(CAP, "info");
    assertEquals(2, infos.getLength());
    assertEquals("vi-VN", text((Element) infos.item(0), "language"), "Vietnamese first");
    assertEquals("en-US", text((Element) infos.item(1), "language"));
    assertEquals("Cảnh báo lừa đảo <đầu tư> & \"tiền ảo\"", text((Element) infos.item(0), "headline"));
    assertEquals("Crypto investment scam", text((Element) infos.item(1), "headline"));
    assertEquals("Severe", text((Element) infos.item(0), "severity"));
    Element vi = (Element) infos.item(0);
    List<String> geocodes = new ArrayList<>();
    NodeList areas = vi.getElementsByTagNameNS(CAP, "area");
    for (int i = 0; i < areas.getLength(); i++) {
      geocodes.add(text((Element) ((Element) areas.item(i)).getElementsByTagNameNS(CAP, "geocode").item(0), "value"));
    }
    assertEquals(List.of("00004", "00070"), geocodes);
    Element parameter = (Element) vi.getElementsByTagNameNS(CAP, "parameter").item(0);
    assertEquals("BinhYenToken", text(parameter, "valueName"));
    assertEquals(issued.getString("token"), text(parameter, "value"));
    assertEquals(404, http.get("/api/public/alerts/AAAAAAAAAAA.cap", null).status());
  }

  @Test
  void the_atom_feed_lists_a_province_alert_for_its_wards_and_not_outside() throws Exception {
    String id = issue("hanoi-admin", "01", alert("Cảnh báo cho cả Hà Nội", "subtree")).getString("id");
    Http.Response ward = http.get("/api/public/units/00004/alerts.atom", null);
    assertEquals(200, ward.status(), ward.toString());
    assertTrue(ward.contentType().startsWith("application/atom+xml"), ward.contentType());
    Document feed = parse(ward.body());
    assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
    assertEquals("feed", feed.getDocumentElement().getLocalName());
    Element entry = entry(feed, id);
    assertNotNull(entry, "the Hà Nội alert is in Ba Đình's feed");
    NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
    boolean capLink = false;
    for (int i = 0; i < links.getLength(); i++) {
      Element l = (Element) links.item(i);
      capLink |= "alternate".equals(l.getAttribute("rel")) && "application/cap+xml".equals(l.getAttribute("type"))
          && l.getAttribute("href").endsWith("/api/public/alerts/" + id + ".cap");
    }
    assertTrue(capLink, "the entry links its CAP document");

    Document daklak = parse(http.get("/api/public/units/24133/alerts.atom", null).body());
    assertNull(entry(daklak, id), "a Đắk Lắk ward does not get Hà Nội's alert");

    JsonObject staff = http.get("/api/units/00004/alerts", http.login("badinh-officer")).json();
    JsonObject received = null;
    for (Object o : staff.getJsonArray("items")) {
      if (id.equals(((JsonObject) o).getString("id"))) {
        received = (JsonObject) o;
      }
    }
    assertNotNull(received, "the ward's staff see the alert received from Hà Nội: " + staff.encode());
    assertTrue(received.getBoolean("received"));
    assertEquals(404, http.get("/api/public/units/ZZ999/alerts.atom", null).status());
  }

  @Test
  void the_alert_token_verifies_with_plain_ed25519_and_the_jwks() throws Exception {
    String token = issue("hanoi-admin", "01", alert("Cảnh báo mã OTP", "subtree")).getString("token");
    ObjectMapper json = new ObjectMapper();
    JsonNode jwks = json.readTree(http.get("/.well-known/jwks.json", null).body());
    String[] parts = token.split("\\.");
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals("bya-alert+jwt", header.get("typ").asText());
    assertEquals("alert", claims.get("kind").asText());
    assertEquals("01", claims.get("iss").asText());
    assertEquals("Cảnh báo mã OTP", claims.get("title").asText());
    assertEquals("severe", claims.get("severity").asText());
    assertEquals("01", claims.get("scope").get(0).asText());
    assertTrue(claims.get("iat").asLong() < claims.get("exp").asLong());
    String x = null;
    for (JsonNode k : jwks.get("keys")) {
      if (header.get("kid").asText().equals(k.get("kid").asText())) {
        x = k.get("x").asText();
      }
    }
    assertNotNull(x, "the kid is in the JWKS");
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] raw = Base64.getUrlDecoder().decode(x);
    byte[] spki = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, spki, 0, prefix.length);
    System.arraycopy(raw, 0, spki, prefix.length, raw.length);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(key);
    ed.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(ed.verify(Base64.getUrlDecoder().decode(parts[2])), "signed by the JWKS key");
    ed.initVerify(key);
    ed.update((parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII));
    assertFalse(ed.verify(Base64.getUrlDecoder().decode(parts[2])), "a changed payload fails");
  }

  @Test
  void the_citizen_page_and_its_qr_code_are_served() {
    Http.Response page = http.get("/alerts/AAAAAAAAAAA", null);
    assertEquals(200, page.status(), page.toString());
    assertTrue(page.body().contains("alert-page.js"));
    String id = issue("hanoi-admin", "01", alert("Cảnh báo có mã QR", "subtree")).getString("id");
    Http.Response qr = http.get("/api/public/alerts/" + id + "/qr.svg", null);
    assertEquals(200, qr.status(), qr.toString());
    assertTrue(qr.contentType().startsWith("image/svg+xml"), qr.contentType());
    assertTrue(qr.body().contains("<svg"));
    assertEquals(404, http.get("/api/public/alerts/AAAAAAAAAAA/qr.svg", null).status());
  }

  // --- helpers ---

  static Document capDocument(String id) throws Exception {
    Http.Response r = http.get("/api/public/alerts/" + id + ".cap", null);
    assertEquals(200, r.status(), r.toString());
    var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(AlertsIT.class.getResource("/cap/CAP-v1.2.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));
    return parse(r.body());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(Element parent, String name) {
    NodeList n = parent.getElementsByTagNameNS(parent.getNamespaceURI(), name);
    return n.getLength() == 0 ? null : n.item(0).getTextContent();
  }

  static Element entry(Document feed, String id) {
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      if (("urn:binhyen:alert:" + id).equals(text(e, "id"))) {
        return e;
      }
    }
    return null;
  }

  /** The log's inclusion proof for {@code index}, checked with RFC 9162 §2.1.3.2 written here. */
  static void assertIncluded(long index) throws Exception {
    JsonObject proof = http.get("/api/public/log/proof/inclusion?index=" + index, null).json();
    long size = proof.getLong("treeSize");
    byte[] root = Base64.getDecoder().decode(proof.getString("rootHash"));
    byte[] leaf = Base64.getDecoder().decode(logEntry(index).getString("leafHash"));
    List<byte[]> path = new ArrayList<>();
    proof.getJsonArray("proof").forEach(p -> path.add(Base64.getDecoder().decode((String) p)));
    assertTrue(index < size);
    long fn = index;
    long sn = size - 1;
    byte[] r = leaf;
    for (byte[] p : path) {
      if (sn == 0) {
        throw new AssertionError("proof too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    assertEquals(0, sn, "proof length");
    assertTrue(MessageDigest.isEqual(root, r), "leaf " + index + " is in the tree of size " + size);
  }

  static byte[] node(byte[] left, byte[] right) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update((byte) 1);
    d.update(left);
    d.update(right);
    return d.digest();
  }
}
