package dev.heatcheck.internal.render;

import dev.heatcheck.result.HeatcheckException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Objects;

/** Draws a grid's events as a heatmap over a screenshot of the page they happened on. */
public final class Heatmap {
  /**
   * The default spread of one click. With the palette's 4 % cut-off, sigma 8 px shows a single click
   * as a round blob about 38 px across, the size of a fingertip or a small button; 16 px would make
   * it nearly 80 px and merge neighbouring buttons.
   */
  public static final double DEFAULT_SIGMA_PX = 8;

  private Heatmap() {}

  public static BufferedImage draw(BufferedImage background, DensityGrid grid) {
    return draw(background, grid, DEFAULT_SIGMA_PX);
  }

  /**
   * Returns a new image the size of {@code background}: the page dimmed, heat blended over the part
   * the grid covers, and a legend. Neither argument is changed.
   */
  public static BufferedImage draw(BufferedImage background, DensityGrid grid, double sigmaPx) {
    return draw(background, grid, sigmaPx, "click");
  }

  /**
   * As {@link #draw(BufferedImage, DensityGrid, double)}, with the legend counting {@code unit}s, a
   * singular noun such as "click" or "move": "max 12 clicks / 21×21 px", "max 1 move / 21×21 px". The
   * count is the hottest spot's density, in events per square of the stated size.
   */
  public static BufferedImage draw(
      BufferedImage background, DensityGrid grid, double sigmaPx, String unit) {
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(unit, "unit");
    if (!unit.matches("[a-z]+(?:[ -][a-z]+)*")) {
      throw new HeatcheckException(
          "heatmap unit must be a singular lower-case noun like \"click\" or \"move\", was \""
              + unit + "\"");
    }
    checkSigma("heatmap", sigmaPx);
    return draw(background, grid, DensityField.blur(grid, sigmaPx), unit);
  }

  /** As {@link #draw(BufferedImage, DensityGrid, double, String)} with the grid already blurred. */
  static BufferedImage draw(
      BufferedImage background, DensityGrid grid, DensityField field, String unit) {
    BufferedImage out = new BufferedImage(
        background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
    paint(background, grid, field, out, Palette::color);
    Legend.draw(out, field.peakEvents(), unit, field.areaSidePx());
    return out;
  }

  /**
   * Returns the heat alone, for a report that lays it over the page itself: a {@code width} ×
   * {@code height} ARGB image with the colours {@link #draw(BufferedImage, DensityGrid, double)} blends
   * over the page, at the same opacity, and nothing else: no page, no dimming, no legend. Where there
   * is no heat the pixels are fully transparent (0x00000000). Laid over the dimmed page, it gives
   * draw()'s pixels exactly.
   */
  public static BufferedImage overlay(int width, int height, DensityGrid grid, double sigmaPx) {
    Objects.requireNonNull(grid, "grid");
    if (width <= 0 || height <= 0) {
      throw new HeatcheckException(
          "heatmap overlay needs a positive size, was " + width + "\u00d7" + height);
    }
    checkSigma("heatmap", sigmaPx);
    return overlay(width, height, grid, DensityField.blur(grid, sigmaPx));
  }

  /** As {@link #overlay(int, int, DensityGrid, double)} with the grid already blurred. */
  static BufferedImage overlay(int width, int height, DensityGrid grid, DensityField field) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    if (field.isEmpty()) {
      return out;
    }
    int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int overlapWidth = Math.min(width, grid.width());
    float[] heat = new float[overlapWidth];
    for (int y = 0; y < Math.min(height, grid.height()); y++) {
      field.sampleRow(y, heat, overlapWidth);
      int offset = y * width;
      for (int x = 0; x < overlapWidth; x++) {
        int color = Palette.color(heat[x]);
        // the palette's transparent end keeps a colour; a clear pixel is all zeros, which
        // compresses best
        pixels[offset + x] = (color >>> 24) == 0 ? 0 : color;
      }
    }
    return out;
  }

  /** Refuses a sigma that is not a size, naming the map it was for: "heatmap", "diff map". */
  static void checkSigma(String map, double sigmaPx) {
    if (!(sigmaPx > 0 && sigmaPx <= 10_000)) {
      throw new HeatcheckException(map + " sigma must be between 0 and 10000 px, was " + sigmaPx);
    }
  }

  /** The colour a field's value, from 0 or -1 to 1, is laid over the page in. */
  interface Colours {
    int argb(float value);
  }

  /** Fills {@code out} with the dimmed background, and the field coloured over the part the grid covers. */
  static void paint(
      BufferedImage background,
      DensityGrid grid,
      DensityField field,
      BufferedImage out,
      Colours colours) {
    int width = out.getWidth();
    int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int overlapWidth = Math.min(width, grid.width());
    int overlapHeight = field.isEmpty() ? 0 : Math.min(out.getHeight(), grid.height());
    int[] row = new int[width];
    float[] heat = new float[overlapWidth];
    // row by row, so a tall page never needs a second full-size pixel array
    for (int y = 0; y < out.getHeight(); y++) {
      background.getRGB(0, y, width, 1, row, 0, width);
      int offset = y * width;
      for (int x = 0; x < width; x++) {
        pixels[offset + x] = Palette.dim(row[x]);
      }
      if (y < overlapHeight) {
        field.sampleRow(y, heat, overlapWidth);
        for (int x = 0; x < overlapWidth; x++) {
          pixels[offset + x] = Palette.blend(pixels[offset + x], colours.argb(heat[x]));
        }
      }
    }
  }
}
