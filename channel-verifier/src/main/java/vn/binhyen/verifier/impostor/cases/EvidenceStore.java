package vn.binhyen.verifier.impostor.cases;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import vn.binhyen.core.error.DomainError;

/**
 * Screenshots attached to reports, stored content-addressed (SHA-256) in a folder of the node's
 * data directory that no route serves as static files. The type is read from the bytes, never from
 * the name or the declared content type: only PNG, JPEG and WebP are kept.
 */
public final class EvidenceStore {

  /** A stored screenshot. */
  public record Stored(String sha256, String type, int bytes) {}

  private final Vertx vertx;
  private final Path dir;
  private final int maxBytes;

  public EvidenceStore(Vertx vertx, Path dir, int maxBytes) {
    this.vertx = vertx;
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** The image type of these leading bytes, if it is one we keep. */
  static Optional<String> sniff(byte[] b) {
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
        && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
      return Optional.of("image/png");
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  /**
   * Keeps an uploaded file (a temporary file of the body handler). Runs off the event loop.
   *
   * @throws DomainError.Invalid {@code screenshot-too-large} or {@code not-an-image}
   */
  public Future<Stored> keep(String uploadedFile, long size) {
    if (size > maxBytes) {
      return Future.failedFuture(new DomainError.Invalid("screenshot-too-large", "Ảnh chụp lớn quá "
          + maxBytes / 1024 + " KB / the screenshot is larger than " + maxBytes / 1024 + " KB"));
    }
    return vertx.executeBlocking(() -> {
      byte[] bytes = Files.readAllBytes(Path.of(uploadedFile));
      if (bytes.length > maxBytes) {
        throw new DomainError.Invalid("screenshot-too-large", "Ảnh chụp quá lớn / the screenshot is too large");
      }
      String type = sniff(bytes).orElseThrow(() -> new DomainError.Invalid("not-an-image",
          "Chỉ nhận ảnh PNG, JPEG hoặc WebP / only PNG, JPEG or WebP images are accepted"));
      // Where the photo was taken (EXIF GPS) never reaches the disk or an officer.
      bytes = vn.binhyen.core.media.ImageMetadata.strip(bytes);
      String sha = HexFormat.of().formatHex(sha256(bytes));
      Files.createDirectories(dir);
      Path target = dir.resolve(sha);
      if (!Files.exists(target)) {
        Path tmp = Files.createTempFile(dir, "upload-", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return new Stored(sha, type, bytes.length);
    }, false);
  }

  /** Where a stored screenshot lives (the hash is checked to be hex: no path tricks). */
  public Path path(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 hex digest");
    }
    return dir.resolve(sha256);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
