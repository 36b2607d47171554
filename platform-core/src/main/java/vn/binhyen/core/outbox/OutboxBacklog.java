package vn.binhyen.core.outbox;

/** The outbox now: rows waiting, the most attempts any has had, the age of the oldest (seconds). */
public record OutboxBacklog(long rows, int maxAttempts, long oldestSeconds) {}
