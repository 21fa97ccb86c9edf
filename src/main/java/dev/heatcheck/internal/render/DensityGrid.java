package dev.heatcheck.internal.render;

/**
 * Counts events over a page, in cells of {@value #CELL_PX}×{@value #CELL_PX} CSS px, so that memory
 * depends on the page size only: a 1280×16384 px full-page screenshot needs 5.2 M cells (21 MB), a
 * quarter of the screenshot itself. Coarser cells would blur the peak at the default sigma of 8 px.
 *
 * <p>Each event is shared between the four nearest cell centres in proportion to its distance
 * (bilinear splatting), so the blurred hot spot lands on the clicked pixel, not on a cell centre.
 */
public final class DensityGrid {
  static final int CELL_PX = 2;

  private final int width;
  private final int height;
  private final int columns;
  private final int rows;
  private final float[] cells;
  private long total;
  private long outside;

  public DensityGrid(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "density grid needs a positive size, was " + width + "×" + height);
    }
    this.width = width;
    this.height = height;
    this.columns = cellsFor(width);
    this.rows = cellsFor(height);
    this.cells = new float[Math.multiplyExact(columns, rows)];
  }

  /** Adds one event at page coordinates in CSS px; one outside the page is only counted. */
  public void add(double x, double y) {
    // written so that NaN also fails the test and counts as outside
    if (!(x >= 0 && x < width && y >= 0 && y < height)) {
      outside++;
      return;
    }
    total++;
    splat(toCell(x), toCell(y));
  }

  public long total() {
    return total;
  }

  public long outside() {
    return outside;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  int columns() {
    return columns;
  }

  int rows() {
    return rows;
  }

  /** A copy, so that drawing never changes the grid and the same grid draws the same image twice. */
  float[] cells() {
    return cells.clone();
  }

  /**
   * Maps a px coordinate to cell space where cell {@code i}'s centre is at {@code i}. Pixel {@code p}
   * covers [p, p+1), so its centre p + 0.5 is used: a click at (600, 150) then peaks on pixel (600, 150).
   */
  static double toCell(double px) {
    return (px + 0.5) / CELL_PX - 0.5;
  }

  private static int cellsFor(int px) {
    long count = ((long) px + CELL_PX - 1) / CELL_PX;
    return Math.toIntExact(count);
  }

  private void splat(double u, double v) {
    int u0 = (int) Math.floor(u);
    int v0 = (int) Math.floor(v);
    float fu = (float) (u - u0);
    float fv = (float) (v - v0);
    addToCell(u0, v0, (1 - fu) * (1 - fv));
    addToCell(u0 + 1, v0, fu * (1 - fv));
    addToCell(u0, v0 + 1, (1 - fu) * fv);
    addToCell(u0 + 1, v0 + 1, fu * fv);
  }

  // clamped rather than dropped, so an event on the page's edge keeps its whole weight
  private void addToCell(int column, int row, float weight) {
    int c = Math.max(0, Math.min(columns - 1, column));
    int r = Math.max(0, Math.min(rows - 1, row));
    cells[r * columns + c] += weight;
  }
}
