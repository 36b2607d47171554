package vn.binhyen.core.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The web app's icons, drawn in code (no committed binaries): the favicon's white shield with a
 * check mark on the brand red, full bleed so the icon is also "maskable" (the shield stays inside
 * the central 80 % safe zone). Shapes only, no text, so no font is needed on a headless server.
 */
public final class AppIcons {

  /** The sizes the manifest lists. */
  public static final int[] SIZES = {192, 512};
  static final Color BRAND = new Color(0xa3, 0x16, 0x1a);

  private AppIcons() {}

  /** A {@code size}×{@code size} PNG. */
  public static byte[] png(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(BRAND);
      g.fillRect(0, 0, size, size);
      double u = size / 64.0;
      // The favicon's shield (M32 10 l18 7 v13 c0 12 -8 20 -18 24 c-10 -4 -18 -12 -18 -24 V17 z), scaled
      // to 70 % and centred, so it stays inside the maskable safe zone.
      double s = 0.7 * u;
      double ox = size / 2.0 - 32 * s;
      double oy = size / 2.0 - 32 * s;
      Path2D shield = new Path2D.Double();
      shield.moveTo(ox + 32 * s, oy + 10 * s);
      shield.lineTo(ox + 50 * s, oy + 17 * s);
      shield.lineTo(ox + 50 * s, oy + 30 * s);
      shield.curveTo(ox + 50 * s, oy + 42 * s, ox + 42 * s, oy + 50 * s, ox + 32 * s, oy + 54 * s);
      shield.curveTo(ox + 22 * s, oy + 50 * s, ox + 14 * s, oy + 42 * s, ox + 14 * s, oy + 30 * s);
      shield.lineTo(ox + 14 * s, oy + 17 * s);
      shield.closePath();
      g.setColor(Color.WHITE);
      g.fill(shield);
      Path2D check = new Path2D.Double();
      check.moveTo(ox + 23 * s, oy + 31 * s);
      check.lineTo(ox + 30 * s, oy + 38 * s);
      check.lineTo(ox + 42 * s, oy + 24 * s);
      g.setColor(BRAND);
      g.setStroke(new BasicStroke((float) (5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(check);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
