package dev.heatcheck.render;

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
 */
final class Legend {
  static final int WIDTH = 196;
  static final int HEIGHT = 48;
  static final int MARGIN = 8;
  private static final int PADDING = 8;
  private static final int BAR_HEIGHT = 10;
  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Color PANEL = new Color(255, 255, 255, 235);
  static final Color BORDER = new Color(120, 120, 120);
  static final Color TEXT = new Color(40, 40, 40);

  private Legend() {}

  /** Where the legend goes on an image of this size; empty when the image is too small to spare it. */
  static Rectangle bounds(int imageWidth, int imageHeight) {
    return bounds(imageWidth, imageHeight, WIDTH);
  }

  private static Rectangle bounds(int imageWidth, int imageHeight, int width) {
    // on a tiny image the key would hide most of the page it explains
    if (imageWidth < 2 * width || imageHeight < 2 * HEIGHT) {
      return new Rectangle();
    }
    return new Rectangle(imageWidth - width - MARGIN, MARGIN, width, HEIGHT);
  }

  /** The heatmap's key: "low" to "high" over the heat colours, and what "high" stands for. */
  static void draw(BufferedImage image, long peakEvents, String unit, int areaSidePx) {
    draw(image, "low", "high", caption(peakEvents, unit, areaSidePx), t -> Palette.color((float) t));
  }

  /**
   * Draws a key whose bar runs from {@code low} on the left to {@code high} on the right, each pixel
   * column coloured by {@code ramp} (position 0 to 1, an ARGB colour) over the dimmed white of the page.
   */
  static void draw(BufferedImage image, String low, String high, String caption, DoubleToIntFunction ramp) {
    Rectangle box = bounds(image, caption);
    if (box.isEmpty()) {
      return;
    }
    Graphics2D g = image.createGraphics();
    try {
      fixHints(g);
      FontMetrics metrics = g.getFontMetrics();
      g.setColor(PANEL);
      g.fillRect(box.x, box.y, box.width, box.height);
      g.setColor(BORDER);
      g.drawRect(box.x, box.y, box.width - 1, box.height - 1);
      int barBaseline = box.y + PADDING + BAR_HEIGHT - 1;
      g.setColor(TEXT);
      g.drawString(low, box.x + PADDING, barBaseline);
      g.drawString(high, box.x + box.width - PADDING - metrics.stringWidth(high), barBaseline);
      g.drawString(caption, box.x + PADDING, box.y + box.height - PADDING);
      int left = box.x + PADDING + metrics.stringWidth(low) + PADDING / 2;
      int right = box.x + box.width - PADDING - metrics.stringWidth(high) - PADDING / 2;
      drawBar(image, new Rectangle(left, box.y + PADDING, right - left, BAR_HEIGHT), ramp);
    } finally {
      g.dispose();
    }
  }

  /** Where a key with this caption goes on {@code image}: wider than usual if the caption needs it. */
  static Rectangle bounds(BufferedImage image, String caption) {
    Graphics2D g = image.createGraphics();
    try {
      fixHints(g);
      int width = Math.max(WIDTH, g.getFontMetrics().stringWidth(caption) + 2 * PADDING);
      return bounds(image.getWidth(), image.getHeight(), width);
    } finally {
      g.dispose();
    }
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
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
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
