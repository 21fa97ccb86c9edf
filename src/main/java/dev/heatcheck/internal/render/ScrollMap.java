package dev.heatcheck.internal.render;

import dev.heatcheck.result.HeatcheckException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Draws how far down a page its views got, as Microsoft Clarity's scroll maps do: each depth is
 * coloured by the share of views that saw it, red where everyone did, through the heat colours to blue
 * where few did, and a grey veil where nobody did. Lines mark the average fold and the depths that
 * 75 %, 50 % and 25 % of views reached.
 */
public final class ScrollMap {
  /** Depths are coloured in bands this tall: fine enough to look continuous, coarse enough to be cheap. */
  static final int BAND_PX = 4;

  static final int[] REACH_PERCENTS = {75, 50, 25};
  /** Rows a line covers: the depth's last seen row and the one below it. */
  static final int LINE_PX = 2;

  static final int DASH_PX = 8;
  static final Color LINE = new Color(33, 33, 33);
  static final Color FOLD_GAP = Color.WHITE;
  /** What no view saw: a grey veil, so it reads as "off the map" rather than as a cold colour. */
  static final int NOBODY = 0x5A6E6E6E;
  // the bands cover the whole page, so they are lighter than heat spots to keep the page readable
  private static final int BAND_OPACITY_PERCENT = 70;
  // the weakest share still shows as a clear blue: heat 15 % is the palette's first opaque-enough
  // stop
  private static final float FEWEST = 0.15f;
  private static final int LABEL_INSET = 8;
  static final String FOLD_LABEL = "average fold";
  static final String END_LABEL = "100% reached the end";
  private static final String LEGEND_LOW = "100%";
  private static final String LEGEND_HIGH = "0%";

  private ScrollMap() {}

  /**
   * The fraction of page views that saw depth {@code y}: those whose reach is {@code y} or more. 0 when
   * there are no views.
   */
  public static double share(ScrollReach reach, double y) {
    Objects.requireNonNull(reach, "reach");
    if (Double.isNaN(y)) {
      throw new IllegalArgumentException("scroll depth must be a number, was NaN");
    }
    return share(sorted(reach), y);
  }

  /**
   * Returns a new image the size of {@code background}: the page dimmed, each {@value #BAND_PX} px band
   * coloured by the share of views that saw its top row, the reach and fold lines, and a legend.
   */
  public static BufferedImage draw(BufferedImage background, ScrollReach reach) {
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(reach, "reach");
    double[] depths = sorted(reach);
    BufferedImage out = new BufferedImage(
        background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
    paint(background, depths, out);
    String caption = caption(depths.length);
    Rectangle legend = Legend.bounds(out, LEGEND_LOW, LEGEND_HIGH, caption, caption);
    Graphics2D g = out.createGraphics();
    try {
      Legend.fixHints(g);
      g.setFont(Tab.FONT);
      Labels labels = new Labels(g, out, legend);
      if (depths.length > 0) {
        drawLines(g, out, reach, depths, labels);
      } else if (legend.isEmpty()) {
        // the legend says it when there is room for one; an image under 320 px wide has none
        labels.at(caption, LABEL_INSET, LABEL_INSET, LINE, Color.WHITE, null);
      }
    } finally {
      g.dispose();
    }
    Legend.draw(out, LEGEND_LOW, LEGEND_HIGH, caption, ScrollMap::legendColor);
    return out;
  }

  /**
   * Returns the scroll map alone, for a report that lays it over the page itself: a {@code width} ×
   * {@code height} ARGB image with the bands at the opacity {@link #draw(BufferedImage, ScrollReach)}
   * blends them with, and the reach and fold lines with their labels, opaque; no page, no dimming, no
   * legend. Without views it is fully transparent: the report says there were none.
   */
  public static BufferedImage overlay(int width, int height, ScrollReach reach) {
    Objects.requireNonNull(reach, "reach");
    if (width <= 0 || height <= 0) {
      throw new HeatcheckException(
          "scroll map overlay needs a positive size, was " + width + "\u00d7" + height);
    }
    double[] depths = sorted(reach);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    if (depths.length == 0) {
      return out;
    }
    int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int top = 0; top < height; top += BAND_PX) {
      Arrays.fill(
          pixels, top * width, Math.min(height, top + BAND_PX) * width, color(share(depths, top)));
    }
    Graphics2D g = out.createGraphics();
    try {
      Legend.fixHints(g);
      g.setFont(Tab.FONT);
      drawLines(g, out, reach, depths, new Labels(g, out, new Rectangle()));
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The ARGB colour laid over depths that {@code share} of views saw. */
  static int color(double share) {
    if (share <= 0) {
      return NOBODY;
    }
    float heat = FEWEST + (1 - FEWEST) * (float) Math.min(1, share);
    return Palette.fade(Palette.color(heat), BAND_OPACITY_PERCENT);
  }

  /**
   * The deepest y that at least {@code percent} % of views reached: with n views, the k-th deepest
   * reach, k = ⌈n · percent / 100⌉. Not limited to the page; {@code NaN} without views.
   */
  static double depthReachedBy(ScrollReach reach, int percent) {
    double[] depths = sorted(reach);
    return depths.length == 0 ? Double.NaN : depthReachedBy(depths, percent);
  }

  /** The first of the {@value #LINE_PX} rows a line at {@code depth} covers on an image this tall. */
  static int lineTop(double depth, int imageHeight) {
    long lastSeenRow = (long) Math.ceil(depth) - 1;
    return (int) Math.max(0, Math.min(imageHeight - LINE_PX, lastSeenRow));
  }

  /** The page's end: its height when known, or else the screenshot's. */
  static int bottom(ScrollReach reach, int imageHeight) {
    return reach.docHeight() > 0 ? reach.docHeight() : imageHeight;
  }

  static String caption(int views) {
    if (views == 0) {
      return "no page views";
    }
    return "of " + views + (views == 1 ? " page view" : " page views");
  }

  static String reachLabel(int percent) {
    return percent + "% of views reached here";
  }

  private static double[] sorted(ScrollReach reach) {
    double[] depths = reach.reach().stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(depths);
    return depths;
  }

  private static double share(double[] ascending, double y) {
    if (ascending.length == 0) {
      return 0;
    }
    int firstSeen = 0;
    int end = ascending.length;
    while (firstSeen < end) {
      int middle = (firstSeen + end) >>> 1;
      if (ascending[middle] >= y) {
        end = middle;
      } else {
        firstSeen = middle + 1;
      }
    }
    return (ascending.length - firstSeen) / (double) ascending.length;
  }

  private static double depthReachedBy(double[] ascending, int percent) {
    int k = (percent * ascending.length + 99) / 100;
    return ascending[ascending.length - Math.max(1, k)];
  }

  private static void paint(BufferedImage background, double[] depths, BufferedImage out) {
    int width = out.getWidth();
    int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int[] row = new int[width];
    int band = 0;
    for (int y = 0; y < out.getHeight(); y++) {
      background.getRGB(0, y, width, 1, row, 0, width);
      if (y % BAND_PX == 0) {
        band = depths.length == 0 ? 0 : color(share(depths, y));
      }
      int offset = y * width;
      for (int x = 0; x < width; x++) {
        pixels[offset + x] = Palette.blend(Palette.dim(row[x]), band);
      }
    }
  }

  private static void drawLines(
      Graphics2D g, BufferedImage out, ScrollReach reach, double[] depths, Labels labels) {
    drawReachLines(g, out, reach, depths, labels);
    drawFold(g, out, reach, labels);
  }

  private static void drawReachLines(
      Graphics2D g, BufferedImage out, ScrollReach reach, double[] depths, Labels labels) {
    int height = out.getHeight();
    int bottom = bottom(reach, height);
    if (depths[0] >= bottom) {
      // every line would lie on the page's end, saying the same thing three times
      int end = Math.min(bottom, height);
      labels.above(END_LABEL, LABEL_INSET, end, LABEL_INSET, LINE, Color.WHITE, null);
      return;
    }
    int previousTop = Integer.MIN_VALUE;
    for (int percent : REACH_PERCENTS) {
      double depth = Math.min(depthReachedBy(depths, percent), bottom);
      int top = lineTop(depth, height);
      // a line off the screenshot, or one a larger share already drew: "75 %" also says "50 %"
      if (depth < 1 || depth > height || top == previousTop) {
        continue;
      }
      previousTop = top;
      g.setColor(LINE);
      g.fillRect(0, top, out.getWidth(), LINE_PX);
      labels.onLine(reachLabel(percent), LABEL_INSET, top, LINE, Color.WHITE, null);
    }
  }

  private static void drawFold(Graphics2D g, BufferedImage out, ScrollReach reach, Labels labels) {
    int fold = reach.viewportHeight();
    int height = out.getHeight();
    if (fold < 1 || fold >= Math.min(bottom(reach, height), height)) {
      return;
    }
    int top = lineTop(fold, height);
    // dark and white dashes, so the line shows over every band colour and over dark pages
    for (int x = 0; x < out.getWidth(); x += DASH_PX) {
      g.setColor((x / DASH_PX) % 2 == 0 ? LINE : FOLD_GAP);
      g.fillRect(x, top, DASH_PX, LINE_PX);
    }
    int x = out.getWidth() - Tab.size(g, FOLD_LABEL).width - LABEL_INSET;
    labels.onLine(FOLD_LABEL, x, top, Color.WHITE, LINE, LINE);
  }

  /** The tabs drawn so far, so that each new one keeps clear of them and of the legend. */
  private record Labels(Graphics2D g, BufferedImage out, Rectangle legend, List<Rectangle> placed) {
    Labels(Graphics2D g, BufferedImage out, Rectangle legend) {
      this(g, out, legend, new ArrayList<>());
    }

    /** Draws a tab centred on the line whose first row is {@code lineTop}. */
    void onLine(String text, int x, int lineTop, Color fill, Color ink, Color edge) {
      at(text, x, lineTop + LINE_PX / 2 - Tab.size(g, text).height / 2, fill, ink, edge);
    }

    /** Draws a tab with its bottom {@code margin} px above row {@code y}. */
    void above(String text, int x, int y, int margin, Color fill, Color ink, Color edge) {
      at(text, x, y - margin - Tab.size(g, text).height, fill, ink, edge);
    }

    /** Draws a tab with its top-left corner at ({@code x}, {@code y}), kept inside the image. */
    void at(String text, int x, int y, Color fill, Color ink, Color edge) {
      Rectangle tab = Tab.size(g, text);
      tab.setLocation(x, Math.max(0, Math.min(out.getHeight() - tab.height, y)));
      if (tab.intersects(legend)) {
        tab.x = LABEL_INSET;
      }
      Tab.avoid(tab, placed);
      Tab.draw(g, tab, text, fill, ink, edge);
      placed.add(tab);
    }
  }

  // 100 % on the left, through the band colours, to a grey end for nobody
  private static int legendColor(double position) {
    double share = 1 - position / 0.9;
    return color(share <= 0 ? 0 : share);
  }
}
