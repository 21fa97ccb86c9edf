package dev.heatcheck.internal.render;

import static dev.heatcheck.testing.Pixels.blue;
import static dev.heatcheck.testing.Pixels.green;
import static dev.heatcheck.testing.Pixels.hex;
import static dev.heatcheck.testing.Pixels.read;
import static dev.heatcheck.testing.Pixels.red;
import static dev.heatcheck.testing.Pixels.white;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.HeatcheckException;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class DiffMapTest {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 600;
  private static final int PAPER = Palette.dim(0xFFFFFFFF);
  private static final Point A = new Point(200, 300);
  private static final Point B = new Point(600, 300);
  private static final double SIGMA = Heatmap.DEFAULT_SIGMA_PX;

  private Path dir;

  @BeforeMethod
  public void createFolder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-diff");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFolder() throws IOException {
    PngTest.deleteRecursively(dir);
  }

  @Test
  public void colours_fewer_clicks_blue_and_more_clicks_red_and_leaves_the_rest_dimmed() {
    BufferedImage map = roundTrip(DiffMap.draw(page(), clicks(A, 10), 5, clicks(B, 10), 5, SIGMA));

    for (Point near : around(A)) {
      int rgb = map.getRGB(near.x, near.y);
      assertTrue(blue(rgb) - red(rgb) > 40, "fewer at " + near + ": " + hex(rgb));
    }
    for (Point near : around(B)) {
      int rgb = map.getRGB(near.x, near.y);
      assertTrue(red(rgb) - blue(rgb) > 40, "more at " + near + ": " + hex(rgb));
    }
    assertEquals(hex(map.getRGB(400, 300)), hex(PAPER), "half way between");
    assertEquals(hex(map.getRGB(100, 550)), hex(PAPER), "far away");
  }

  @Test
  public void draws_nothing_but_the_legend_for_equal_runs() {
    BufferedImage map = DiffMap.draw(page(), clicks(A, 10), 5, clicks(A, 10), 5, SIGMA);

    assertEquals(countColouredOutsideTheLegend(map, DiffMap.NO_DIFFERENCE), 0);
    assertEquals(DiffMap.peak(clicks(A, 10), 5, clicks(A, 10), 5, SIGMA), new double[] {0, 0, 0});
  }

  @Test
  public void compares_clicks_per_view_not_clicks() {
    // 10 clicks over 10 views and 20 over 20: one click per view both times
    BufferedImage map = DiffMap.draw(page(), clicks(A, 10), 10, clicks(A, 20), 20, SIGMA);

    assertEquals(hex(map.getRGB(A.x, A.y)), hex(PAPER));
    assertEquals(countColouredOutsideTheLegend(map, DiffMap.NO_DIFFERENCE), 0);
    assertEquals(DiffMap.peak(clicks(A, 10), 10, clicks(A, 20), 20, SIGMA)[2], 0.0);
  }

  @Test
  public void colours_the_same_clicks_over_more_views_as_fewer() {
    // 10 clicks again, but over twice the views: half the rate
    BufferedImage map = DiffMap.draw(page(), clicks(A, 10), 10, clicks(A, 10), 20, SIGMA);

    int rgb = map.getRGB(A.x, A.y);
    assertTrue(blue(rgb) - red(rgb) > 40, "fewer per view: " + hex(rgb));
  }

  @Test
  public void finds_the_largest_difference_in_clicks_per_view() {
    double[] peak = DiffMap.peak(clicks(A, 10), 5, clicks(B, 12), 5, SIGMA);

    assertTrue(
        Math.hypot(peak[0] - B.x, peak[1] - B.y) <= 2, "at (" + peak[0] + ", " + peak[1] + ")");
    // 12 clicks over 5 views is 2.4 clicks per view at B, counted as the heatmap's legend counts
    // them
    double perView = DensityField.blur(clicks(B, 12), SIGMA).peak()[2] / 5;
    assertEquals(peak[2], perView, 1e-6);
    assertTrue(Math.abs(peak[2] - 2.4) <= 0.05 * 2.4, "difference " + peak[2]);
    assertTrue(DiffMap.peak(clicks(A, 12), 5, clicks(B, 10), 5, SIGMA)[2] < 0, "fewer is negative");
  }

  @Test
  public void states_the_largest_difference_in_the_legend() {
    BufferedImage map = DiffMap.draw(page(), clicks(A, 10), 5, clicks(B, 12), 5, SIGMA);
    String caption =
        DiffMap.caption(DiffMap.peak(clicks(A, 10), 5, clicks(B, 12), 5, SIGMA)[2], 21, false);
    Rectangle legend = Legend.bounds(map, "fewer", "more", caption, caption);

    assertEquals(legend.x + legend.width, WIDTH - Legend.MARGIN);
    assertEquals(legend.y, Legend.MARGIN);
    // the bar runs from blue on the left through the page's grey to red on the right
    Rectangle bar = new Rectangle(legend.x, legend.y + 8, legend.width, 10);
    int left = firstNonPanel(map, bar, 1);
    int right = firstNonPanel(map, bar, -1);
    int middle = map.getRGB(legend.x + legend.width / 2, legend.y + 12);
    assertTrue(blue(left) - red(left) > 100, "left end " + hex(left));
    assertTrue(red(right) - blue(right) > 100, "right end " + hex(right));
    assertEquals(hex(middle), hex(PAPER), "middle of the bar");
    assertTrue(caption.matches("max \u00b12\\.[34] clicks per view / 21\u00d721 px"), caption);
  }

  @Test
  public void writes_the_legends_caption() {
    assertEquals(
        DiffMap.caption(0.98, 21, false), "max \u00b10.98 clicks per view / 21\u00d721 px");
    assertEquals(DiffMap.caption(0.98, 21, true), "\u00b10.98 clicks/view / 21\u00d721 px");
    assertEquals(DiffMap.caption(1.0, 21, false), "max \u00b11 click per view / 21\u00d721 px");
    assertEquals(DiffMap.caption(0, 21, false), "no difference");
    assertEquals(DiffMap.format(0.0342), "0.034");
    assertEquals(DiffMap.format(1.5), "1.5");
    assertEquals(DiffMap.format(12.4), "12");
    assertEquals(DiffMap.format(123), "120");
  }

  @Test
  public void draws_the_dimmed_page_and_says_no_difference_for_empty_runs() {
    DensityGrid empty = new DensityGrid(WIDTH, HEIGHT);

    BufferedImage map = DiffMap.draw(page(), empty, 0, new DensityGrid(WIDTH, HEIGHT), 3, SIGMA);

    assertEquals(countColouredOutsideTheLegend(map, DiffMap.NO_DIFFERENCE), 0);
    Rectangle legend =
        Legend.bounds(map, "fewer", "more", DiffMap.NO_DIFFERENCE, DiffMap.NO_DIFFERENCE);
    assertFalse(legend.isEmpty());
    int panel = map.getRGB(legend.x + 2, legend.y + 2);
    assertTrue(
        red(panel) > 240 && green(panel) > 230 && blue(panel) > 230,
        "a white panel: " + hex(panel));
  }

  @Test
  public void colours_all_of_a_new_runs_clicks_as_more() {
    // the page had no clicks, and no views, in the base run
    BufferedImage map =
        DiffMap.draw(page(), new DensityGrid(WIDTH, HEIGHT), 0, clicks(B, 3), 2, SIGMA);

    int rgb = map.getRGB(B.x, B.y);
    assertTrue(red(rgb) - blue(rgb) > 40, "more at B: " + hex(rgb));
  }

  @Test
  public void fits_the_legend_on_a_phone_width_image_with_its_short_caption() {
    DensityGrid base = new DensityGrid(320, 700);
    DensityGrid head = new DensityGrid(320, 700);
    base.add(100, 300);
    head.add(250, 500);

    BufferedImage map = DiffMap.draw(white(320, 700), base, 5, head, 5, SIGMA);

    // "max ±0.2 clicks per view / 21×21 px" is too wide for 160 px; "±0.2 clicks/view / 21×21 px"
    // fits
    int left = 320 - Legend.MARGIN - Legend.COMPACT_WIDTH;
    assertEquals(
        hex(map.getRGB(left, Legend.MARGIN + 10)),
        hex(Legend.BORDER.getRGB()),
        "the panel's left edge");
    assertEquals(hex(map.getRGB(left - 1, Legend.MARGIN + 10)), hex(PAPER));
    int panel = map.getRGB(left + 2, Legend.MARGIN + 2);
    assertTrue(
        red(panel) > 240 && green(panel) > 230 && blue(panel) > 230,
        "a white panel: " + hex(panel));
  }

  @Test
  public void uses_a_clear_threshold_and_diverging_colours() {
    assertEquals(DiffMap.color(0.03f) >>> 24, 0);
    assertEquals(DiffMap.color(-0.03f) >>> 24, 0);
    assertEquals(DiffMap.color(0f) >>> 24, 0);
    assertTrue(DiffMap.color(0.06f) >>> 24 > 0, "just over the threshold shows");
    int more = DiffMap.color(1f);
    int fewer = DiffMap.color(-1f);
    assertTrue(
        red(more) - blue(more) > 100 && blue(fewer) - red(fewer) > 100,
        hex(more) + ", " + hex(fewer));
    assertEquals(more >>> 24, fewer >>> 24, "both ends equally strong");
  }

  @Test
  public void renders_the_same_input_to_the_same_bytes() throws IOException {
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    Png.write(DiffMap.draw(page(), clicks(A, 10), 5, clicks(B, 12), 7, SIGMA), first);
    Png.write(DiffMap.draw(page(), clicks(A, 10), 5, clicks(B, 12), 7, SIGMA), second);

    assertEquals(Files.mismatch(first, second), -1L);
  }

  @Test
  public void refuses_runs_that_cannot_be_compared() {
    DensityGrid some = clicks(A, 3);
    HeatcheckException noViews =
        expectThrows(HeatcheckException.class, () -> DiffMap.draw(page(), some, 0, some, 4, SIGMA));
    HeatcheckException sizes = expectThrows(
        HeatcheckException.class,
        () -> DiffMap.draw(page(), some, 4, new DensityGrid(390, 844), 4, SIGMA));

    assertEquals(
        noViews.getMessage(),
        "diff map base has 3 clicks but 0 views: pass the number of page views its run recorded");
    assertEquals(
        sizes.getMessage(),
        "diff map needs both grids the same size, was base 800\u00d7600 and head"
            + " 390\u00d7844: project both runs onto the same screenshot");
    assertThrows(HeatcheckException.class, () -> DiffMap.peak(some, -1, some, 4, SIGMA));
    assertThrows(HeatcheckException.class, () -> DiffMap.peak(some, 4, some, Double.NaN, SIGMA));
    assertThrows(HeatcheckException.class, () -> DiffMap.peak(some, 4, some, 4, 0));
  }

  private static DensityGrid clicks(Point at, int count) {
    DensityGrid grid = new DensityGrid(WIDTH, HEIGHT);
    for (int i = 0; i < count; i++) {
      grid.add(at.x, at.y);
    }
    return grid;
  }

  private static Point[] around(Point p) {
    return new Point[] {
      p,
      new Point(p.x - 4, p.y),
      new Point(p.x + 4, p.y),
      new Point(p.x, p.y - 4),
      new Point(p.x, p.y + 4)
    };
  }

  private static BufferedImage page() {
    return white(WIDTH, HEIGHT);
  }

  private BufferedImage roundTrip(BufferedImage image) {
    Path file = dir.resolve("diff.png");
    Png.write(image, file);
    return read(file);
  }

  private static int countColouredOutsideTheLegend(BufferedImage map, String caption) {
    Rectangle legend = Legend.bounds(map, "fewer", "more", caption, caption);
    int count = 0;
    for (int y = 0; y < map.getHeight(); y++) {
      for (int x = 0; x < map.getWidth(); x++) {
        if (!legend.contains(x, y) && map.getRGB(x, y) != PAPER) {
          count++;
        }
      }
    }
    return count;
  }

  // the bar's first pixel from the left (step 1) or right (step -1) that is neither panel, border
  // nor text
  private static int firstNonPanel(BufferedImage image, Rectangle row, int step) {
    int y = row.y + row.height / 2;
    int x = step > 0 ? row.x : row.x + row.width - 1;
    for (; x >= row.x && x < row.x + row.width; x += step) {
      int rgb = image.getRGB(x, y);
      if (Math.abs(red(rgb) - blue(rgb)) > 60) {
        return rgb;
      }
    }
    throw new AssertionError("no bar in " + row);
  }
}
