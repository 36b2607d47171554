package vn.binhyen.core.tips.attachments;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Where tip attachments live, addressed by the SHA-256 of their content (the same file sent
 * twice is stored once). The file-system store is the first implementation; an object store can
 * be the second. Files are never served from a static path: only through the tip's access check.
 */
public interface AttachmentStore {

  /** Checks type and size, then stores; fails with {@code Invalid} for a refused file. */
  Future<StoredFile> put(Upload upload);

  /** The content of a stored file; fails with {@code NotFound} when absent. */
  Future<Buffer> get(String sha256);
}
