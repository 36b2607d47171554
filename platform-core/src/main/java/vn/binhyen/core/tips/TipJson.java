package vn.binhyen.core.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import vn.binhyen.core.tips.rollup.Rollup;

/** JSON at the HTTP edge for tips, follow-ups and roll-ups. */
final class TipJson {

  private TipJson() {}

  static JsonObject receipt(Receipt r) {
    return new JsonObject().put("tipId", r.tipId()).put("receipt", r.receipt()).put("secret", r.secret())
        .put("status", r.status().id());
  }

  static JsonObject category(TipCategory c) {
    return new JsonObject().put("id", c.id()).put("nameVi", c.nameVi()).put("nameEn", c.nameEn())
        .put("slaHours", c.slaHours());
  }

  static JsonObject tip(Tip t) {
    return new JsonObject()
        .put("id", t.id())
        .put("receipt", t.receipt())
        .put("unit", t.unitCode())
        .put("unitPath", t.tenantPath())
        .put("category", t.category())
        .put("status", t.status().id())
        .put("source", t.source())
        .put("sender", t.pseudonym())
        .put("text", t.body())
        .put("place", t.place())
        .put("occurred", t.occurred())
        .put("hasContact", t.hasIdentity())
        .put("assignee", t.assignee())
        .put("rejectReason", t.rejectReason())
        .put("receivedAt", time(t.receivedAt()))
        .put("slaDueAt", time(t.slaDueAt()))
        .put("firstResponseAt", time(t.firstResponseAt()))
        .put("slaBreached", t.slaBreached());
  }

  static JsonObject detail(TipDetail d) {
    JsonArray events = new JsonArray();
    d.events().forEach(e -> events.add(event(e)));
    JsonArray attachments = new JsonArray();
    d.attachments().forEach(a -> attachments.add(new JsonObject().put("id", a.id()).put("mediaType", a.mediaType())
        .put("size", a.size()).put("fileName", a.fileName()).put("remoteUrl", a.remoteUrl())
        .put("replyEventId", a.replyEventId())));
    return tip(d.tip()).put("events", events).put("attachments", attachments);
  }

  static JsonObject event(TipEvent e) {
    return new JsonObject().put("id", e.id()).put("kind", e.kind()).put("action", e.action())
        .put("from", e.fromStatus()).put("to", e.toStatus()).put("actor", e.actorName())
        .put("unitPath", e.unitPath()).put("note", e.note()).put("at", time(e.at()))
        .put("delivery", e.delivery() == null ? null : new JsonObject().put("status", e.delivery().status())
            .put("platformMessageId", e.delivery().platformMessageId()).put("reason", e.delivery().reason())
            .put("platformError", e.delivery().platformError()));
  }

  /** The citizen's view: no unit path history, no officer names, no notes. */
  static JsonObject followUp(FollowUp f) {
    JsonArray events = new JsonArray();
    for (TipEvent e : f.events()) {
      JsonObject o = new JsonObject().put("kind", e.kind()).put("at", time(e.at()));
      if (e.kind().equals("transition")) {
        o.put("action", e.action()).put("to", e.toStatus());
      } else {
        o.put("text", e.note());
      }
      events.add(o);
    }
    Tip t = f.tip();
    return new JsonObject().put("receipt", t.receipt()).put("status", t.status().id())
        .put("category", t.category()).put("unit", t.unitCode()).put("unitName", f.unitName())
        .put("receivedAt", time(t.receivedAt())).put("text", t.body()).put("events", events);
  }

  static JsonObject rollup(Rollup r) {
    JsonArray groups = new JsonArray();
    r.groups().forEach(g -> groups.add(new JsonObject().put("key", g.key()).put("label", g.label())
        .put("path", g.path()).put("count", g.count()).put("breaches", g.breaches())));
    return new JsonObject()
        .put("unit", new JsonObject().put("code", r.unitCode()).put("name", r.unitName()).put("path", r.unitPath()))
        .put("from", r.query().from().toString()).put("to", r.query().to().toString())
        .put("groupBy", r.query().groupBy()).put("own", r.query().own())
        .put("total", r.total()).put("breaches", r.breaches()).put("groups", groups);
  }

  static JsonObject conversations(vn.binhyen.core.tips.rollup.ConversationFigures f) {
    JsonArray children = new JsonArray();
    f.children().forEach(c -> children.add(counts(c.counts()).put("code", c.code()).put("name", c.name())));
    return new JsonObject()
        .put("unit", new JsonObject().put("code", f.unitCode()).put("name", f.unitName()).put("path", f.unitPath()))
        .put("from", f.query().from().toString()).put("to", f.query().to().toString())
        .put("total", counts(f.total())).put("children", children);
  }

  private static JsonObject counts(vn.binhyen.core.tips.rollup.ConversationFigures.Counts c) {
    return new JsonObject().put("conversations", c.conversations()).put("firstReplies", c.firstReplies())
        .put("firstReplyMedianMinutes", c.firstReplyMedianMinutes()).put("replies", c.replies())
        .put("repliesInWindow", c.repliesInWindow()).put("repliesAfterWait", c.repliesAfterWait())
        .put("repliesHeld", c.repliesHeld()).put("repliesFailed", c.repliesFailed());
  }

  /** RFC 4180 CSV of a roll-up's groups (or its total). */
  static String csv(Rollup r) {
    StringBuilder b = new StringBuilder("unit,from,to,group_by,key,label,count,sla_breaches\r\n");
    String prefix = cell(r.unitCode()) + "," + r.query().from() + "," + r.query().to() + "," + r.query().groupBy() + ",";
    if (r.groups().isEmpty()) {
      b.append(prefix).append(",total,").append(r.total()).append(',').append(r.breaches()).append("\r\n");
    }
    for (Rollup.Group g : r.groups()) {
      b.append(prefix).append(cell(g.key())).append(',').append(cell(g.label())).append(',')
          .append(g.count()).append(',').append(g.breaches()).append("\r\n");
    }
    return b.toString();
  }

  private static String cell(String s) {
    return vn.binhyen.core.text.Csv.cell(s);
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : t.toString();
  }
}
