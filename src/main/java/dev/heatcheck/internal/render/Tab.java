package dev.heatcheck.internal.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/** A small filled label with one line of bold text: the captions on outlines and scroll lines. */
final class Tab {
  static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  private static final int PADDING_X = 5;
  private static final int PADDING_Y = 2;
  static final int GAP = 3;

  private Tab() {}

  /** The size of the tab for {@code text}, at (0, 0); {@code g} must have {@link #FONT} set. */
  static Rectangle size(Graphics2D g, String text) {
    FontMetrics metrics = g.getFontMetrics();
    return new Rectangle(
        0, 0, metrics.stringWidth(text) + 2 * PADDING_X, metrics.getAscent() + PADDING_Y * 2);
  }

  /** Moves {@code tab} right, past every one of {@code placed} that it would cover. */
  static void avoid(Rectangle tab, List<Rectangle> placed) {
    for (int round = 0; round <= placed.size(); round++) {
      boolean moved = false;
      for (Rectangle other : placed) {
        if (tab.intersects(other)) {
          tab.x = other.x + other.width + GAP;
          moved = true;
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  /** Fills {@code box} and writes {@code text} in it; a 1 px {@code edge} is drawn when not null. */
  static void draw(Graphics2D g, Rectangle box, String text, Color fill, Color ink, Color edge) {
    g.setColor(fill);
    g.fillRect(box.x, box.y, box.width, box.height);
    if (edge != null) {
      g.setColor(edge);
      g.drawRect(box.x, box.y, box.width - 1, box.height - 1);
    }
    FontMetrics metrics = g.getFontMetrics();
    // the ascent includes room for accents that these labels never use, so the text sits a little
    // low
    int baseline = box.y + PADDING_Y + metrics.getAscent() - metrics.getDescent() / 2;
    g.setColor(ink);
    g.drawString(text, box.x + PADDING_X, baseline);
  }
}
