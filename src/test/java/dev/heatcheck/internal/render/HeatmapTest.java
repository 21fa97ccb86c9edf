package dev.heatcheck.internal.render;

import static dev.heatcheck.testing.Pixels.alpha;
import static dev.heatcheck.testing.Pixels.hex;
import static dev.heatcheck.testing.Pixels.read;
import static dev.heatcheck.testing.Pixels.white;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
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
import java.util.Random;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class HeatmapTest {
  private static final int WHITE = 0xFFFFFFFF;
  private static final int DIMMED_WHITE = Palette.dim(WHITE);

  private Path dir;

  @BeforeMethod
  public void createFolder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-heatmap");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFolder() throws IOException {
    PngTest.deleteRecursively(dir);
  }

  @Test
  public void puts_the_hottest_pixel_where_most_clicks_were() {
    BufferedImage heatmap = roundTrip(Heatmap.draw(white(800, 600), twoSpots()), "two-spots.png");

    Point hottest = hottestPixel(heatmap);

    assertTrue(hottest.distance(600, 150) <= 10, "hottest pixel at " + hottest);
  }

  @Test
  public void leaves_the_page_far_from_any_click_dimmed_but_uncoloured() {
    BufferedImage heatmap = roundTrip(Heatmap.draw(white(800, 600), twoSpots()), "two-spots.png");

    int far = heatmap.getRGB(400, 400);

    assertEquals(hex(far), hex(DIMMED_WHITE));
    assertTrue(
        isGrey(far) && (far & 0xFF) < 255,
        "dimmed white should be a grey below white: " + hex(far));
  }

  @Test
  public void colours_the_lesser_spot_less_hot() {
    BufferedImage heatmap = roundTrip(Heatmap.draw(white(800, 600), twoSpots()), "two-spots.png");

    int lesser = heatmap.getRGB(100, 500);

    assertNotEquals(hex(lesser), hex(DIMMED_WHITE));
    assertTrue(
        hotness(lesser) < hotness(heatmap.getRGB(600, 150)), "at (100, 500): " + hex(lesser));
  }

  @Test
  public void places_a_single_off_grid_click_on_its_pixel() {
    DensityGrid grid = new DensityGrid(800, 600);
    grid.add(333, 217);

    Point hottest = hottestPixel(Heatmap.draw(white(800, 600), grid));

    assertTrue(hottest.distance(333, 217) <= 2, "hottest pixel at " + hottest);
  }

  @Test
  public void renders_the_same_input_to_the_same_bytes() throws IOException {
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    Png.write(Heatmap.draw(white(800, 600), twoSpots()), first);
    Png.write(Heatmap.draw(white(800, 600), twoSpots()), second);

    assertEquals(Files.mismatch(first, second), -1L);
  }

  @Test
  public void shows_one_click_as_a_fingertip_sized_blob_by_default() {
    BufferedImage heatmap = Heatmap.draw(white(800, 600), oneClickAt(400, 300));

    int width = colouredWidth(heatmap, 300);

    assertTrue(width >= 30 && width <= 45, "blob " + width + " px across");
  }

  @Test
  public void grows_the_blob_with_sigma() {
    int narrow = colouredWidth(Heatmap.draw(white(800, 600), oneClickAt(400, 300), 8), 300);
    int wide = colouredWidth(Heatmap.draw(white(800, 600), oneClickAt(400, 300), 64), 300);

    assertTrue(narrow > 0, "sigma 8 drew nothing");
    assertTrue(wide >= 6 * narrow, "sigma 8: " + narrow + " px, sigma 64: " + wide + " px");
  }

  @Test
  public void draws_only_the_dimmed_page_for_an_empty_grid() {
    BufferedImage heatmap = Heatmap.draw(white(800, 600), new DensityGrid(800, 600));

    assertEquals(countPixelsOtherThan(heatmap, DIMMED_WHITE), 0);
    assertEquals(
        Legend.caption(DensityField.blur(new DensityGrid(800, 600), 8).peakEvents()), "no clicks");
  }

  @Test
  public void counts_the_clicks_at_the_hottest_spot_for_the_legend() {
    DensityGrid grid = new DensityGrid(800, 600);
    for (int i = 0; i < 50; i++) {
      grid.add(402, 302);
    }

    long peak = DensityField.blur(grid, 8).peakEvents();

    // events between cell centres are shared between cells, which may cost a click or so
    assertTrue(peak >= 49 && peak <= 50, "peak " + peak);
    assertEquals(Legend.caption(50), "max 50 clicks");
    assertEquals(
        Legend.caption(DensityField.blur(oneClickAt(333, 217), 8).peakEvents()), "max 1 click");
  }

  @Test
  public void names_the_unit_and_the_area_in_the_legend() {
    assertEquals(Legend.caption(12, "move", 21), "max 12 moves / 21\u00d721 px");
    assertEquals(Legend.caption(1, "move", 21), "max 1 move / 21\u00d721 px");
    assertEquals(Legend.caption(1, "click", 21), "max 1 click / 21\u00d721 px");
    assertEquals(Legend.caption(0, "move", 21), "no moves");
    assertEquals(
        DensityField.blur(oneClickAt(400, 300), Heatmap.DEFAULT_SIGMA_PX).areaSidePx(), 21);
  }

  @Test
  public void counts_the_peak_per_square_of_the_stated_size() {
    // one click on every 2 × 2 px over 300 × 300 px: a density of 0.25 clicks per px²
    DensityGrid grid = new DensityGrid(800, 600);
    for (int y = 150; y < 450; y += 2) {
      for (int x = 250; x < 550; x += 2) {
        grid.add(x + 0.5, y + 0.5);
      }
    }

    DensityField field = DensityField.blur(grid, 8);

    double stated = 0.25 * field.areaSidePx() * field.areaSidePx();
    assertTrue(
        Math.abs(field.peakEvents() - stated) <= 0.05 * stated,
        field.peakEvents() + " vs " + stated);
  }

  @Test
  public void draws_the_move_map_like_the_click_map_save_for_the_legends_caption() {
    BufferedImage clicks = roundTrip(Heatmap.draw(white(800, 600), twoSpots()), "clicks.png");
    BufferedImage moves =
        roundTrip(Heatmap.draw(white(800, 600), twoSpots(), 8, "move"), "moves.png");
    Rectangle legend = Legend.bounds(800, 600);
    Rectangle caption = new Rectangle(legend.x, legend.y + 24, legend.width, legend.height - 24);

    int differing = 0;
    for (int y = 0; y < 600; y++) {
      for (int x = 0; x < 800; x++) {
        if (clicks.getRGB(x, y) != moves.getRGB(x, y)) {
          assertTrue(
              caption.contains(x, y), "differs outside the caption at (" + x + ", " + y + ")");
          differing++;
        }
      }
    }
    assertTrue(differing > 20, "the caption should change: " + differing + " px differ");
  }

  @Test
  public void refuses_a_unit_that_is_not_a_singular_word() {
    HeatcheckException e = expectThrows(
        HeatcheckException.class,
        () -> Heatmap.draw(white(80, 60), new DensityGrid(80, 60), 8, "Clicks!"));

    assertEquals(
        e.getMessage(),
        "heatmap unit must be a singular lower-case noun like \"click\" or \"move\", was \"Clicks!\"");
    assertThrows(
        HeatcheckException.class,
        () -> Heatmap.draw(white(80, 60), new DensityGrid(80, 60), 8, ""));
  }

  @Test
  public void draws_the_legend_in_the_top_right_corner() {
    BufferedImage heatmap = Heatmap.draw(white(800, 600), twoSpots());
    Rectangle legend = Legend.bounds(800, 600);

    assertEquals(legend.x + legend.width, 800 - 8);
    assertEquals(legend.y, 8);
    assertNotEquals(
        hex(heatmap.getRGB(legend.x + legend.width / 2, legend.y + 14)), hex(DIMMED_WHITE));
  }

  @Test
  public void keeps_the_background_size_and_draws_only_where_the_grid_overlaps() {
    DensityGrid small = new DensityGrid(400, 300);
    small.add(395, 295);
    DensityGrid large = new DensityGrid(2000, 2000);
    large.add(1500, 1500);

    BufferedImage overSmall = Heatmap.draw(white(800, 600), small);
    BufferedImage overLarge = Heatmap.draw(white(800, 600), large);

    assertEquals(overSmall.getWidth(), 800);
    assertEquals(overSmall.getHeight(), 600);
    assertNotEquals(hex(overSmall.getRGB(395, 295)), hex(DIMMED_WHITE));
    assertEquals(hex(overSmall.getRGB(405, 295)), hex(DIMMED_WHITE));
    assertEquals(overLarge.getWidth(), 800);
    assertEquals(countPixelsOtherThan(overLarge, DIMMED_WHITE), 0);
  }

  @Test
  public void shows_a_transparent_background_as_white() {
    BufferedImage transparent = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB);

    BufferedImage heatmap = Heatmap.draw(transparent, new DensityGrid(800, 600));

    assertEquals(hex(heatmap.getRGB(400, 400)), hex(DIMMED_WHITE));
  }

  @Test
  public void refuses_a_sigma_that_is_not_a_positive_size() {
    assertThrows(
        HeatcheckException.class, () -> Heatmap.draw(white(80, 60), new DensityGrid(80, 60), 0));
    assertThrows(
        HeatcheckException.class,
        () -> Heatmap.draw(white(80, 60), new DensityGrid(80, 60), Double.NaN));
  }

  @Test
  public void overlays_the_heat_alone_on_a_transparent_image() {
    BufferedImage overlay = roundTrip(Heatmap.overlay(800, 600, twoSpots(), 8), "overlay.png");

    assertTrue(overlay.getColorModel().hasAlpha(), "an image with alpha");
    assertEquals(overlay.getWidth(), 800);
    assertEquals(overlay.getHeight(), 600);
    assertEquals(overlay.getRGB(400, 400), 0, "far from any click: clear");
    assertEquals(overlay.getRGB(790, 10), 0, "no legend in the corner");
    assertTrue(alpha(overlay.getRGB(600, 150)) > 0, "the hot spot shows");
    assertTrue(alpha(overlay.getRGB(100, 500)) > 0, "the lesser spot shows");
  }

  @Test
  public void overlays_the_same_colours_as_the_drawn_heatmap() {
    BufferedImage overlay = Heatmap.overlay(800, 600, twoSpots(), 8);
    BufferedImage drawn = Heatmap.draw(white(800, 600), twoSpots(), 8);
    Rectangle legend = Legend.bounds(800, 600);

    // laid over the dimmed page, the overlay is the heatmap, pixel for pixel
    for (int y = 0; y < 600; y++) {
      for (int x = 0; x < 800; x++) {
        if (!legend.contains(x, y)) {
          assertEquals(
              hex(Palette.blend(DIMMED_WHITE, overlay.getRGB(x, y))),
              hex(drawn.getRGB(x, y)),
              "pixel (" + x + ", " + y + ")");
        }
      }
    }
    int hot = overlay.getRGB(600, 150);
    int lesser = overlay.getRGB(100, 500);
    assertTrue(hotness(hot) > hotness(lesser), "hot " + hex(hot) + ", lesser " + hex(lesser));
    assertTrue(
        hotness(drawn.getRGB(600, 150)) > hotness(drawn.getRGB(100, 500)),
        "the same order in draw()");
  }

  @Test
  public void overlays_nothing_for_an_empty_grid_and_only_where_the_grid_reaches() {
    DensityGrid small = new DensityGrid(400, 300);
    small.add(395, 295);

    BufferedImage empty = Heatmap.overlay(800, 600, new DensityGrid(800, 600), 8);
    BufferedImage overSmall = Heatmap.overlay(800, 600, small, 8);

    assertEquals(countPixelsOtherThan(empty, 0), 0);
    assertTrue(alpha(overSmall.getRGB(395, 295)) > 0, "the click shows");
    assertEquals(overSmall.getRGB(405, 295), 0, "nothing past the grid");
  }

  @Test
  public void overlays_the_same_input_to_the_same_bytes() throws IOException {
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    Png.write(Heatmap.overlay(800, 600, twoSpots(), 8), first);
    Png.write(Heatmap.overlay(800, 600, twoSpots(), 8), second);

    assertEquals(Files.mismatch(first, second), -1L);
  }

  @Test
  public void refuses_an_overlay_without_a_size() {
    HeatcheckException e = expectThrows(
        HeatcheckException.class, () -> Heatmap.overlay(0, 600, new DensityGrid(80, 60), 8));

    assertEquals(e.getMessage(), "heatmap overlay needs a positive size, was 0\u00d7600");
    assertThrows(
        HeatcheckException.class, () -> Heatmap.overlay(80, 60, new DensityGrid(80, 60), -1));
  }

  // 50 clicks scattered within ±5 px of (600, 150) and 5 within ±5 px of (100, 500)
  private static DensityGrid twoSpots() {
    DensityGrid grid = new DensityGrid(800, 600);
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      grid.add(600 + random.nextInt(11) - 5, 150 + random.nextInt(11) - 5);
    }
    for (int i = 0; i < 5; i++) {
      grid.add(100 + random.nextInt(11) - 5, 500 + random.nextInt(11) - 5);
    }
    return grid;
  }

  private static DensityGrid oneClickAt(double x, double y) {
    DensityGrid grid = new DensityGrid(800, 600);
    grid.add(x, y);
    return grid;
  }

  private BufferedImage roundTrip(BufferedImage image, String name) {
    Path file = dir.resolve(name);
    Png.write(image, file);
    return read(file);
  }

  /** The centre of the pixels that are most red relative to blue, outside the legend. */
  private static Point hottestPixel(BufferedImage image) {
    Rectangle legend = Legend.bounds(image.getWidth(), image.getHeight());
    int best = Integer.MIN_VALUE;
    long sumX = 0;
    long sumY = 0;
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int hotness = legend.contains(x, y) ? Integer.MIN_VALUE : hotness(image.getRGB(x, y));
        if (hotness > best) {
          best = hotness;
          sumX = sumY = count = 0;
        }
        if (hotness == best) {
          sumX += x;
          sumY += y;
          count++;
        }
      }
    }
    return new Point(
        (int) Math.round(sumX / (double) count), (int) Math.round(sumY / (double) count));
  }

  private static int colouredWidth(BufferedImage image, int y) {
    int width = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      if (image.getRGB(x, y) != DIMMED_WHITE) {
        width++;
      }
    }
    return width;
  }

  private static int countPixelsOtherThan(BufferedImage image, int rgb) {
    Rectangle legend = Legend.bounds(image.getWidth(), image.getHeight());
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (!legend.contains(x, y) && image.getRGB(x, y) != rgb) {
          count++;
        }
      }
    }
    return count;
  }

  private static int hotness(int rgb) {
    return ((rgb >> 16) & 0xFF) - (rgb & 0xFF);
  }

  private static boolean isGrey(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    return r == ((rgb >> 8) & 0xFF) && r == (rgb & 0xFF);
  }
}
