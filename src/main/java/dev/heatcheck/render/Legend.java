package dev.heatcheck.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The key in the top right corner: where a reader looks first, even on a very tall page. */
final class Legend {
  static final int WIDTH = 196;
  static final int HEIGHT = 48;
  private static final int MARGIN = 8;
  private static final int PADDING = 8;
  private static final int BAR_HEIGHT = 10;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color PANEL = new Color(255, 255, 255, 235);
  private static final Color BORDER = new Color(120, 120, 120);
  private static final Color TEXT = new Color(40, 40, 40);

  private Legend() {}

  /** Where the legend goes on an image of this size; empty when the image is too small to spare it. */
  static Rectangle bounds(int imageWidth, int imageHeight) {
    // on a tiny image the key would hide most of the page it explains
    if (imageWidth < 2 * WIDTH || imageHeight < 2 * HEIGHT) {
      return new Rectangle();
    }
    return new Rectangle(imageWidth - WIDTH - MARGIN, MARGIN, WIDTH, HEIGHT);
  }

  static void draw(BufferedImage image, long peakEvents) {
    Rectangle box = bounds(image.getWidth(), image.getHeight());
    if (box.isEmpty()) {
      return;
    }
    Graphics2D g = image.createGraphics();
    try {
      fixHints(g);
      g.setColor(PANEL);
      g.fillRect(box.x, box.y, box.width, box.height);
      g.setColor(BORDER);
      g.drawRect(box.x, box.y, box.width - 1, box.height - 1);
      drawLabels(g, box, caption(peakEvents));
      drawBar(image, barBounds(box, g.getFontMetrics()));
    } finally {
      g.dispose();
    }
  }

  static String caption(long peakEvents) {
    if (peakEvents == 0) {
      return "no clicks";
    }
    return "max " + peakEvents + (peakEvents == 1 ? " click" : " clicks");
  }

  // set explicitly: the defaults depend on the desktop, and the output must not
  private static void fixHints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setFont(FONT);
  }

  private static void drawLabels(Graphics2D g, Rectangle box, String caption) {
    FontMetrics metrics = g.getFontMetrics();
    int barBaseline = box.y + PADDING + BAR_HEIGHT - 1;
    g.setColor(TEXT);
    g.drawString("low", box.x + PADDING, barBaseline);
    g.drawString("high", box.x + box.width - PADDING - metrics.stringWidth("high"), barBaseline);
    g.drawString(caption, box.x + PADDING, box.y + box.height - PADDING);
  }

  private static Rectangle barBounds(Rectangle box, FontMetrics metrics) {
    int left = box.x + PADDING + metrics.stringWidth("low") + PADDING / 2;
    int right = box.x + box.width - PADDING - metrics.stringWidth("high") - PADDING / 2;
    return new Rectangle(left, box.y + PADDING, right - left, BAR_HEIGHT);
  }

  // drawn from the same table and over the same dimmed white as the page, so the key matches it exactly
  private static void drawBar(BufferedImage image, Rectangle bar) {
    int paper = Palette.dim(0xFFFFFFFF);
    for (int i = 0; i < bar.width; i++) {
      int color = Palette.blend(paper, Palette.color(i / (float) (bar.width - 1)));
      for (int y = bar.y; y < bar.y + bar.height; y++) {
        image.setRGB(bar.x + i, y, color);
      }
    }
  }
}
