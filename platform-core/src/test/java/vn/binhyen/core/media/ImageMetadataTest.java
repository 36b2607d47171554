package vn.binhyen.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

  private static byte[] jpeg() throws Exception {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  /** Inserts an APP1 "Exif" segment carrying a fake GPS string right after SOI. */
  private static byte[] withExif(byte[] jpeg) {
    byte[] payload = "Exif\0\0GPSLatitude=21.0285;GPSLongitude=105.8542".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xff);
    out.write(0xe1);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xff);
    out.write(payload, 0, payload.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  @Test
  void exif_with_gps_is_removed_from_a_jpeg_and_the_image_still_decodes() throws Exception {
    byte[] tagged = withExif(jpeg());
    assertTrue(new String(tagged, StandardCharsets.ISO_8859_1).contains("GPSLatitude"));
    byte[] clean = ImageMetadata.strip(tagged);
    assertFalse(new String(clean, StandardCharsets.ISO_8859_1).contains("GPSLatitude"));
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean));
    assertNotNull(decoded);
    assertEquals(16, decoded.getWidth());
  }

  @Test
  void png_text_chunks_are_removed() throws Exception {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    byte[] png = out.toByteArray();
    byte[] text = "tEXtLocation\0Phuong Ba Dinh".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    tagged.write(png, 0, 33); // signature + IHDR
    tagged.write(new byte[] {0, 0, 0, (byte) (text.length - 4)}, 0, 4);
    tagged.write(text, 0, text.length);
    tagged.write(new byte[4], 0, 4); // CRC (not checked by the stripper)
    tagged.write(png, 33, png.length - 33);
    byte[] clean = ImageMetadata.strip(tagged.toByteArray());
    assertFalse(new String(clean, StandardCharsets.ISO_8859_1).contains("Ba Dinh"));
    assertArrayEquals(png, clean);
  }

  @Test
  void other_files_are_left_alone() {
    byte[] text = "not an image".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(text, ImageMetadata.strip(text));
  }
}
