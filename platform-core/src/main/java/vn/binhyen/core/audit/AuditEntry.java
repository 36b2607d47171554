package vn.binhyen.core.audit;

import io.vertx.core.json.JsonObject;

/** One administrative action: who did what to which target in which tenant, with before/after. */
public record AuditEntry(Long actorId, String actorName, String tenantPath, String action,
    String target, JsonObject before, JsonObject after, String requestId) {}
