package dev.heatcheck.internal.render;

/**
 * Approximates a Gaussian blur by three successive box blurs, each done with running sums along rows
 * and then columns, so the cost per cell is the same for any sigma.
 *
 * <p>Box widths follow the usual "boxes for Gauss" recipe: three odd widths whose combined variance is
 * as close as possible to sigma². Values beyond the edges count as zero, so the total is kept except
 * for what blurs off the page.
 */
final class GaussianBlur {
  private static final int PASSES = 3;

  private final int[] radii;

  GaussianBlur(double sigma) {
    this.radii = boxRadii(sigma);
  }

  /** Blurs {@code cells} (row-major, {@code columns} wide) in place. */
  void apply(float[] cells, int columns, int rows) {
    float[] line = new float[Math.max(columns, rows)];
    for (int radius : radii) {
      for (int row = 0; row < rows; row++) {
        boxLine(cells, row * columns, 1, columns, radius, line);
      }
      for (int column = 0; column < columns; column++) {
        boxLine(cells, column, columns, rows, radius, line);
      }
    }
  }

  /**
   * The value one event in a single cell has at its own centre after blurring: dividing a blurred
   * value by it converts density back into "events at that spot", which is what the legend shows.
   */
  double impulsePeak() {
    int reach = 0;
    for (int radius : radii) {
      reach += radius;
    }
    float[] impulse = new float[2 * reach + 1];
    impulse[reach] = 1;
    float[] line = new float[impulse.length];
    for (int radius : radii) {
      boxLine(impulse, 0, 1, impulse.length, radius, line);
    }
    double peak = impulse[reach];
    return peak * peak;
  }

  private static int[] boxRadii(double sigma) {
    double variance = sigma * sigma;
    int lower = (int) Math.floor(Math.sqrt(12 * variance / PASSES + 1));
    if (lower % 2 == 0) {
      lower--;
    }
    int upper = lower + 2;
    long lowerCount =
        Math.round((12 * variance - PASSES * lower * lower - 4.0 * PASSES * lower - 3 * PASSES)
            / (-4.0 * lower - 4));
    int[] radii = new int[PASSES];
    for (int pass = 0; pass < PASSES; pass++) {
      int width = pass < lowerCount ? lower : upper;
      radii[pass] = (width - 1) / 2;
    }
    return radii;
  }

  private static void boxLine(
      float[] data, int offset, int stride, int length, int radius, float[] line) {
    for (int i = 0; i < length; i++) {
      line[i] = data[offset + i * stride];
    }
    float scale = 1f / (2 * radius + 1);
    // a double sum, so adding and removing millions of floats does not drift
    double sum = 0;
    for (int i = 0; i <= radius && i < length; i++) {
      sum += line[i];
    }
    for (int i = 0; i < length; i++) {
      data[offset + i * stride] = (float) (sum * scale);
      int entering = i + radius + 1;
      int leaving = i - radius;
      if (entering < length) {
        sum += line[entering];
      }
      if (leaving >= 0) {
        sum -= line[leaving];
      }
    }
  }
}
