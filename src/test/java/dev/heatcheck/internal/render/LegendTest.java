package dev.heatcheck.internal.render;

import static dev.heatcheck.testing.Pixels.blue;
import static dev.heatcheck.testing.Pixels.colours;
import static dev.heatcheck.testing.Pixels.green;
import static dev.heatcheck.testing.Pixels.hex;
import static dev.heatcheck.testing.Pixels.red;
import static dev.heatcheck.testing.Pixels.white;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.result.Kind;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testng.annotations.Test;

public class LegendTest {
  private static final int PAPER = Palette.dim(0xFFFFFFFF);
  private static final int BORDER = Legend.BORDER.getRGB();

  @Test
  public void draws_a_compact_legend_in_the_top_right_corner_of_a_phone_width_click_map() {
    BufferedImage map = Heatmap.draw(white(390, 844), clicksAt(195, 600, 4));
    Rectangle legend = Legend.bounds(map, Legend.caption(4, "click", 21));

    assertEquals(
        legend,
        new Rectangle(
            390 - Legend.MARGIN - Legend.COMPACT_WIDTH,
            Legend.MARGIN,
            Legend.COMPACT_WIDTH,
            Legend.COMPACT_HEIGHT));
    Set<String> hues = hues(map, new Rectangle(195, 0, 195, 60));
    assertTrue(
        hues.containsAll(Set.of("red", "green", "blue")),
        "the gradient bar's colours, found " + hues);
    assertTextStaysInThePanel(map, legend);
  }

  @Test
  public void keeps_the_full_legend_where_it_fits() {
    BufferedImage wide = Heatmap.draw(white(392, 844), clicksAt(195, 600, 4));
    BufferedImage narrow = white(391, 844);

    assertEquals(
        Legend.bounds(wide, Legend.caption(4, "click", 21)),
        new Rectangle(188, 8, Legend.WIDTH, Legend.HEIGHT));
    assertEquals(
        Legend.bounds(narrow, Legend.caption(4, "click", 21)).height, Legend.COMPACT_HEIGHT);
    assertEquals(Legend.height(392), Legend.HEIGHT);
    assertEquals(Legend.height(391), Legend.COMPACT_HEIGHT);
  }

  @Test
  public void fits_the_compact_legend_on_images_down_to_320_px_wide() {
    String caption = Legend.caption(4, "click", 21);

    assertEquals(Legend.bounds(white(320, 600), caption).width, Legend.COMPACT_WIDTH);
    assertTrue(Legend.bounds(white(319, 600), caption).isEmpty(), "under 320 px there is no room");
    assertTrue(Legend.bounds(white(390, 60), caption).isEmpty(), "nor on a very short image");
  }

  @Test
  public void widens_the_compact_legend_for_a_long_caption_and_keeps_its_text_inside() {
    BufferedImage map = white(390, 844);
    String caption = Legend.caption(1_234_567, "move", 21);

    Legend.draw(map, "low", "high", caption, t -> Palette.color((float) t));

    Rectangle legend = Legend.bounds(map, caption);
    assertTrue(legend.width > Legend.COMPACT_WIDTH && legend.width <= 390 / 2, "legend " + legend);
    assertEquals(legend.x + legend.width, 390 - Legend.MARGIN);
    assertTextStaysInThePanel(map, legend);
  }

  @Test
  public void falls_back_to_the_short_caption_when_the_long_one_does_not_fit() {
    BufferedImage image = white(320, 600);
    String full = "max \u00b10.98 clicks per view / 21\u00d721 px";
    String shortened = "\u00b10.98 clicks/view / 21\u00d721 px";

    Rectangle legend = Legend.bounds(image, "fewer", "more", full, shortened);
    Legend.draw(image, "fewer", "more", full, shortened, t -> DiffMap.color((float) (2 * t - 1)));

    assertEquals(legend.width, Legend.COMPACT_WIDTH);
    assertTrue(Legend.bounds(image, full).isEmpty(), "the long caption alone does not fit 320 px");
    assertTextStaysInThePanel(image, legend);
  }

  @Test
  public void draws_a_compact_scroll_legend_on_a_phone_width_scroll_map() {
    ScrollReach reach = new ScrollReach(1700, 844, List.of(844.0, 1200.0, 1700.0));

    BufferedImage map = ScrollMap.draw(white(390, 1700), reach);

    Rectangle legend = Legend.bounds(map, ScrollMap.caption(3));
    assertEquals(legend.width, Legend.COMPACT_WIDTH);
    int panel = map.getRGB(legend.x + 2, legend.y + 2);
    assertTrue(
        red(panel) > 240 && green(panel) > 230 && blue(panel) > 230,
        "a white panel: " + hex(panel));
    assertTrue(
        hues(map, legend).containsAll(Set.of("red", "green", "blue")),
        "the bands' colours in the bar");
  }

  @Test
  public void says_there_were_no_views_in_the_compact_legend_rather_than_in_a_label() {
    BufferedImage map = ScrollMap.draw(white(390, 844), new ScrollReach(844, 844, List.of()));

    Rectangle legend = Legend.bounds(map, ScrollMap.caption(0));
    assertFalse(legend.isEmpty());
    assertEquals(hex(map.getRGB(9, 9)), hex(PAPER), "no label at the top left");
  }

  @Test
  public void draws_a_compact_outlines_key_under_the_compact_legend() {
    BufferedImage map = Heatmap.draw(white(390, 844), clicksAt(195, 600, 4));
    Rectangle legend = Legend.bounds(map, Legend.caption(4, "click", 21));

    Outlines.draw(
        map,
        List.of(
            new Outline(Kind.DEAD, 20, 400, 60, 30, 1),
            new Outline(Kind.RAGE, 120, 400, 60, 30, 1),
            new Outline(Kind.ERROR, 220, 400, 60, 30, 1)));

    int keyTop = legend.y + legend.height + 1;
    Rectangle key = new Rectangle(195, keyTop, 195, 40);
    Set<Integer> colours = colours(map, key);
    for (int kind :
        new int[] {Outlines.DEAD.getRGB(), Outlines.RAGE.getRGB(), Outlines.ERROR.getRGB()}) {
      assertTrue(colours.contains(kind), hex(kind) + " in the key");
    }
    // the key is a panel within the right half, and the rows above it are the legend's as they were
    Rectangle panel = extentOf(map, BORDER, new Rectangle(0, keyTop, 390, 60));
    assertTrue(panel.x >= 195 && panel.x + panel.width == 390 - Legend.MARGIN, "key " + panel);
  }

  // the panel's border is whole, and nothing but the panel changed the page around it
  private static void assertTextStaysInThePanel(BufferedImage image, Rectangle panel) {
    assertTrue(
        panel.x >= 0 && panel.x + panel.width <= image.getWidth(),
        "panel " + panel + " outside the image");
    for (int x = panel.x; x < panel.x + panel.width; x++) {
      assertEquals(hex(image.getRGB(x, panel.y)), hex(BORDER), "top border at x " + x);
      assertEquals(
          hex(image.getRGB(x, panel.y + panel.height - 1)), hex(BORDER), "bottom border at x " + x);
    }
    for (int y = panel.y; y < panel.y + panel.height; y++) {
      assertEquals(hex(image.getRGB(panel.x, y)), hex(BORDER), "left border at y " + y);
      assertEquals(
          hex(image.getRGB(panel.x + panel.width - 1, y)), hex(BORDER), "right border at y " + y);
    }
    int page = image.getRGB(0, panel.y + panel.height + 4);
    for (int y = 0; y < panel.y + panel.height + 8; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (!panel.contains(x, y)) {
          assertEquals(
              hex(image.getRGB(x, y)), hex(page), "pixel (" + x + ", " + y + ") outside the panel");
        }
      }
    }
  }

  private static DensityGrid clicksAt(int x, int y, int count) {
    DensityGrid grid = new DensityGrid(390, 844);
    for (int i = 0; i < count; i++) {
      grid.add(x, y);
    }
    return grid;
  }

  /** Which clear hues occur in {@code area}: "red", "green", "blue". */
  private static Set<String> hues(BufferedImage image, Rectangle area) {
    Set<String> hues = new HashSet<>();
    for (int rgb : colours(image, area)) {
      int r = red(rgb);
      int g = green(rgb);
      int b = blue(rgb);
      if (r - Math.max(g, b) > 80) {
        hues.add("red");
      } else if (g - Math.max(r, b) > 40) {
        hues.add("green");
      } else if (b - Math.max(r, g) > 40) {
        hues.add("blue");
      }
    }
    return hues;
  }

  private static Rectangle extentOf(BufferedImage image, int rgb, Rectangle area) {
    Rectangle found = new Rectangle();
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        if (image.getRGB(x, y) == rgb) {
          found =
              found.isEmpty() ? new Rectangle(x, y, 1, 1) : found.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    return found;
  }
}
