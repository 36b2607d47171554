package vn.binhyen.core.tips.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The media type of a file from its first bytes (magic numbers), never from its name or the
 * client's declared type. Only images, video and audio are accepted as tip attachments.
 */
public final class MediaSniffer {

  /** How many leading bytes {@link #sniff} needs. */
  public static final int HEAD = 16;

  private MediaSniffer() {}

  public static Optional<String> sniff(byte[] h) {
    if (starts(h, 0, 0xFF, 0xD8, 0xFF)) return Optional.of("image/jpeg");
    if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of("image/png");
    if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) return Optional.of("image/gif");
    if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) return Optional.of("image/webp");
    if (ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE")) return Optional.of("audio/wav");
    if (ascii(h, 4, "ftyp")) {
      String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.US_ASCII) : "";
      if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1")) {
        return Optional.of("image/heic");
      }
      if (brand.startsWith("M4A")) return Optional.of("audio/mp4");
      if (brand.startsWith("qt")) return Optional.of("video/quicktime");
      return Optional.of("video/mp4");
    }
    if (starts(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) return Optional.of("video/webm");
    if (ascii(h, 0, "OggS")) return Optional.of("audio/ogg");
    if (ascii(h, 0, "ID3") || starts(h, 0, 0xFF, 0xFB) || starts(h, 0, 0xFF, 0xF3)
        || starts(h, 0, 0xFF, 0xF2)) return Optional.of("audio/mpeg");
    if (ascii(h, 0, "#!AMR")) return Optional.of("audio/amr");
    return Optional.empty();
  }

  private static boolean starts(byte[] h, int at, int... bytes) {
    if (h.length < at + bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((h[at + i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] h, int at, String s) {
    return starts(h, at, s.chars().toArray());
  }
}
