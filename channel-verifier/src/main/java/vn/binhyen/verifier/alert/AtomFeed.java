package vn.binhyen.verifier.alert;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.binhyen.core.tenant.Tenant;

/**
 * The Atom feed (RFC 4287) of the current alerts meant for one unit: one entry per alert, linking
 * to its CAP document ({@code rel="alternate" type="application/cap+xml"}) and its citizen page.
 */
public final class AtomFeed {

  public static final String NS = "http://www.w3.org/2005/Atom";
  public static final String CONTENT_TYPE = "application/atom+xml";

  private AtomFeed() {
  }

  public static String of(Tenant unit, List<Alert> alerts, String publicUrl) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.setDefaultNamespace(NS);
      x.writeStartElement(NS, "feed");
      x.writeDefaultNamespace(NS);
      x.writeAttribute("xml:lang", "vi");
      String self = publicUrl + "/api/public/units/" + unit.code() + "/alerts.atom";
      text(x, "id", self);
      text(x, "title", "Cảnh báo của Công an cho " + unit.name() + " / Police alerts for " + unit.name());
      Instant updated = alerts.stream().map(Alert::issuedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
      text(x, "updated", updated.toString());
      x.writeStartElement(NS, "author");
      text(x, "name", "BinhYen");
      x.writeEndElement();
      link(x, "self", CONTENT_TYPE, self);
      for (Alert a : alerts) {
        x.writeStartElement(NS, "entry");
        text(x, "id", "urn:binhyen:alert:" + a.id());
        text(x, "title", a.title());
        text(x, "updated", a.issuedAt().toString());
        text(x, "published", a.issuedAt().toString());
        x.writeStartElement(NS, "author");
        text(x, "name", a.tenantName());
        x.writeEndElement();
        text(x, "summary", a.body());
        x.writeStartElement(NS, "category");
        x.writeAttribute("term", a.severity().id());
        x.writeEndElement();
        link(x, "alternate", CapDocument.CONTENT_TYPE, publicUrl + "/api/public/alerts/" + a.id() + ".cap");
        link(x, "related", "text/html", publicUrl + "/alerts/" + a.id());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the alert feed of " + unit.code(), e);
    }
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
    x.writeStartElement(NS, "link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", href);
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(NS, name);
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
