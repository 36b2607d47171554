package vn.binhyen.verifier.alert;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tenant.Tenant;
import vn.binhyen.core.tips.attachments.AttachmentStore;
import vn.binhyen.core.tips.attachments.FileAttachmentStore;
import vn.binhyen.core.tips.attachments.MediaSniffer;
import vn.binhyen.core.tips.attachments.StoredFile;
import vn.binhyen.core.tips.attachments.Upload;

/**
 * The images an issuer attaches to an alert: sniffed by content (tips' {@link MediaSniffer}),
 * stripped of metadata and stored by SHA-256 by tips' {@link FileAttachmentStore}, under the data
 * folder's {@code alert-images} (never a served path: the public route reads them through the alert).
 */
public final class AlertImages {

  /** Most images in one alert. */
  public static final int MAX_PER_ALERT = 4;
  /** Largest image accepted (after the upload limit of the body handler). */
  public static final long MAX_BYTES = 5L * 1024 * 1024;
  static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");

  private final Services services;
  private final AttachmentStore files;
  private final AlertImageRepository repo = new AlertImageRepository();

  public AlertImages(Services services) {
    this.services = services;
    this.files = new FileAttachmentStore(services.vertx(), services.config().dataDir().resolve("alert-images"), MAX_BYTES);
  }

  /**
   * Stores an image uploaded for {@code unit} (the caller's right to issue for it is checked by
   * the service) and records it; the same file twice is one image.
   *
   * @throws DomainError.Invalid {@code alert-image-size} when empty or over {@link #MAX_BYTES},
   *     {@code alert-image-type} when not a JPEG, PNG or WebP by its content
   */
  Future<AlertImage> store(Tenant unit, String by, Upload upload) {
    if (upload.size() <= 0 || upload.size() > MAX_BYTES) {
      return Future.failedFuture(tooLarge());
    }
    return services.vertx().executeBlocking(() -> sniff(upload.file()), false)
        .compose(type -> TYPES.contains(type) ? files.put(upload) : Future.failedFuture(wrongType()))
        .compose(stored -> files.get(stored.sha256()).map(bytes -> image(stored, bytes)))
        .compose(image -> services.db().inScope(unit.path(), tx -> repo.insert(tx, image, unit.path(), by)).map(image));
  }

  /**
   * The images named by {@code ids}, in that order.
   *
   * @throws DomainError.Invalid {@code alert-image-unknown} for an id no upload answered
   */
  Future<List<AlertImage>> resolve(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return repo.byIds(services.db().pool(), ids).map(found -> {
      List<AlertImage> out = new ArrayList<>();
      for (String id : ids) {
        AlertImage i = found.get(id);
        if (i == null) {
          throw new DomainError.Invalid("alert-image-unknown", "Không có ảnh mã " + id
              + "; hãy tải ảnh lên trước khi phát cảnh báo / no uploaded image has the id " + id
              + ": upload the image before issuing the alert");
        }
        out.add(i);
      }
      return out;
    });
  }

  /** The file of a stored image. */
  Future<Buffer> content(String sha256) {
    return files.get(sha256);
  }

  private static String sniff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return MediaSniffer.sniff(in.readNBytes(MediaSniffer.HEAD)).orElse("");
    }
  }

  private static AlertImage image(StoredFile stored, Buffer bytes) {
    try {
      String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes.getBytes()));
      return new AlertImage(stored.sha256(), sha1, stored.mediaType(), stored.size());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static DomainError tooLarge() {
    return new DomainError.Invalid("alert-image-size", "Ảnh phải từ 1 byte đến " + MAX_BYTES / (1024 * 1024)
        + " MB / an image must be 1 byte to " + MAX_BYTES / (1024 * 1024) + " MB");
  }

  static DomainError wrongType() {
    return new DomainError.Invalid("alert-image-type", "Chỉ nhận ảnh JPEG, PNG hoặc WebP / only JPEG, PNG and WebP images are accepted");
  }
}
