package dev.heatcheck.internal.bench;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.render.Png;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The heatcheck side of the render bench on 10,000 clicks: no browser, no npm, no timing asserted. */
public class HeatcheckRenderTest {
  private static final int CLICKS = 10_000;
  private static final int WIDTH = 1440;
  private static final int HEIGHT = 5000;
  /** The legend's corner, with some margin: its colour bar holds the palette's hottest red too. */
  private static final int LEGEND_WIDTH = 240;
  private static final int LEGEND_HEIGHT = 80;

  private Path dir;
  private ClickGenerator generator;
  private HeatcheckRender.Run run;
  private BufferedImage heatmap;

  @BeforeClass
  public void renderTenThousandClicks() throws IOException {
    dir = Files.createTempDirectory("heatcheck-bench-test");
    Path events = dir.resolve("events.jsonl");
    generator = new ClickGenerator(WIDTH, HEIGHT);
    generator.write(events, CLICKS);
    HeatcheckRender render = new HeatcheckRender(events, ClickGenerator.VIEW, CLICKS, WIDTH, HEIGHT);
    run = render.run(HeatcheckRender.white(WIDTH, HEIGHT), dir.resolve("heatcheck.png"));
    heatmap = Png.read(run.png());
  }

  @AfterClass(alwaysRun = true)
  public void deleteFolder() throws IOException {
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Test
  public void draws_a_png_the_size_of_the_page_with_every_click_on_it() {
    assertEquals(heatmap.getWidth(), WIDTH);
    assertEquals(heatmap.getHeight(), HEIGHT);
    assertEquals(run.onPage(), CLICKS);
    assertTrue(run.pngBytes() > 0);
  }

  @Test
  public void the_hottest_pixel_is_on_the_spot_that_draws_most_clicks() {
    ClickGenerator.HotSpot heaviest = generator.spots().get(0);

    Point hottest = hottest(heatmap);

    assertTrue(hottest.distance(heaviest.x(), heaviest.y()) <= 20,
        "hottest pixel at " + hottest + ", expected near " + heaviest.selector() + " at " + heaviest.x() + ", " + heaviest.y());
  }

  @Test
  public void every_compact_hot_spot_is_coloured_where_the_generator_put_it() {
    List<ClickGenerator.HotSpot> compact = generator.spots().stream().filter(s -> s.sigmaX() <= 30).toList();
    assertTrue(compact.size() >= 6, "compact spots: " + compact);

    for (ClickGenerator.HotSpot spot : compact) {
      int rgb = heatmap.getRGB((int) spot.x(), (int) spot.y());
      assertTrue(!isGrey(rgb), spot.selector() + " at " + spot.x() + ", " + spot.y() + " is " + Integer.toHexString(rgb));
    }
  }

  @Test
  public void the_page_between_the_hot_spots_is_left_uncoloured() {
    // between the hero image and the feature tabs, and down the left margin: only scattered single clicks
    for (Point far : List.of(new Point(100, (int) (HEIGHT * 0.31)), new Point(40, (int) (HEIGHT * 0.5)), new Point(1400, 4000))) {
      int rgb = heatmap.getRGB(far.x, far.y);
      assertTrue(isGrey(rgb), "at " + far + ": " + Integer.toHexString(rgb));
    }
  }

  @Test
  public void the_same_clicks_render_to_the_same_bytes() throws IOException {
    Path events = dir.resolve("again.jsonl");
    new ClickGenerator(WIDTH, HEIGHT).write(events, CLICKS);
    assertEquals(Files.mismatch(events, dir.resolve("events.jsonl")), -1L, "the generator wrote a different file");

    HeatcheckRender.Run again = new HeatcheckRender(events, ClickGenerator.VIEW, CLICKS, WIDTH, HEIGHT)
        .run(HeatcheckRender.white(WIDTH, HEIGHT), dir.resolve("again.png"));

    assertEquals(again.sha256(), run.sha256());
  }

  /** Red, the top of the palette, is where red most exceeds green; the legend's bar in the corner does not count. */
  private static Point hottest(BufferedImage image) {
    Point best = new Point();
    int bestScore = Integer.MIN_VALUE;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (x >= image.getWidth() - LEGEND_WIDTH && y < LEGEND_HEIGHT) {
          continue;
        }
        int rgb = image.getRGB(x, y);
        int score = ((rgb >> 16) & 0xFF) - ((rgb >> 8) & 0xFF);
        if (score > bestScore) {
          bestScore = score;
          best.setLocation(x, y);
        }
      }
    }
    return best;
  }

  private static boolean isGrey(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return r == g && g == b;
  }
}
