package dev.heatcheck.testing;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/** Reading images in tests: PNGs decoded as any viewer would, pixels, colours and sizes. */
public final class Pixels {
  private Pixels() {}

  /** The PNG at {@code file}, decoded by the JDK's own reader (not heatcheck's), so a test sees what a viewer does. */
  public static BufferedImage read(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new AssertionError(file + " is not an image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** An opaque image of one colour. */
  public static BufferedImage filled(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  /** An opaque white image, the page under a map. */
  public static BufferedImage white(int width, int height) {
    return filled(width, height, Color.WHITE);
  }

  public static Dimension size(BufferedImage image) {
    return new Dimension(image.getWidth(), image.getHeight());
  }

  public static int alpha(int argb) {
    return argb >>> 24;
  }

  public static int red(int rgb) {
    return (rgb >> 16) & 0xFF;
  }

  public static int green(int rgb) {
    return (rgb >> 8) & 0xFF;
  }

  public static int blue(int rgb) {
    return rgb & 0xFF;
  }

  /** The colour without its alpha, as {@code #rrggbb}: what assertions compare, so failures read as colours. */
  public static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
  }

  /** The colour with its alpha, as {@code #aarrggbb}. */
  public static String hex8(int argb) {
    return String.format(Locale.ROOT, "#%08x", argb);
  }

  /** Every colour (ARGB) in {@code area}. */
  public static Set<Integer> colours(BufferedImage image, Rectangle area) {
    Set<Integer> colours = new HashSet<>();
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours;
  }
}
