package vn.binhyen.core.tips.attachments;

/** A file in the attachment store: its content address, sniffed media type and size. */
public record StoredFile(String sha256, String mediaType, long size, String fileName) {}
