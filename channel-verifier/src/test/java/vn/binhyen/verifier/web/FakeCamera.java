package vn.binhyen.verifier.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}): a picture drawn
 * in the middle of a light grey frame, written as a few identical YUV4MPEG2 (Y4M) 4:2:0 frames,
 * the format Chromium's file capture device reads (BT.601 luma, chroma averaged per 2 × 2 block).
 */
final class FakeCamera {

  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  private static final int FRAMES = 3;

  private FakeCamera() {
  }

  static Path video(BufferedImage picture, Path file) throws IOException {
    BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new Color(225, 222, 215));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.drawImage(picture, (WIDTH - picture.getWidth()) / 2, (HEIGHT - picture.getHeight()) / 2, null);
    g.dispose();
    byte[] yuv = i420(frame);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F30:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < FRAMES; i++) {
      out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
      out.write(yuv);
    }
    Files.createDirectories(file.getParent());
    return Files.write(file, out.toByteArray());
  }

  private static byte[] i420(BufferedImage frame) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    byte[] out = new byte[w * h * 3 / 2];
    int u = w * h;
    int v = u + w * h / 4;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = frame.getRGB(x, y);
        out[y * w + x] = (byte) clamp(luma(rgb));
      }
    }
    for (int y = 0; y < h; y += 2) {
      for (int x = 0; x < w; x += 2) {
        double cb = 0;
        double cr = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int rgb = frame.getRGB(x + dx, y + dy);
            int r = rgb >> 16 & 0xff;
            int gr = rgb >> 8 & 0xff;
            int b = rgb & 0xff;
            cb += 128 - 0.168736 * r - 0.331264 * gr + 0.5 * b;
            cr += 128 + 0.5 * r - 0.418688 * gr - 0.081312 * b;
          }
        }
        int i = (y / 2) * (w / 2) + x / 2;
        out[u + i] = (byte) clamp(cb / 4);
        out[v + i] = (byte) clamp(cr / 4);
      }
    }
    return out;
  }

  private static double luma(int rgb) {
    return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
