package dev.heatcheck.internal.render;

/**
 * A grid after blurring: density per cell, scaled so the hottest cell is 1, readable per pixel. A
 * {@link #difference} of two grids is scaled the same way by its largest absolute value, so that it
 * reads from -1 to 1.
 */
final class DensityField {
  /**
   * Rate differences smaller than this fraction of the larger run's peak rate are rounding, not
   * clicks: 10 clicks over 10 views and 20 over 20 must compare as equal even where float sums differ.
   */
  private static final double NOISE = 1e-4;

  private final DensityGrid grid;
  private final float[] cells;
  private final float max;
  private final int peakCell;
  private final double impulsePeak;
  private final int areaSidePx;
  private final Lerp[] columnLerps;

  private DensityField(DensityGrid grid, float[] cells, GaussianBlur blur) {
    this.grid = grid;
    this.cells = cells;
    int peak = 0;
    float largest = 0;
    for (int i = 0; i < cells.length; i++) {
      float magnitude = Math.abs(cells[i]);
      if (magnitude > largest) {
        largest = magnitude;
        peak = i;
      }
    }
    this.max = largest;
    this.peakCell = peak;
    this.impulsePeak = blur.impulsePeak();
    // one event's blur, flattened to its own peak height, covers CELL_PX² / impulsePeak px²
    this.areaSidePx = (int) Math.max(1, Math.round(DensityGrid.CELL_PX / Math.sqrt(impulsePeak)));
    // the same for every row, so worked out once
    this.columnLerps = new Lerp[grid.width()];
    for (int x = 0; x < columnLerps.length; x++) {
      columnLerps[x] = Lerp.at(x, grid.columns());
    }
  }

  static DensityField blur(DensityGrid grid, double sigmaPx) {
    GaussianBlur blur = blurFor(sigmaPx);
    return new DensityField(grid, blurred(grid, blur), blur);
  }

  /**
   * How the rate of events per view changed from {@code base} to {@code head}, both blurred: head's
   * density divided by {@code headViews} minus base's divided by {@code baseViews}, per cell. A grid
   * without events has a rate of 0 whatever its views; the caller checks that a grid with events has
   * views. Both grids must be the same size.
   */
  static DensityField difference(
      DensityGrid base, double baseViews, DensityGrid head, double headViews, double sigmaPx) {
    GaussianBlur blur = blurFor(sigmaPx);
    float[] before = blurred(base, blur);
    float[] after = blurred(head, blur);
    double baseScale = base.total() == 0 ? 0 : 1 / baseViews;
    double headScale = head.total() == 0 ? 0 : 1 / headViews;
    double largestRate = 0;
    for (int i = 0; i < after.length; i++) {
      double was = before[i] * baseScale;
      double is = after[i] * headScale;
      largestRate = Math.max(largestRate, Math.max(was, is));
      after[i] = (float) (is - was);
    }
    float noise = (float) (largestRate * NOISE);
    for (int i = 0; i < after.length; i++) {
      if (Math.abs(after[i]) <= noise) {
        after[i] = 0;
      }
    }
    return new DensityField(head, after, blur);
  }

  boolean isEmpty() {
    return max <= 0;
  }

  /** About how many events the hottest spot holds: what "high" on the legend stands for. */
  long peakEvents() {
    // events between cell centres are shared between cells, so this reads up to ~2 % low at sigma 8
    // px
    return grid.total() == 0 ? 0 : Math.max(1, Math.round(max / impulsePeak));
  }

  /**
   * The cell of largest absolute value: its centre in page px, and its value in events at that spot
   * (per view, for a difference), signed, in the units of {@link #peakEvents()} but not rounded. All 0
   * for an empty field.
   */
  double[] peak() {
    if (isEmpty()) {
      return new double[] {0, 0, 0};
    }
    int column = peakCell % grid.columns();
    int row = peakCell / grid.columns();
    return new double[] {fromCell(column), fromCell(row), cells[peakCell] / impulsePeak};
  }

  /** The largest absolute value, in the units of {@link #peak()}: what the ends of the scale stand for. */
  double peakMagnitude() {
    return max / impulsePeak;
  }

  /**
   * The side of the square that {@link #peakEvents()} are counted per: the peak density times this
   * square is the peak in events. It is the area one event's blur would cover if flattened to its own
   * peak height (about 2.5 sigma across: 20.5 px at sigma 8), rounded to whole px, which moves the
   * density it states by under 5 % at sigma 8 and by less at wider ones.
   */
  int areaSidePx() {
    return areaSidePx;
  }

  /**
   * Fills {@code heat[0..count)} with the heat of pixels (0, y) … (count - 1, y), from 0 to 1 (-1 to 1
   * for a difference), read between cell centres bilinearly so the cells never show as blocks.
   */
  void sampleRow(int y, float[] heat, int count) {
    if (y >= grid.height() || count > grid.width()) {
      throw new IllegalArgumentException("row " + y + " × " + count + " px is outside the grid");
    }
    Lerp rowLerp = Lerp.at(y, grid.rows());
    int above = rowLerp.index * grid.columns();
    int below = rowLerp.next * grid.columns();
    for (int x = 0; x < count; x++) {
      Lerp columnLerp = columnLerps[x];
      float upper = columnLerp.mix(cells[above + columnLerp.index], cells[above + columnLerp.next]);
      float lower = columnLerp.mix(cells[below + columnLerp.index], cells[below + columnLerp.next]);
      heat[x] = rowLerp.mix(upper, lower) / max;
    }
  }

  private static GaussianBlur blurFor(double sigmaPx) {
    return new GaussianBlur(sigmaPx / DensityGrid.CELL_PX);
  }

  private static float[] blurred(DensityGrid grid, GaussianBlur blur) {
    float[] cells = grid.cells();
    blur.apply(cells, grid.columns(), grid.rows());
    return cells;
  }

  // the inverse of DensityGrid.toCell: the page coordinate that lands exactly on cell centre i
  private static double fromCell(int i) {
    return (i + 0.5) * DensityGrid.CELL_PX - 0.5;
  }

  /** Where a pixel falls between two neighbouring cell centres along one axis. */
  private record Lerp(int index, int next, float fraction) {
    static Lerp at(int px, int cellCount) {
      double u = DensityGrid.toCell(px);
      int index = (int) Math.floor(u);
      float fraction = (float) (u - index);
      return new Lerp(clamp(index, cellCount), clamp(index + 1, cellCount), fraction);
    }

    float mix(float a, float b) {
      return a + (b - a) * fraction;
    }

    private static int clamp(int index, int cellCount) {
      return Math.max(0, Math.min(cellCount - 1, index));
    }
  }
}
