package vn.binhyen.verifier.alert;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An alert as one OASIS CAP 1.2 message ({@value #NS}): msgType {@code Alert}, {@code Update}
 * (with {@code references} to the alert it replaces) or, once cancelled, {@code Cancel}
 * (referencing the alert). Vietnamese info first, English second; each unit in scope is an
 * {@code area} with its administrative-unit code as {@code geocode}; the signed token is an info
 * {@code parameter}. Times are Vietnam time with an explicit offset, as CAP's pattern demands
 * (no {@code Z}).
 */
public final class CapDocument {

  public static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
  public static final String CONTENT_TYPE = "application/cap+xml";
  /** The geocode valueName of Vietnam's administrative-unit codes (mã đơn vị hành chính). */
  public static final String GEOCODE = "VN-MaDVHC";
  public static final String TOKEN_PARAMETER = "BinhYenToken";

  private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
  private static final String SENDER_DOMAIN = "binhyen.vn";

  private CapDocument() {
  }

  /** The CAP identifier of the alert's own message. */
  public static String identifier(String alertId) {
    return "binhyen-alert-" + alertId;
  }

  static String sender(String unitCode) {
    return "unit-" + unitCode + "@" + SENDER_DOMAIN;
  }

  /**
   * The current CAP message about {@code a}; {@code replaced} is the alert an update replaces (or
   * null); {@code publicUrl} makes the links absolute.
   */
  public static String of(Alert a, Alert replaced, String publicUrl) {
    boolean cancelled = a.cancelledAt() != null;
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.setDefaultNamespace(NS);
      x.writeStartElement(NS, "alert");
      x.writeDefaultNamespace(NS);
      text(x, "identifier", cancelled ? identifier(a.id()) + "-cancel" : identifier(a.id()));
      text(x, "sender", sender(a.tenantCode()));
      text(x, "sent", CAP_TIME.format(cancelled ? a.cancelledAt() : a.issuedAt()));
      text(x, "status", "Actual");
      text(x, "msgType", cancelled ? "Cancel" : a.replaces() != null ? "Update" : "Alert");
      text(x, "scope", "Public");
      if (cancelled) {
        text(x, "note", a.replacedBy() != null ? "Replaced by the update " + identifier(a.replacedBy())
            : "Cancelled" + (a.cancelReason() == null ? "" : ": " + a.cancelReason()));
        text(x, "references", sender(a.tenantCode()) + "," + identifier(a.id()) + "," + CAP_TIME.format(a.issuedAt()));
      } else if (replaced != null) {
        text(x, "references", sender(replaced.tenantCode()) + "," + identifier(replaced.id()) + ","
            + CAP_TIME.format(replaced.issuedAt()));
      }
      info(x, a, publicUrl, true, cancelled);
      info(x, a, publicUrl, false, cancelled);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write CAP for alert " + a.id(), e);
    }
  }

  private static void info(XMLStreamWriter x, Alert a, String publicUrl, boolean vi, boolean cancelled)
      throws XMLStreamException {
    x.writeStartElement(NS, "info");
    text(x, "language", vi ? "vi-VN" : "en-US");
    text(x, "category", "Security");
    String event = vi ? "Cảnh báo lừa đảo" : "Scam alert";
    text(x, "event", a.category() == null ? event : event + ": " + a.category());
    text(x, "responseType", cancelled ? "AllClear" : "Avoid");
    text(x, "urgency", cancelled ? "Past" : a.severity().capUrgency());
    text(x, "severity", a.severity().cap());
    text(x, "certainty", "Observed");
    if (a.category() != null) {
      x.writeStartElement(NS, "eventCode");
      text(x, "valueName", "BinhYenCategory");
      text(x, "value", a.category());
      x.writeEndElement();
    }
    text(x, "effective", CAP_TIME.format(a.issuedAt()));
    text(x, "expires", CAP_TIME.format(a.expiresAt()));
    text(x, "senderName", vi ? a.tenantName() : a.tenantName() + " (Vietnam police)");
    String headline = vi ? a.title() : a.titleEn() != null ? a.titleEn() : "Police scam alert: " + a.title();
    text(x, "headline", headline);
    String description = vi ? a.body()
        : a.bodyEn() != null ? a.bodyEn() : "This alert was published in Vietnamese only. " + a.body();
    text(x, "description", description);
    text(x, "instruction", vi
        ? "Kiểm tra cảnh báo này là thật tại " + publicUrl + "/alerts/" + a.id()
        : "Check that this alert is genuine at " + publicUrl + "/alerts/" + a.id());
    text(x, "web", publicUrl + "/alerts/" + a.id());
    x.writeStartElement(NS, "parameter");
    text(x, "valueName", TOKEN_PARAMETER);
    text(x, "value", a.token());
    x.writeEndElement();
    if (cancelled) {
      x.writeStartElement(NS, "parameter");
      text(x, "valueName", "BinhYenCancelToken");
      text(x, "value", a.cancelToken());
      x.writeEndElement();
    }
    // CAP 1.2 orders resource after parameter and before area; its digest is SHA-1 of the file.
    for (int n = 1; n <= a.images().size(); n++) {
      AlertImage image = a.images().get(n - 1);
      x.writeStartElement(NS, "resource");
      text(x, "resourceDesc", (vi ? "Ảnh " : "Image ") + n);
      text(x, "mimeType", image.mediaType());
      text(x, "size", Long.toString(image.size()));
      text(x, "uri", publicUrl + AlertCheck.imagePath(a.id(), n));
      text(x, "digest", image.sha1());
      x.writeEndElement();
    }
    for (int i = 0; i < a.scopeCodes().size(); i++) {
      x.writeStartElement(NS, "area");
      String name = a.scopeNames().get(i);
      text(x, "areaDesc", a.subtree() || vi ? name : name + " and the units below it");
      x.writeStartElement(NS, "geocode");
      text(x, "valueName", GEOCODE);
      text(x, "value", a.scopeCodes().get(i));
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(NS, name);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  static String time(Instant t) {
    return CAP_TIME.format(t);
  }
}
