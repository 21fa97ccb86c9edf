package dev.heatcheck.render;

import dev.heatcheck.HeatcheckException;
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
  public static BufferedImage draw(BufferedImage background, DensityGrid grid, double sigmaPx, String unit) {
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(unit, "unit");
    if (!unit.matches("[a-z]+(?:[ -][a-z]+)*")) {
      throw new HeatcheckException(
          "heatmap unit must be a singular lower-case noun like \"click\" or \"move\", was \"" + unit + "\"");
    }
    if (!(sigmaPx > 0 && sigmaPx <= 10_000)) {
      throw new HeatcheckException("heatmap sigma must be between 0 and 10000 px, was " + sigmaPx);
    }
    DensityField field = DensityField.blur(grid, sigmaPx);
    BufferedImage out =
        new BufferedImage(background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
    paint(background, grid, field, out);
    Legend.draw(out, field.peakEvents(), unit, field.areaSidePx());
    return out;
  }

  private static void paint(BufferedImage background, DensityGrid grid, DensityField field, BufferedImage out) {
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
          pixels[offset + x] = Palette.blend(pixels[offset + x], Palette.color(heat[x]));
        }
      }
    }
  }
}
