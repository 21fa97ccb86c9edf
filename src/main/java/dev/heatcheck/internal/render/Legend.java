package dev.heatcheck.internal.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.DoubleToIntFunction;

/**
 * The key in the top right corner: where a reader looks first, even on a very tall page. A gradient
 * bar between two end labels, and a caption under it; the panel widens when the caption needs it.
 *
 * <p>An image too narrow for that, such as a 390 px phone page, gets a compact key instead: the same
 * two lines in a smaller font, in {@value #COMPACT_WIDTH} px, which fits images from 320 px wide. A
 * key takes at most half the image's width, so that it never hides most of the page it explains.
 */
final class Legend {
  static final int WIDTH = 196;
  static final int HEIGHT = 48;
  static final int COMPACT_WIDTH = 160;
  static final int COMPACT_HEIGHT = 34;
  static final int MARGIN = 8;
  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font COMPACT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  static final Color PANEL = new Color(255, 255, 255, 235);
  static final Color BORDER = new Color(120, 120, 120);
  static final Color TEXT = new Color(40, 40, 40);
  private static final Layout WIDE = new Layout(WIDTH, HEIGHT, 8, 10, 8, FONT);
  private static final Layout COMPACT =
      new Layout(COMPACT_WIDTH, COMPACT_HEIGHT, 6, 8, 7, COMPACT_FONT);

  /**
   * A key's measures: its least size, its padding, the bar's height, how far the caption's baseline
   * sits above the panel's bottom, and the font of all its text.
   */
  private record Layout(
      int width, int height, int padding, int barHeight, int captionBottom, Font font) {}

  /** A layout placed on an image, with the caption that fits it. */
  private record Placed(Layout layout, Rectangle box, String caption) {}

  private Legend() {}

  /** Where the full-size legend goes on an image of this size; empty when the image is too small to spare it. */
  static Rectangle bounds(int imageWidth, int imageHeight) {
    return bounds(imageWidth, imageHeight, WIDTH, HEIGHT);
  }

  /**
   * How tall the key on an image this wide is at most: the full one's height when it fits, else the
   * compact one's. What goes under the key, such as the outlines' key, starts below this.
   */
  static int height(int imageWidth) {
    return imageWidth >= 2 * WIDTH ? HEIGHT : COMPACT_HEIGHT;
  }

  private static Rectangle bounds(int imageWidth, int imageHeight, int width, int height) {
    // on a tiny image the key would hide most of the page it explains
    if (imageWidth < 2 * width || imageHeight < 2 * height) {
      return new Rectangle();
    }
    return new Rectangle(imageWidth - width - MARGIN, MARGIN, width, height);
  }

  /** The heatmap's key: "low" to "high" over the heat colours, and what "high" stands for. */
  static void draw(BufferedImage image, long peakEvents, String unit, int areaSidePx) {
    draw(
        image, "low", "high", caption(peakEvents, unit, areaSidePx), t -> Palette.color((float) t));
  }

  /**
   * Draws a key whose bar runs from {@code low} on the left to {@code high} on the right, each pixel
   * column coloured by {@code ramp} (position 0 to 1, an ARGB colour) over the dimmed white of the page.
   */
  static void draw(
      BufferedImage image, String low, String high, String caption, DoubleToIntFunction ramp) {
    draw(image, low, high, caption, caption, ramp);
  }

  /**
   * As {@link #draw(BufferedImage, String, String, String, DoubleToIntFunction)}, with a shorter
   * caption for a compact key that the full caption would make too wide for the image.
   */
  static void draw(
      BufferedImage image,
      String low,
      String high,
      String caption,
      String shortCaption,
      DoubleToIntFunction ramp) {
    Graphics2D g = image.createGraphics();
    try {
      fixHints(g);
      Placed placed = place(g, image, low, high, caption, shortCaption);
      if (placed == null) {
        return;
      }
      Layout layout = placed.layout();
      Rectangle box = placed.box();
      int padding = layout.padding();
      g.setFont(layout.font());
      FontMetrics metrics = g.getFontMetrics();
      g.setColor(PANEL);
      g.fillRect(box.x, box.y, box.width, box.height);
      g.setColor(BORDER);
      g.drawRect(box.x, box.y, box.width - 1, box.height - 1);
      int barBaseline = box.y + padding + layout.barHeight() - 1;
      g.setColor(TEXT);
      g.drawString(low, box.x + padding, barBaseline);
      g.drawString(high, box.x + box.width - padding - metrics.stringWidth(high), barBaseline);
      g.drawString(placed.caption(), box.x + padding, box.y + box.height - layout.captionBottom());
      int left = box.x + padding + metrics.stringWidth(low) + padding / 2;
      int right = box.x + box.width - padding - metrics.stringWidth(high) - padding / 2;
      drawBar(image, new Rectangle(left, box.y + padding, right - left, layout.barHeight()), ramp);
    } finally {
      g.dispose();
    }
  }

  /** Where a key with this caption goes on {@code image}: wider than usual if the caption needs it. */
  static Rectangle bounds(BufferedImage image, String caption) {
    return bounds(image, "", "", caption, caption);
  }

  /**
   * Where a key with these labels goes on {@code image}: the full key if it fits, else the compact one
   * with {@code caption} or, failing that, {@code shortCaption}; empty when none fits.
   */
  static Rectangle bounds(
      BufferedImage image, String low, String high, String caption, String shortCaption) {
    Graphics2D g = image.createGraphics();
    try {
      fixHints(g);
      Placed placed = place(g, image, low, high, caption, shortCaption);
      return placed == null ? new Rectangle() : placed.box();
    } finally {
      g.dispose();
    }
  }

  // null when no key fits
  private static Placed place(
      Graphics2D g,
      BufferedImage image,
      String low,
      String high,
      String caption,
      String shortCaption) {
    Placed placed = fit(g, image, WIDE, low, high, caption);
    if (placed == null) {
      placed = fit(g, image, COMPACT, low, high, caption);
    }
    if (placed == null) {
      placed = fit(g, image, COMPACT, low, high, shortCaption);
    }
    return placed;
  }

  private static Placed fit(
      Graphics2D g, BufferedImage image, Layout layout, String low, String high, String caption) {
    Rectangle box = bounds(
        image.getWidth(), image.getHeight(), width(g, layout, low, high, caption), layout.height());
    return box.isEmpty() ? null : new Placed(layout, box, caption);
  }

  // room for the caption, and for both end labels with a bar at least two paddings wide between
  // them
  private static int width(Graphics2D g, Layout layout, String low, String high, String caption) {
    FontMetrics metrics = g.getFontMetrics(layout.font());
    int padding = layout.padding();
    int captionWidth = metrics.stringWidth(caption) + 2 * padding;
    int barRowWidth = metrics.stringWidth(low) + metrics.stringWidth(high) + 5 * padding;
    return Math.max(layout.width(), Math.max(captionWidth, barRowWidth));
  }

  static String caption(long peakEvents) {
    return caption(peakEvents, "click");
  }

  /** "max 12 clicks", "max 1 move", "no clicks". */
  static String caption(long peakEvents, String unit) {
    if (peakEvents == 0) {
      return "no " + unit + "s";
    }
    return "max " + peakEvents + " " + unit + (peakEvents == 1 ? "" : "s");
  }

  /** "max 12 clicks / 21×21 px": the peak as events per square the size of one event's blur. */
  static String caption(long peakEvents, String unit, int areaSidePx) {
    String count = caption(peakEvents, unit);
    return peakEvents == 0 ? count : count + " / " + areaSidePx + "\u00d7" + areaSidePx + " px";
  }

  // set explicitly: the defaults depend on the desktop, and the output must not
  static void fixHints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setFont(FONT);
  }

  // drawn over the same dimmed white as the page, so the key matches it exactly
  private static void drawBar(BufferedImage image, Rectangle bar, DoubleToIntFunction ramp) {
    int paper = Palette.dim(0xFFFFFFFF);
    for (int i = 0; i < bar.width; i++) {
      int color = Palette.blend(paper, ramp.applyAsInt(i / (double) (bar.width - 1)));
      for (int y = bar.y; y < bar.y + bar.height; y++) {
        image.setRGB(bar.x + i, y, color);
      }
    }
  }
}
