package vn.binhyen.core.outbox;

import io.vertx.core.json.JsonObject;

/** One claimed outbox row: {@code attempts} counts this one. */
public record OutboxItem(long id, String topic, JsonObject payload, int attempts) {}
