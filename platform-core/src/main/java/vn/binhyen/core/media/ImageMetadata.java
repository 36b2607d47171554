package vn.binhyen.core.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Removes metadata (EXIF with its GPS location, XMP, comments, text chunks) from JPEG, PNG and
 * WebP images without re-encoding the pixels, so a citizen's photo or screenshot does not reveal
 * where it was taken. Anything that is not one of those images comes back unchanged.
 */
public final class ImageMetadata {

  private ImageMetadata() {}

  public static byte[] strip(byte[] image) {
    if (isJpeg(image)) {
      return stripJpeg(image);
    }
    if (isPng(image)) {
      return stripPng(image);
    }
    if (isWebp(image)) {
      return stripWebp(image);
    }
    return image;
  }

  static boolean isJpeg(byte[] b) {
    return b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
  }

  static boolean isPng(byte[] b) {
    return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  static boolean isWebp(byte[] b) {
    return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
  }

  /** Keeps SOI, APP0 (JFIF), APP14 (Adobe colour) and every non-APP/COM segment; drops APP1–APP13, APP15, COM. */
  private static byte[] stripJpeg(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(0xff);
    out.write(0xd8);
    int i = 2;
    while (i + 4 <= b.length) {
      if ((b[i] & 0xff) != 0xff) {
        return b; // not a well-formed marker: leave the file as it is rather than break it
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xda) { // start of scan: the rest is image data
        out.write(b, i, b.length - i);
        return out.toByteArray();
      }
      int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
      if (length < 2 || i + 2 + length > b.length) {
        return b;
      }
      boolean metadata = (marker >= 0xe1 && marker <= 0xef && marker != 0xee) || marker == 0xfe;
      if (!metadata) {
        out.write(b, i, 2 + length);
      }
      i += 2 + length;
    }
    return b;
  }

  /** Drops eXIf, tEXt, zTXt, iTXt and tIME chunks. */
  private static byte[] stripPng(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, 8);
    int i = 8;
    while (i + 12 <= b.length) {
      int length = ByteBuffer.wrap(b, i, 4).getInt();
      if (length < 0 || i + 12 + (long) length > b.length) {
        return b;
      }
      String type = new String(b, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      boolean metadata = type.equals("eXIf") || type.equals("tEXt") || type.equals("zTXt")
          || type.equals("iTXt") || type.equals("tIME");
      if (!metadata) {
        out.write(b, i, 12 + length);
      }
      i += 12 + length;
    }
    out.write(b, i, b.length - i); // trailing bytes that are not a whole chunk stay as they were
    return out.toByteArray();
  }

  /** Drops the EXIF and XMP chunks of a RIFF/WebP file and fixes the RIFF size and the VP8X flags. */
  private static byte[] stripWebp(byte[] b) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(b.length);
    int i = 12;
    while (i + 8 <= b.length) {
      int size = ByteBuffer.wrap(b, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      int padded = size + (size & 1);
      if (size < 0 || i + 8 + (long) padded > b.length) {
        return b;
      }
      String fourcc = new String(b, i, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
        int start = body.size();
        body.write(b, i, 8 + padded);
        if (fourcc.equals("VP8X")) {
          byte[] sofar = body.toByteArray();
          sofar[start + 8] &= (byte) ~0x0c; // clear the EXIF and XMP flags
          body.reset();
          body.write(sofar, 0, sofar.length);
        }
      }
      i += 8 + padded;
    }
    byte[] chunks = body.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(b, 0, 4).putInt(4 + chunks.length).put(b, 8, 4).put(chunks);
    return out.array();
  }
}
