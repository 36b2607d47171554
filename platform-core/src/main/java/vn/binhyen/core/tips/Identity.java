package vn.binhyen.core.tips;

/** A tipster's identity in clear: only ever returned by an audited reveal. */
public record Identity(String contact, String account) {}
