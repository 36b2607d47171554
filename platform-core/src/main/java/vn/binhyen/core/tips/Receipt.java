package vn.binhyen.core.tips;

/** What the citizen keeps: the receipt code and the secret (shown once, stored only hashed). */
public record Receipt(long tipId, String receipt, String secret, TipStatus status) {}
