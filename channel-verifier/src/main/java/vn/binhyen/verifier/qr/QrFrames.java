package vn.binhyen.verifier.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Bilingual;

/**
 * Reads the QR code in one camera frame, for phones whose browser has no BarcodeDetector
 * (docs/verification.md, "Scanning with the camera"). Only JPEG and PNG, at most
 * {@link #MAX_BYTES} bytes and {@link #MAX_SIDE_PX} pixels a side; the size is read from the
 * header before any pixel is decoded, so a small file claiming a huge image costs nothing.
 * Nothing is kept: the bytes live only for the call.
 */
public final class QrFrames {

  public static final int MAX_BYTES = 192 * 1024;
  public static final int MAX_SIDE_PX = 1600;
  public static final int MAX_PIXELS = 1_440_000;
  private static final Map<DecodeHintType, Object> HINTS = Map.of(
      DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
      DecodeHintType.TRY_HARDER, Boolean.TRUE,
      DecodeHintType.CHARACTER_SET, "UTF-8");
  /**
   * ZXing's finder-pattern search misses about 1 in 60 cleanly drawn codes (QrCodesTest): a frame
   * that is a code on a plain background (a screenshot, a saved poster) is read a second way.
   */
  private static final Map<DecodeHintType, Object> PURE = Map.of(
      DecodeHintType.PURE_BARCODE, Boolean.TRUE,
      DecodeHintType.CHARACTER_SET, "UTF-8");

  private QrFrames() {
  }

  /**
   * The text of the QR code in the image.
   *
   * @throws DomainError.Invalid {@code invalid-image} when the bytes are not a JPEG or PNG within
   *     the limits, {@code no-qr-code} when the image holds no readable QR code
   */
  public static String decode(byte[] image) {
    BufferedImage frame = read(image);
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(frame)));
    for (Map<DecodeHintType, Object> hints : List.of(HINTS, PURE)) {
      try {
        return new QRCodeReader().decode(bitmap, hints).getText();
      } catch (ReaderException e) {
        // Not found, or found but unreadable (a checksum or format error): try the next way; the
        // next frame may be sharper.
      }
    }
    throw noCode();
  }

  private static BufferedImage read(byte[] image) {
    if (image == null || image.length == 0 || image.length > MAX_BYTES) {
      throw invalid(new Bilingual("Ảnh phải có từ 1 byte đến " + MAX_BYTES / 1024 + " KB",
          "The image must be 1 byte to " + MAX_BYTES / 1024 + " KB"));
    }
    String format = formatOf(image);
    if (format == null) {
      throw invalid(new Bilingual("Ảnh phải là JPEG hoặc PNG", "The image must be a JPEG or a PNG"));
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      if (in == null || !readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_SIDE_PX || height > MAX_SIDE_PX || (long) width * height > MAX_PIXELS) {
          throw invalid(new Bilingual("Ảnh quá lớn: tối đa " + MAX_SIDE_PX + " điểm ảnh mỗi cạnh",
              "The image is too large: at most " + MAX_SIDE_PX + " pixels a side"));
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainError d) {
        throw d;
      }
      throw unreadable();
    }
  }

  private static String formatOf(byte[] b) {
    if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "jpeg";
    }
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "png";
    }
    return null;
  }

  private static DomainError.Invalid unreadable() {
    return invalid(new Bilingual("Không đọc được ảnh", "The image cannot be read"));
  }

  private static DomainError.Invalid invalid(Bilingual detail) {
    return new DomainError.Invalid("invalid-image", detail);
  }

  private static DomainError.Invalid noCode() {
    return new DomainError.Invalid("no-qr-code", new Bilingual("Không thấy mã QR trong ảnh",
        "No QR code found in the image"));
  }
}
