package dev.heatcheck.internal.render;

import static dev.heatcheck.testing.Pixels.blue;
import static dev.heatcheck.testing.Pixels.green;
import static dev.heatcheck.testing.Pixels.hex;
import static dev.heatcheck.testing.Pixels.hex8;
import static dev.heatcheck.testing.Pixels.read;
import static dev.heatcheck.testing.Pixels.red;
import static dev.heatcheck.testing.Pixels.white;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.HeatcheckException;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ScrollMapTest {
  private static final int WIDTH = 400;
  private static final int HEIGHT = 2000;
  private static final int PAPER = Palette.dim(0xFFFFFFFF);
  private static final int LINE = ScrollMap.LINE.getRGB();
  /** Four views of a white 400×2000 page, 500 px viewport, each getting 500 px further than the last. */
  private static final ScrollReach FOUR =
      new ScrollReach(HEIGHT, 500, List.of(500.0, 1000.0, 1500.0, 2000.0));

  private Path dir;

  @BeforeMethod
  public void createFolder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-scroll");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFolder() throws IOException {
    PngTest.deleteRecursively(dir);
  }

  @Test
  public void shares_of_views_that_saw_each_depth() {
    assertEquals(ScrollMap.share(FOUR, 100), 1.0);
    assertEquals(ScrollMap.share(FOUR, 800), 0.75);
    assertEquals(ScrollMap.share(FOUR, 1200), 0.5);
    assertEquals(ScrollMap.share(FOUR, 1800), 0.25);
  }

  @Test
  public void counts_a_view_as_having_seen_the_depth_it_reached_but_not_below() {
    assertEquals(ScrollMap.share(FOUR, 0), 1.0);
    assertEquals(ScrollMap.share(FOUR, 1000), 0.75);
    assertEquals(ScrollMap.share(FOUR, 1000.5), 0.5);
    assertEquals(ScrollMap.share(FOUR, 2000), 0.25);
    assertEquals(ScrollMap.share(FOUR, 2000.5), 0.0);
  }

  @Test
  public void gives_no_share_without_views() {
    assertEquals(ScrollMap.share(new ScrollReach(HEIGHT, 500, List.of()), 0), 0.0);
  }

  @Test
  public void puts_each_reach_line_at_the_deepest_depth_that_share_of_views_reached() {
    assertEquals(ScrollMap.depthReachedBy(FOUR, 75), 1000.0);
    assertEquals(ScrollMap.depthReachedBy(FOUR, 50), 1500.0);
    assertEquals(ScrollMap.depthReachedBy(FOUR, 25), 2000.0);
    // with 3 views, 75 % means all 3 (2.25 rounded up), 50 % two of them, 25 % one
    ScrollReach three = new ScrollReach(HEIGHT, 500, List.of(1800.0, 600.0, 900.0));
    assertEquals(ScrollMap.depthReachedBy(three, 75), 600.0);
    assertEquals(ScrollMap.depthReachedBy(three, 50), 900.0);
    assertEquals(ScrollMap.depthReachedBy(three, 25), 1800.0);
  }

  @Test
  public void colours_each_band_by_the_share_of_views_that_saw_its_top() {
    BufferedImage map = roundTrip(ScrollMap.draw(white(WIDTH, HEIGHT), FOUR));

    int everyone = map.getRGB(WIDTH / 2, 100);
    int quarter = map.getRGB(WIDTH / 2, 1800);

    assertEquals(hex(everyone), hex(Palette.blend(PAPER, ScrollMap.color(1.0))));
    assertEquals(hex(map.getRGB(WIDTH / 2, 800)), hex(Palette.blend(PAPER, ScrollMap.color(0.75))));
    assertEquals(hex(map.getRGB(WIDTH / 2, 1200)), hex(Palette.blend(PAPER, ScrollMap.color(0.5))));
    assertEquals(hex(quarter), hex(Palette.blend(PAPER, ScrollMap.color(0.25))));
    assertTrue(red(everyone) - blue(everyone) > 60, "everyone should look hot: " + hex(everyone));
    assertTrue(blue(quarter) - red(quarter) > 60, "a quarter should look cold: " + hex(quarter));
  }

  @Test
  public void changes_colour_only_at_band_edges() {
    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), FOUR);

    // reach 1000 counts for the band whose top row is 1000; the next band, from 1004, lost that
    // view
    assertEquals(hex(map.getRGB(300, 1003)), hex(Palette.blend(PAPER, ScrollMap.color(0.75))));
    assertEquals(hex(map.getRGB(300, 1004)), hex(Palette.blend(PAPER, ScrollMap.color(0.5))));
  }

  @Test
  public void draws_the_reach_lines_on_the_last_row_each_share_saw_and_the_one_below() {
    BufferedImage map = roundTrip(ScrollMap.draw(white(WIDTH, HEIGHT), FOUR));

    // x = 200 crosses the fold on one of its white dashes, so only the reach lines are dark there;
    // the 25 % line, at the page's end, moves up to stay on the image
    assertEquals(rowsOf(map, WIDTH / 2, LINE), List.of(999, 1000, 1499, 1500, 1998, 1999));
    assertEquals(ScrollMap.lineTop(1000, HEIGHT), 999);
    assertEquals(ScrollMap.lineTop(2000, HEIGHT), 1998);
  }

  @Test
  public void labels_each_reach_line_at_the_left() {
    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), FOUR);

    for (int lineTop : new int[] {999, 1499}) {
      // the tab, dark like its line, reaches at least 5 px above and below it (padding before the
      // text)
      assertEquals(hex(map.getRGB(10, lineTop - 5)), hex(LINE), "tab above line at " + lineTop);
      assertEquals(hex(map.getRGB(10, lineTop + 6)), hex(LINE), "tab below line at " + lineTop);
    }
    assertEquals(ScrollMap.reachLabel(75), "75% of views reached here");
  }

  @Test
  public void draws_the_average_fold_as_a_dashed_line_at_the_viewport_height() {
    BufferedImage map = roundTrip(ScrollMap.draw(white(WIDTH, HEIGHT), FOUR));

    int dark = 2 * ScrollMap.DASH_PX;
    int light = 3 * ScrollMap.DASH_PX;
    for (int y : new int[] {499, 500}) {
      assertEquals(hex(map.getRGB(dark, y)), hex(LINE), "dark dash, row " + y);
      assertEquals(
          hex(map.getRGB(dark + ScrollMap.DASH_PX - 1, y)), hex(LINE), "dark dash, row " + y);
      assertEquals(hex(map.getRGB(light, y)), hex(0xFFFFFFFF), "white dash, row " + y);
    }
    assertEquals(hex(map.getRGB(dark, 498)), hex(Palette.blend(PAPER, ScrollMap.color(1.0))));
    assertEquals(hex(map.getRGB(dark, 501)), hex(Palette.blend(PAPER, ScrollMap.color(1.0))));
  }

  @Test
  public void says_once_that_every_view_reached_the_end_instead_of_drawing_lines_there() {
    ScrollReach all = new ScrollReach(HEIGHT, 500, List.of(2000.0, 2400.0));

    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), all);

    assertEquals(rowsOf(map, WIDTH / 2, LINE), List.of());
    assertEquals(
        rowsOf(map, WIDTH / 2 + ScrollMap.DASH_PX, LINE),
        List.of(499, 500),
        "the fold is still drawn");
    // the label's tab, bottom left, 8 px above the page's end
    assertEquals(hex(map.getRGB(10, HEIGHT - 12)), hex(LINE));
    assertEquals(hex(map.getRGB(10, HEIGHT - 4)), hex(Palette.blend(PAPER, ScrollMap.color(1.0))));
  }

  @Test
  public void draws_a_line_at_the_page_end_when_only_some_views_got_there() {
    ScrollReach some = new ScrollReach(HEIGHT, 500, List.of(2000.0, 2000.0, 2000.0, 700.0));

    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), some);

    // 75 % of 4 is 3 views: all three lines lie on the page's end and are drawn once
    assertEquals(rowsOf(map, WIDTH / 2, LINE), List.of(1998, 1999));
  }

  @Test
  public void veils_what_no_view_saw_in_grey() {
    ScrollReach shallow = new ScrollReach(HEIGHT, 500, List.of(900.0, 1200.0));

    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), shallow);

    int unseen = map.getRGB(300, 1600);
    assertEquals(hex(unseen), hex(Palette.blend(PAPER, ScrollMap.NOBODY)));
    assertTrue(red(unseen) == blue(unseen) && red(unseen) == green(unseen), "grey: " + hex(unseen));
    assertTrue(red(unseen) < red(PAPER), "darker than the dimmed page: " + hex(unseen));
  }

  @Test
  public void draws_only_the_dimmed_page_and_the_legend_without_views() {
    BufferedImage map =
        ScrollMap.draw(white(WIDTH, HEIGHT), new ScrollReach(HEIGHT, 500, List.of()));
    Rectangle legend = Legend.bounds(map, ScrollMap.caption(0));

    assertEquals(ScrollMap.caption(0), "no page views");
    assertTrue(
        legend.x + legend.width == WIDTH - Legend.MARGIN && legend.y == Legend.MARGIN,
        "legend at " + legend);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        if (!legend.contains(x, y)) {
          assertEquals(hex(map.getRGB(x, y)), hex(PAPER), "pixel (" + x + ", " + y + ")");
        }
      }
    }
  }

  @Test
  public void says_there_were_no_views_on_an_image_too_narrow_for_the_legend() {
    BufferedImage map = ScrollMap.draw(white(300, 600), new ScrollReach(600, 500, List.of()));

    assertTrue(Legend.bounds(map, ScrollMap.caption(0)).isEmpty());
    assertEquals(hex(map.getRGB(9, 9)), hex(LINE));
  }

  @Test
  public void puts_the_legend_in_the_top_right_corner() {
    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), FOUR);
    Rectangle legend = Legend.bounds(map, ScrollMap.caption(4));

    assertEquals(ScrollMap.caption(4), "of 4 page views");
    assertEquals(legend.x + legend.width, WIDTH - Legend.MARGIN);
    assertEquals(legend.y, Legend.MARGIN);
    int panel = map.getRGB(legend.x + 2, legend.y + 2);
    assertTrue(
        red(panel) > 240 && green(panel) > 230 && blue(panel) > 230,
        "a white panel: " + hex(panel));
  }

  @Test
  public void keeps_the_background_size_and_leaves_the_background_alone() {
    BufferedImage background = white(WIDTH, HEIGHT);

    BufferedImage map = ScrollMap.draw(background, FOUR);

    assertEquals(map.getWidth(), WIDTH);
    assertEquals(map.getHeight(), HEIGHT);
    assertEquals(hex(background.getRGB(200, 100)), hex(0xFFFFFFFF));
  }

  @Test
  public void leaves_lines_off_a_screenshot_shorter_than_the_page() {
    // the page is 4000 px but the screenshot stops at 2000: the 25 % line (4000) is off it
    ScrollReach deep = new ScrollReach(4000, 500, List.of(1000.0, 1500.0, 4000.0, 4000.0));

    BufferedImage map = ScrollMap.draw(white(WIDTH, HEIGHT), deep);

    assertEquals(rowsOf(map, WIDTH / 2, LINE), List.of(1499, 1500));
  }

  @Test
  public void renders_the_same_input_to_the_same_bytes() throws IOException {
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    Png.write(ScrollMap.draw(white(WIDTH, HEIGHT), FOUR), first);
    Png.write(ScrollMap.draw(white(WIDTH, HEIGHT), FOUR), second);

    assertEquals(Files.mismatch(first, second), -1L);
  }

  @Test
  public void refuses_a_reach_that_is_not_a_depth() {
    HeatcheckException e = expectThrows(
        HeatcheckException.class, () -> new ScrollReach(HEIGHT, 500, Arrays.asList(800.0, -1.0)));

    assertEquals(
        e.getMessage(), "scroll reach of page view 1 must be a depth of 0 px or more, was -1.0");
    assertThrows(HeatcheckException.class, () -> new ScrollReach(HEIGHT, 500, List.of(Double.NaN)));
    assertThrows(HeatcheckException.class, () -> new ScrollReach(-1, 500, List.of()));
  }

  @Test
  public void keeps_its_own_copy_of_the_reaches() {
    List<Double> reaches = new ArrayList<>(List.of(500.0));
    ScrollReach reach = new ScrollReach(HEIGHT, 500, reaches);

    reaches.add(2000.0);

    assertEquals(reach.reach(), List.of(500.0));
  }

  @Test
  public void overlays_the_bands_and_lines_alone_on_a_transparent_image() {
    BufferedImage overlay = roundTrip(ScrollMap.overlay(WIDTH, HEIGHT, FOUR));

    assertTrue(overlay.getColorModel().hasAlpha(), "an image with alpha");
    assertEquals(overlay.getWidth(), WIDTH);
    assertEquals(overlay.getHeight(), HEIGHT);
    assertEquals(
        hex8(overlay.getRGB(WIDTH / 2, 100)), hex8(ScrollMap.color(1.0)), "the band everyone saw");
    assertTrue(overlay.getRGB(WIDTH / 2, 100) >>> 24 > 0, "the top band shows");
    assertEquals(
        hex8(overlay.getRGB(WIDTH - 10, 10)),
        hex8(ScrollMap.color(1.0)),
        "no legend in the corner");
    assertEquals(rowsOf(overlay, WIDTH / 2, LINE), List.of(999, 1000, 1499, 1500, 1998, 1999));
  }

  @Test
  public void overlays_what_the_drawn_map_lays_over_the_page() {
    BufferedImage overlay = ScrollMap.overlay(WIDTH, HEIGHT, FOUR);
    BufferedImage drawn = ScrollMap.draw(white(WIDTH, HEIGHT), FOUR);
    Rectangle legend = Legend.bounds(drawn, ScrollMap.caption(4));

    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        if (!legend.contains(x, y)) {
          assertEquals(
              hex(Palette.blend(PAPER, overlay.getRGB(x, y))),
              hex(drawn.getRGB(x, y)),
              "pixel (" + x + ", " + y + ")");
        }
      }
    }
  }

  @Test
  public void veils_what_no_view_saw_in_the_overlay_and_is_clear_without_views() {
    BufferedImage shallow =
        ScrollMap.overlay(WIDTH, HEIGHT, new ScrollReach(HEIGHT, 500, List.of(900.0, 1200.0)));
    BufferedImage none = ScrollMap.overlay(WIDTH, HEIGHT, new ScrollReach(HEIGHT, 500, List.of()));

    assertEquals(hex8(shallow.getRGB(300, 1600)), hex8(ScrollMap.NOBODY));
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        assertEquals(none.getRGB(x, y), 0, "pixel (" + x + ", " + y + ")");
      }
    }
  }

  @Test
  public void overlays_the_same_input_to_the_same_bytes() throws IOException {
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    Png.write(ScrollMap.overlay(WIDTH, HEIGHT, FOUR), first);
    Png.write(ScrollMap.overlay(WIDTH, HEIGHT, FOUR), second);

    assertEquals(Files.mismatch(first, second), -1L);
  }

  /** The rows of column {@code x}, outside the legend, whose pixel is exactly {@code rgb}. */
  private static List<Integer> rowsOf(BufferedImage image, int x, int rgb) {
    Rectangle legend = Legend.bounds(image, ScrollMap.caption(4));
    List<Integer> rows = new ArrayList<>();
    for (int y = 0; y < image.getHeight(); y++) {
      if (!legend.contains(x, y) && image.getRGB(x, y) == rgb) {
        rows.add(y);
      }
    }
    return rows;
  }

  private BufferedImage roundTrip(BufferedImage image) {
    Path file = dir.resolve("scroll.png");
    Png.write(image, file);
    return read(file);
  }
}
