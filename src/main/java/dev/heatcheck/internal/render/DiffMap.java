package dev.heatcheck.internal.render;

import dev.heatcheck.result.HeatcheckException;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Compares two runs of one page: where the new run (head) got more clicks per page view than the
 * baseline (base), and where fewer. Both grids are blurred as a heatmap's is, divided by their runs'
 * page views, so that 10 views and 20 compare as rates, and subtracted.
 *
 * <p>Colours diverge from the dimmed page: red (#B2182B at the largest difference) where head has
 * more, blue (#2166AC) where it has fewer, each lighter and more see-through towards small
 * differences; below {@value #THRESHOLD_PERCENT} % of the largest absolute difference nothing is drawn,
 * so the blur's tails and equal spots leave the page as it is. The scale is symmetric: both ends stand
 * for the largest absolute difference, which the legend states.
 */
public final class DiffMap {
  /** Differences below this share of the largest one are not drawn. */
  static final int THRESHOLD_PERCENT = 4;

  static final String NO_DIFFERENCE = "no difference";
  private static final int[][] FEWER =
      stops(new int[] {146, 197, 222}, new int[] {67, 147, 195}, new int[] {33, 102, 172});
  private static final int[][] MORE =
      stops(new int[] {244, 165, 130}, new int[] {214, 96, 77}, new int[] {178, 24, 43});
  private static final int[] FEWER_TABLE = Palette.table(FEWER);
  private static final int[] MORE_TABLE = Palette.table(MORE);

  private DiffMap() {}

  /**
   * Returns a new image the size of {@code background}: the page dimmed, the change in clicks per
   * view from {@code base} to {@code head} coloured over the part the grids cover, and a legend
   * "fewer … more" with the largest difference. The grids are of one size, normally the background's:
   * both runs projected onto the same screenshot. A grid without clicks may have 0 views. No argument
   * is changed.
   */
  public static BufferedImage draw(
      BufferedImage background,
      DensityGrid base,
      double baseViews,
      DensityGrid head,
      double headViews,
      double sigmaPx) {
    Objects.requireNonNull(background, "background");
    DensityField field = field(base, baseViews, head, headViews, sigmaPx);
    BufferedImage out = new BufferedImage(
        background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
    Heatmap.paint(background, head, field, out, DiffMap::color);
    Legend.draw(
        out, "fewer", "more", caption(field, false), caption(field, true), DiffMap::legendColor);
    return out;
  }

  /**
   * The largest absolute difference: {x, y, difference}, x and y in page px, the difference in clicks
   * per view at that spot (per square of the legend's size), negative where head has fewer. {0, 0, 0}
   * when nothing differs. Of several equal largest, the first in reading order.
   */
  public static double[] peak(
      DensityGrid base, double baseViews, DensityGrid head, double headViews, double sigmaPx) {
    return field(base, baseViews, head, headViews, sigmaPx).peak();
  }

  /** The ARGB colour for a difference from -1 (the most fewer) through 0 (transparent) to 1. */
  static int color(float difference) {
    return Palette.lookUp(difference < 0 ? FEWER_TABLE : MORE_TABLE, Math.abs(difference));
  }

  /**
   * "max ±0.98 clicks per view / 21×21 px", or shortened for a compact legend: "±0.98 clicks/view /
   * 21×21 px"; "no difference".
   */
  static String caption(double peakMagnitude, int areaSidePx, boolean compact) {
    if (!(peakMagnitude > 0)) {
      return NO_DIFFERENCE;
    }
    String amount = "\u00b1" + format(peakMagnitude);
    String area = " / " + areaSidePx + "\u00d7" + areaSidePx + " px";
    if (compact) {
      return amount + " clicks/view" + area;
    }
    return "max " + amount + (format(peakMagnitude).equals("1") ? " click" : " clicks")
        + " per view" + area;
  }

  /** Two significant digits, without trailing zeros: 0.98, 1.5, 12, 120, 0.034. */
  static String format(double value) {
    return new BigDecimal(value)
        .round(new MathContext(2, RoundingMode.HALF_UP))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String caption(DensityField field, boolean compact) {
    return caption(field.peakMagnitude(), field.areaSidePx(), compact);
  }

  private static DensityField field(
      DensityGrid base, double baseViews, DensityGrid head, double headViews, double sigmaPx) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    checkViews("base", base, baseViews);
    checkViews("head", head, headViews);
    if (base.width() != head.width() || base.height() != head.height()) {
      throw new HeatcheckException(
          "diff map needs both grids the same size, was base " + base.width() + "\u00d7"
              + base.height() + " and head " + head.width() + "\u00d7" + head.height()
              + ": project both runs onto the same screenshot");
    }
    Heatmap.checkSigma("diff map", sigmaPx);
    return DensityField.difference(base, baseViews, head, headViews, sigmaPx);
  }

  private static void checkViews(String run, DensityGrid grid, double views) {
    if (!(views >= 0 && views < Double.POSITIVE_INFINITY)) {
      throw new HeatcheckException("diff map " + run + " views must be 0 or more, was " + views);
    }
    if (views == 0 && grid.total() > 0) {
      throw new HeatcheckException("diff map " + run + " has " + grid.total()
          + " clicks but 0 views: pass the number of page views its run recorded");
    }
  }

  // fewer (blue) on the left, transparent in the middle, more (red) on the right
  private static int legendColor(double position) {
    return color((float) (2 * position - 1));
  }

  /** Percent, red, green, blue, alpha: clear below the threshold, then light to dark as it grows. */
  private static int[][] stops(int[] light, int[] middle, int[] dark) {
    return new int[][] {
      {0, light[0], light[1], light[2], 0},
      {THRESHOLD_PERCENT, light[0], light[1], light[2], 0},
      {15, light[0], light[1], light[2], 120},
      {50, middle[0], middle[1], middle[2], 185},
      {100, dark[0], dark[1], dark[2], 220},
    };
  }
}
