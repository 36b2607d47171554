package vn.binhyen.admin;

import io.vertx.core.json.JsonObject;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.audit.AuditEntry;

/** Builds the audit entries of administrative actions; {@code actor} null is the platform itself (CLI). */
public final class Audits {

  private Audits() {}

  public static AuditEntry entry(Principal actor, String tenantPath, String action, String target,
      JsonObject before, JsonObject after) {
    return new AuditEntry(actor == null ? null : actor.userId(),
        actor == null ? "system" : actor.username(), tenantPath, action, target, before, after, null);
  }
}
