package vn.binhyen.verifier.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.binhyen.core.error.DomainError;

/**
 * Draws the QR codes printed on official pages and posters: an attestation token or a
 * verification link, as PNG for download or SVG for print. Error correction M (15 %), UTF-8, and
 * the standard quiet zone of four modules so phone cameras find the code.
 */
public final class QrCodes {

  public static final int MIN_SIZE_PX = 64;
  public static final int MAX_SIZE_PX = 4096;
  private static final int QUIET_ZONE_MODULES = 4;
  private static final Map<EncodeHintType, Object> HINTS = Map.of(
      EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
      EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
      EncodeHintType.MARGIN, QUIET_ZONE_MODULES);

  private QrCodes() {
  }

  /**
   * A PNG of {@code sizePx} by {@code sizePx} pixels (the code is scaled by a whole number of pixels
   * per module and centred).
   *
   * @throws DomainError.Invalid {@code invalid-qr} when the text is empty or too long for a QR code,
   *     or the size is outside 64..4096
   */
  public static byte[] png(String text, int sizePx) {
    if (sizePx < MIN_SIZE_PX || sizePx > MAX_SIZE_PX) {
      throw invalid("Kích thước ảnh phải từ " + MIN_SIZE_PX + " đến " + MAX_SIZE_PX + " điểm ảnh",
          "the image size must be " + MIN_SIZE_PX + " to " + MAX_SIZE_PX + " pixels");
    }
    BitMatrix matrix = encode(text, sizePx);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(matrix, "PNG", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a PNG in memory", e);
    }
    return out.toByteArray();
  }

  /**
   * An SVG drawing one module as one unit ({@code viewBox} the module count with quiet zone), dark
   * modules merged into one path, so it scales to any print size.
   *
   * @throws DomainError.Invalid {@code invalid-qr} when the text is empty or too long for a QR code
   */
  public static String svg(String text) {
    BitMatrix matrix = encode(text, 0);
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (matrix.get(x, y)) {
          int run = 1;
          while (x + run < width && matrix.get(x + run, y)) {
            run++;
          }
          path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
          x += run - 1;
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }

  private static BitMatrix encode(String text, int sizePx) {
    if (text == null || text.isEmpty()) {
      throw invalid("Không có nội dung để tạo mã QR", "there is no text to put in the QR code");
    }
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, HINTS);
    } catch (WriterException | IllegalArgumentException e) {
      throw invalid("Nội dung quá dài cho một mã QR", "the text is too long for a QR code");
    }
  }

  private static DomainError.Invalid invalid(String vi, String en) {
    return new DomainError.Invalid("invalid-qr", vi + " / " + en);
  }
}
