package dev.heatcheck.internal.render;

import static dev.heatcheck.testing.Pixels.colours;
import static dev.heatcheck.testing.Pixels.hex;
import static dev.heatcheck.testing.Pixels.read;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.HeatcheckException;
import dev.heatcheck.result.Kind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class OutlinesTest {
  private static final int GREY = 0xFF808080;
  private static final int WHITE = 0xFFFFFFFF;
  private static final int DEAD = Outlines.DEAD.getRGB();
  private static final int RAGE = Outlines.RAGE.getRGB();
  private static final int ERROR = Outlines.ERROR.getRGB();
  /** A button at (100, 150), 120×40, on a 400×300 page. */
  private static final Rectangle BUTTON = new Rectangle(100, 150, 120, 40);

  private Path dir;

  @BeforeMethod
  public void createFolder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-outlines");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFolder() throws IOException {
    PngTest.deleteRecursively(dir);
  }

  @Test
  public void frames_the_box_just_outside_it_in_the_kinds_colour() {
    BufferedImage image = roundTrip(drawn(outline(Kind.DEAD, 2)));

    for (int d = 1; d <= Outlines.FRAME_PX; d++) {
      assertEquals(hex(image.getRGB(BUTTON.x - d, 170)), hex(DEAD), "left, " + d + " px out");
      assertEquals(
          hex(image.getRGB(BUTTON.x + BUTTON.width - 1 + d, 170)),
          hex(DEAD),
          "right, " + d + " px out");
      assertEquals(hex(image.getRGB(200, BUTTON.y - d)), hex(DEAD), "top, " + d + " px out");
      assertEquals(
          hex(image.getRGB(160, BUTTON.y + BUTTON.height - 1 + d)),
          hex(DEAD),
          "bottom, " + d + " px out");
    }
    // a white rim outside the frame, then the page as it was
    assertEquals(hex(image.getRGB(BUTTON.x - 4, 170)), hex(WHITE));
    assertEquals(hex(image.getRGB(BUTTON.x - 5, 170)), hex(GREY));
  }

  @Test
  public void leaves_the_box_itself_unchanged() {
    BufferedImage image = page();
    for (int y = BUTTON.y; y < BUTTON.y + BUTTON.height; y++) {
      for (int x = BUTTON.x; x < BUTTON.x + BUTTON.width; x++) {
        image.setRGB(x, y, 0xFF000000 | (x * 7) << 8 | y);
      }
    }

    Outlines.draw(image, List.of(outline(Kind.RAGE, 1)));

    for (int y = BUTTON.y; y < BUTTON.y + BUTTON.height; y++) {
      for (int x = BUTTON.x; x < BUTTON.x + BUTTON.width; x++) {
        assertEquals(
            hex(image.getRGB(x, y)),
            hex(0xFF000000 | (x * 7) << 8 | y),
            "pixel (" + x + ", " + y + ")");
      }
    }
  }

  @Test
  public void puts_a_label_tab_on_the_frames_top_left_corner() {
    BufferedImage image = drawn(outline(Kind.ERROR, 3));
    int frameLeft = BUTTON.x - Outlines.FRAME_PX;
    int frameTop = BUTTON.y - Outlines.FRAME_PX;

    // the tab's padding, just above the frame, is the kind's colour; its text is white on it
    assertEquals(hex(image.getRGB(frameLeft + 1, frameTop - 2)), hex(ERROR));
    assertEquals(hex(image.getRGB(frameLeft + 1, frameTop - 10)), hex(ERROR));
    Rectangle tab = extent(image, ERROR, aboveUpTo(frameTop));
    assertEquals(tab.x, frameLeft);
    assertEquals(tab.y + tab.height, frameTop);
    assertTrue(countBrighterThan(image, tab, 200) > 10, "white text in the tab " + tab);
    assertEquals(Outlines.label(outline(Kind.ERROR, 3)), "error \u00d73");
    assertEquals(Outlines.label(outline(Kind.DEAD, 2)), "dead \u00d72");
    assertEquals(Outlines.label(outline(Kind.RAGE, 1)), "rage \u00d71");
  }

  @Test
  public void nests_two_outlines_of_one_box_and_sets_their_tabs_side_by_side() {
    // given rage first: the order on the box is by kind, dead innermost
    BufferedImage image = roundTrip(drawn(outline(Kind.RAGE, 1), outline(Kind.DEAD, 2)));

    assertEquals(hex(image.getRGB(BUTTON.x - 2, 170)), hex(DEAD));
    assertEquals(hex(image.getRGB(BUTTON.x - 4, 170)), hex(WHITE));
    assertEquals(hex(image.getRGB(BUTTON.x - 6, 170)), hex(RAGE));
    assertEquals(hex(image.getRGB(BUTTON.x - 8, 170)), hex(WHITE));
    int outerTop = BUTTON.y - Outlines.frameOffset(1) - Outlines.FRAME_PX;
    Rectangle above = aboveUpTo(outerTop);
    Rectangle deadTab = extent(image, DEAD, above);
    Rectangle rageTab = extent(image, RAGE, above);
    assertEquals(deadTab.x, BUTTON.x - Outlines.frameOffset(1) - Outlines.FRAME_PX);
    assertEquals(deadTab.width, tabWidth("dead \u00d72"));
    assertTrue(
        rageTab.x >= deadTab.x + deadTab.width,
        "tabs overlap: dead " + deadTab + ", rage " + rageTab);
    assertEquals(rageTab.y, deadTab.y);
  }

  @Test
  public void keeps_tabs_of_neighbouring_boxes_apart() {
    Outline left = new Outline(Kind.DEAD, 100, 150, 20, 20, 1);
    Outline right = new Outline(Kind.ERROR, 130, 150, 20, 20, 1);

    BufferedImage image = drawn(left, right);

    Rectangle above = aboveUpTo(147);
    Rectangle deadTab = extent(image, DEAD, above);
    Rectangle errorTab = extent(image, ERROR, above);
    // the second tab would start 10 px into the first; it moves past it, leaving the first whole
    assertEquals(deadTab.width, tabWidth(Outlines.label(left)));
    assertEquals(errorTab.width, tabWidth(Outlines.label(right)));
    assertFalse(deadTab.intersects(errorTab), "dead " + deadTab + ", error " + errorTab);
  }

  @Test
  public void clips_boxes_that_reach_out_of_the_image() {
    BufferedImage image = page();

    Outlines.draw(
        image,
        List.of(
            new Outline(Kind.DEAD, -50, -50, 100, 100, 1),
            new Outline(Kind.RAGE, 350, 250, 100, 100, 1),
            new Outline(Kind.ERROR, 5000, 5000, 10, 10, 1),
            new Outline(Kind.ERROR, -1e300, 1e300, 1e300, 1e300, 1)));

    assertEquals(hex(image.getRGB(51, 20)), hex(DEAD));
    assertEquals(hex(image.getRGB(20, 51)), hex(DEAD));
    assertEquals(hex(image.getRGB(348, 280)), hex(RAGE));
    // with no room above the page's top, the tab sits at the top instead
    assertEquals(hex(image.getRGB(1, 1)), hex(DEAD));
  }

  @Test
  public void lists_the_kinds_shown_in_a_key_under_the_heat_legend() {
    BufferedImage heatmap = Heatmap.draw(page(), new DensityGrid(400, 300));
    BufferedImage before = copy(heatmap);
    Rectangle legend = Legend.bounds(400, 300);

    Outlines.draw(
        heatmap,
        List.of(
            new Outline(Kind.DEAD, 20, 240, 30, 20, 1),
            new Outline(Kind.ERROR, 80, 240, 30, 20, 1)));

    Rectangle key = new Rectangle(200, legend.y + legend.height + 1, 200, 40);
    Set<Integer> colours = colours(heatmap, key);
    assertTrue(colours.contains(DEAD), "dead in the key");
    assertTrue(colours.contains(ERROR), "error in the key");
    assertFalse(colours.contains(RAGE), "rage is not shown, so not in the key");
    for (int y = 0; y < legend.y + legend.height + 1; y++) {
      for (int x = 0; x < 400; x++) {
        assertEquals(
            hex(heatmap.getRGB(x, y)),
            hex(before.getRGB(x, y)),
            "heat legend pixel (" + x + ", " + y + ")");
      }
    }
    assertEquals(Outlines.keyText(Kind.RAGE), "rage clicks");
  }

  @Test
  public void draws_nothing_for_no_outlines() {
    BufferedImage image = page();

    Outlines.draw(image, List.of());

    assertEquals(colours(image, new Rectangle(0, 0, 400, 300)), Set.of(GREY));
  }

  @Test
  public void renders_the_same_input_to_the_same_bytes() throws IOException {
    Path first = dir.resolve("first.png");
    Path second = dir.resolve("second.png");

    Png.write(drawn(outline(Kind.DEAD, 2), outline(Kind.RAGE, 1)), first);
    Png.write(drawn(outline(Kind.DEAD, 2), outline(Kind.RAGE, 1)), second);

    assertEquals(Files.mismatch(first, second), -1L);
  }

  @Test
  public void refuses_an_outline_without_a_place_or_a_count() {
    HeatcheckException noCount =
        expectThrows(HeatcheckException.class, () -> new Outline(Kind.DEAD, 0, 0, 10, 10, 0));
    HeatcheckException noPlace = expectThrows(
        HeatcheckException.class, () -> new Outline(Kind.RAGE, Double.NaN, 0, 10, 10, 1));
    HeatcheckException noSize =
        expectThrows(HeatcheckException.class, () -> new Outline(Kind.ERROR, 0, 0, -1, 10, 1));

    assertEquals(noCount.getMessage(), "dead outline needs a count of 1 or more, was 0");
    assertEquals(noPlace.getMessage(), "rage outline needs a finite position, was (NaN, 0.0)");
    assertEquals(
        noSize.getMessage(), "error outline needs a size of 0 px or more, was -1.0\u00d710.0");
  }

  @Test
  public void uses_colours_apart_from_each_other_and_from_the_heat_gradients_ends() {
    int[] kinds = {DEAD, RAGE, ERROR};
    for (int i = 0; i < kinds.length; i++) {
      for (int j = i + 1; j < kinds.length; j++) {
        assertTrue(distance(kinds[i], kinds[j]) > 80, hex(kinds[i]) + " vs " + hex(kinds[j]));
      }
    }
    // dead is the one colour the heat gradient has nothing near
    for (int level = 0; level <= 100; level++) {
      int heat = Palette.color(level / 100f) | 0xFF000000;
      assertTrue(distance(DEAD, heat) > 120, "dead near heat " + level + "%: " + hex(heat));
    }
  }

  private static Outline outline(Kind kind, int count) {
    return new Outline(kind, BUTTON.x, BUTTON.y, BUTTON.width, BUTTON.height, count);
  }

  private static BufferedImage drawn(Outline... outlines) {
    BufferedImage image = page();
    Outlines.draw(image, List.of(outlines));
    return image;
  }

  private static BufferedImage page() {
    BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(GREY));
    g.fillRect(0, 0, 400, 300);
    g.dispose();
    return image;
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage copy =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    copy.setData(image.getData());
    return copy;
  }

  private BufferedImage roundTrip(BufferedImage image) {
    Path file = dir.resolve("outlines.png");
    Png.write(image, file);
    return read(file);
  }

  private static int tabWidth(String text) {
    Graphics2D g = page().createGraphics();
    try {
      Legend.fixHints(g);
      g.setFont(Tab.FONT);
      return Tab.size(g, text).width;
    } finally {
      g.dispose();
    }
  }

  /** The rows above {@code bottom} where tabs go, clear of the key in the top right corner. */
  private static Rectangle aboveUpTo(int bottom) {
    return new Rectangle(0, 100, 400, bottom - 100);
  }

  /** The smallest rectangle holding every pixel of {@code rgb} within {@code area}. */
  private static Rectangle extent(BufferedImage image, int rgb, Rectangle area) {
    Rectangle found = null;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        if (image.getRGB(x, y) == rgb) {
          found =
              found == null ? new Rectangle(x, y, 1, 1) : found.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    assertNotEquals(found, null, "no " + hex(rgb) + " in " + area);
    return found;
  }

  private static int countBrighterThan(BufferedImage image, Rectangle area, int level) {
    int count = 0;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) > level && ((rgb >> 8) & 0xFF) > level && (rgb & 0xFF) > level) {
          count++;
        }
      }
    }
    return count;
  }

  private static double distance(int a, int b) {
    int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
    int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
    int db = (a & 0xFF) - (b & 0xFF);
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }
}
