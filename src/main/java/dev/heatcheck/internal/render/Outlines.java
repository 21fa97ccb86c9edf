package dev.heatcheck.internal.render;

import dev.heatcheck.result.Kind;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Marks friction on a page image: each target's box framed in its kind's colour, with a tab such as
 * "dead ×2" on the frame's top-left corner, and a key of the kinds shown under the heat legend.
 *
 * <p>The frame lies just outside the box, so the element itself stays as the page showed it. Colours:
 * dead is violet (#9C27B0), a hue the heat gradient never uses; rage is crimson (#D50032) and error a
 * burnt orange (#E65100), red and orange as users expect them, and a bluish red and a darker orange than
 * the gradient's. Every frame has a white rim outside it, which no heat spot has. The same box marked
 * twice, say dead and rage, gets nested frames, with the tabs side by side.
 *
 * <p>On an image too narrow for the key in full ("dead clicks" …), such as a phone page, the key is
 * compact: the kinds' words alone, in the compact legend's smaller font.
 */
public final class Outlines {
  /** How thick a frame is. */
  static final int FRAME_PX = 3;
  /** The white line outside each frame. */
  static final int RIM_PX = 1;

  static final Color RIM = Color.WHITE;
  static final Color DEAD = new Color(0x9C, 0x27, 0xB0);
  static final Color RAGE = new Color(0xD5, 0x00, 0x32);
  static final Color ERROR = new Color(0xE6, 0x51, 0x00);
  /** Past this far outside the image nothing can show, so coordinates are cut there to stay in int range. */
  private static final int FAR = 100_000;

  private static final int KEY_GAP = 6;
  /** The key in full, "dead clicks", and compact, "dead" in a smaller font, for narrow images. */
  private static final KeyLayout FULL_KEY = new KeyLayout(Legend.FONT, 7, 12, 4, true);

  private static final KeyLayout COMPACT_KEY = new KeyLayout(Legend.COMPACT_FONT, 5, 10, 3, false);

  private record KeyLayout(Font font, int padding, int swatchPx, int swatchGap, boolean longText) {}

  private Outlines() {}

  /**
   * Draws {@code outlines} onto {@code image}, changing it. Boxes are in the image's pixels; parts outside
   * the image are cut off.
   */
  public static void draw(BufferedImage image, List<Outline> outlines) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(outlines, "outlines");
    if (outlines.isEmpty()) {
      return;
    }
    Map<Rectangle, List<Outline>> byBox = new LinkedHashMap<>();
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (Outline outline : outlines) {
      byBox.computeIfAbsent(pixelBox(outline), box -> new ArrayList<>()).add(outline);
      kinds.add(outline.kind());
    }
    byBox.values().forEach(group -> group.sort(Comparator.comparing(Outline::kind)));
    Graphics2D g = image.createGraphics();
    try {
      Legend.fixHints(g);
      g.setFont(Tab.FONT);
      byBox.forEach((box, group) -> drawFrames(g, box, group));
      // tabs after every frame, so that no frame crosses a tab
      List<Rectangle> tabs = new ArrayList<>();
      byBox.forEach((box, group) -> drawTabs(g, image, box, group, tabs));
      drawKey(g, image, kinds);
    } finally {
      g.dispose();
    }
  }

  static Color color(Kind kind) {
    return switch (kind) {
      case DEAD -> DEAD;
      case RAGE -> RAGE;
      case ERROR -> ERROR;
    };
  }

  /** "dead ×2". */
  static String label(Outline outline) {
    return outline.kind().id() + " \u00d7" + outline.count();
  }

  /** The pixels an outline's box covers: every pixel it touches. */
  static Rectangle pixelBox(Outline outline) {
    int left = toPixel(Math.floor(outline.x()));
    int top = toPixel(Math.floor(outline.y()));
    int right = toPixel(Math.ceil(outline.x() + outline.width()));
    int bottom = toPixel(Math.ceil(outline.y() + outline.height()));
    return new Rectangle(left, top, right - left, bottom - top);
  }

  /** How far outside the box the {@code index}-th frame on it starts. */
  static int frameOffset(int index) {
    return index * (FRAME_PX + RIM_PX);
  }

  /**
   * Where the key goes on an image of this size, for the given width: under the heat legend, full or
   * compact as the image's width gives it; empty when there is no room.
   */
  static Rectangle keyBounds(int imageWidth, int imageHeight, int width, int height) {
    int top = Legend.MARGIN + Legend.height(imageWidth) + KEY_GAP;
    if (imageWidth < 2 * width || imageHeight < 2 * (top + height)) {
      return new Rectangle();
    }
    return new Rectangle(imageWidth - Legend.MARGIN - width, top, width, height);
  }

  private static int toPixel(double coordinate) {
    return (int) Math.max(-FAR, Math.min(FAR, coordinate));
  }

  private static void drawFrames(Graphics2D g, Rectangle box, List<Outline> group) {
    for (int i = 0; i < group.size(); i++) {
      Rectangle inner = grown(box, frameOffset(i));
      fillFrame(g, inner, FRAME_PX, color(group.get(i).kind()));
      fillFrame(g, grown(inner, FRAME_PX), RIM_PX, RIM);
    }
  }

  // the band `thickness` px wide just outside `inner`
  private static void fillFrame(Graphics2D g, Rectangle inner, int thickness, Color color) {
    g.setColor(color);
    int outerWidth = inner.width + 2 * thickness;
    g.fillRect(inner.x - thickness, inner.y - thickness, outerWidth, thickness);
    g.fillRect(inner.x - thickness, inner.y + inner.height, outerWidth, thickness);
    g.fillRect(inner.x - thickness, inner.y, thickness, inner.height);
    g.fillRect(inner.x + inner.width, inner.y, thickness, inner.height);
  }

  private static Rectangle grown(Rectangle box, int by) {
    return new Rectangle(box.x - by, box.y - by, box.width + 2 * by, box.height + 2 * by);
  }

  // on the outermost frame's top-left corner, one after the other
  private static void drawTabs(
      Graphics2D g, BufferedImage image, Rectangle box, List<Outline> group, List<Rectangle> tabs) {
    Rectangle outer = grown(box, frameOffset(group.size() - 1) + FRAME_PX);
    for (Outline outline : group) {
      String text = label(outline);
      Rectangle tab = Tab.size(g, text);
      // above the frame; on the frame's top edge when the box starts at the top of the page
      tab.setLocation(
          Math.max(0, Math.min(image.getWidth() - tab.width, outer.x)),
          Math.max(0, outer.y - tab.height));
      Tab.avoid(tab, tabs);
      Tab.draw(g, tab, text, color(outline.kind()), Color.WHITE, null);
      tabs.add(tab);
    }
  }

  private static void drawKey(Graphics2D g, BufferedImage image, Set<Kind> kinds) {
    for (KeyLayout layout : new KeyLayout[] {FULL_KEY, COMPACT_KEY}) {
      g.setFont(layout.font());
      FontMetrics metrics = g.getFontMetrics();
      int width = layout.padding();
      for (Kind kind : kinds) {
        width += layout.swatchPx()
            + layout.swatchGap()
            + metrics.stringWidth(keyText(kind, layout))
            + layout.padding();
      }
      int height = layout.swatchPx() + 2 * layout.padding();
      Rectangle key = keyBounds(image.getWidth(), image.getHeight(), width, height);
      if (!key.isEmpty()) {
        drawKey(g, key, kinds, layout);
        return;
      }
    }
  }

  private static void drawKey(Graphics2D g, Rectangle key, Set<Kind> kinds, KeyLayout layout) {
    FontMetrics metrics = g.getFontMetrics();
    int swatch = layout.swatchPx();
    g.setColor(Legend.PANEL);
    g.fillRect(key.x, key.y, key.width, key.height);
    g.setColor(Legend.BORDER);
    g.drawRect(key.x, key.y, key.width - 1, key.height - 1);
    int x = key.x + layout.padding();
    int y = key.y + layout.padding();
    for (Kind kind : kinds) {
      fillFrame(
          g,
          new Rectangle(x + FRAME_PX, y + FRAME_PX, swatch - 2 * FRAME_PX, swatch - 2 * FRAME_PX),
          FRAME_PX,
          color(kind));
      x += swatch + layout.swatchGap();
      g.setColor(Legend.TEXT);
      String text = keyText(kind, layout);
      g.drawString(text, x, y + swatch - 1);
      x += metrics.stringWidth(text) + layout.padding();
    }
  }

  private static String keyText(Kind kind, KeyLayout layout) {
    return layout.longText() ? keyText(kind) : kind.id();
  }

  static String keyText(Kind kind) {
    return kind.id() + " clicks";
  }
}
