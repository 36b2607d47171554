package vn.binhyen.core.tips.attachments;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.binhyen.core.error.DomainError;

/**
 * Attachments as files named by their SHA-256 under {@code <dir>/<2 hex>/<64 hex>} (the data
 * folder's {@code attachments}). Writes go to a temporary name and are moved into place, so a
 * reader never sees half a file. File work runs off the event loop.
 */
public final class FileAttachmentStore implements AttachmentStore {

  private final Vertx vertx;
  private final Path dir;
  private final long maxBytes;

  public FileAttachmentStore(Vertx vertx, Path dir, long maxBytes) {
    this.vertx = vertx;
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  @Override
  public Future<StoredFile> put(Upload upload) {
    return vertx.executeBlocking(() -> store(upload), false);
  }

  private StoredFile store(Upload upload) throws IOException {
    long size = Files.size(upload.file());
    if (size == 0 || size > maxBytes) {
      throw new DomainError.Invalid("attachment-size", "Tệp đính kèm phải từ 1 byte đến "
          + maxBytes / (1024 * 1024) + " MB / attachments must be 1 byte to " + maxBytes / (1024 * 1024) + " MB");
    }
    byte[] head = new byte[MediaSniffer.HEAD];
    int read;
    try (InputStream in = Files.newInputStream(upload.file())) {
      read = in.readNBytes(head, 0, head.length);
    }
    String type = MediaSniffer.sniff(java.util.Arrays.copyOf(head, read)).orElseThrow(() ->
        new DomainError.Invalid("attachment-type", "Chỉ nhận ảnh, video hoặc ghi âm / only images, "
            + "video and audio are accepted"));
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "in-", ".part");
    if (type.startsWith("image/")) {
      // A photo's EXIF block can hold where it was taken: it never reaches the disk or an officer.
      byte[] clean = vn.binhyen.core.media.ImageMetadata.strip(Files.readAllBytes(upload.file()));
      size = clean.length;
      Files.write(tmp, clean);
      sha.update(clean);
    } else {
      try (InputStream in = new DigestInputStream(Files.newInputStream(upload.file()), sha)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    Path target = path(hex);
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      Files.delete(tmp);
    } else {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
    return new StoredFile(hex, type, size, upload.fileName());
  }

  @Override
  public Future<Buffer> get(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      return Future.failedFuture(new DomainError.NotFound("Không có tệp này / no such file"));
    }
    Path p = path(sha256);
    return vertx.fileSystem().exists(p.toString()).compose(exists -> exists
        ? vertx.fileSystem().readFile(p.toString())
        : Future.failedFuture(new DomainError.NotFound("Không có tệp này / no such file")));
  }

  private Path path(String hex) {
    return dir.resolve(hex.substring(0, 2)).resolve(hex);
  }
}
