package vn.binhyen.core.tips.attachments;

import java.nio.file.Path;

/** A file received with a tip, still in the upload folder. */
public record Upload(String fileName, Path file, long size) {}
