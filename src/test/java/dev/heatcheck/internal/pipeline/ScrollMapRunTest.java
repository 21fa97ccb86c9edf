package dev.heatcheck.internal.pipeline;

import static dev.heatcheck.testing.Pixels.blue;
import static dev.heatcheck.testing.Pixels.green;
import static dev.heatcheck.testing.Pixels.red;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.render.Png;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.testing.BrowserTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Four readers of a 4000 px page stop at known depths; the scroll map shows where, by pixel. */
@Test(groups = BrowserTest.GROUP)
public class ScrollMapRunTest {
  private LocalServer site;
  private Summary.PageRow page;
  private Summary.PageRow inner;
  private Path out;
  private BufferedImage map;

  @BeforeClass
  public void readTheTallPage() throws IOException {
    site = LocalServer.serve("fixtures/tall");
    Path dir = Files.createTempDirectory("heatcheck-scroll");
    List<Path> scenarios = new ArrayList<>();
    // with an 800 px viewport, scrolling to y sees down to y + 800: 800 (no scroll), 1800, 2800 and
    // 4000
    for (String scroll : List.of("", "{y: 1000}", "{y: 2000}", "{to: bottom}")) {
      String steps =
          scroll.isEmpty() ? "steps: [{wait: 100}]\n" : "steps:\n  - scroll: " + scroll + "\n";
      scenarios.add(Files.writeString(
          dir.resolve("reader" + scenarios.size() + ".yaml"), "url: /\n" + steps));
    }
    scenarios.add(Files.writeString(
        dir.resolve("inner.yaml"),
        "url: /inner\nsteps:\n  - hover: \"#list\"\n  - scroll: {by: 600}\n"));
    RunResult run = Pipeline.run(
        ScenarioLoader.loadAll(scenarios),
        new RunOptions(site.baseUrl(), dir.resolve("out"), Optional.empty(), false),
        new PrintStream(OutputStream.nullOutputStream()));
    page = run.summary().pages().stream()
        .filter(p -> p.page().equals("/"))
        .findFirst()
        .orElseThrow();
    inner = run.summary().pages().stream()
        .filter(p -> p.page().equals("/inner"))
        .findFirst()
        .orElseThrow();
    out = run.dir();
    map = Png.read(run.dir().resolve(page.maps().scroll()));
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  public void the_summary_gives_the_fold_and_the_depths_each_share_of_views_reached() {
    assertEquals(page.views(), 4);
    assertEquals(page.scroll().fold(), 800);
    assertEquals(page.scroll().docHeight(), 4000);
    assertEquals(page.scroll().reached(), Map.of("75", 1800, "50", 2800, "25", 4000));
  }

  @Test
  public void bands_go_from_warm_where_everyone_looked_to_cold_where_few_did() {
    int everyone = map.getRGB(map.getWidth() / 3, 400);
    int aQuarter = map.getRGB(map.getWidth() / 3, 3400);
    assertTrue(
        red(everyone) - blue(everyone) > 40, "warm at 400: " + Integer.toHexString(everyone));
    assertTrue(
        blue(aQuarter) - red(aQuarter) > 40, "cold at 3400: " + Integer.toHexString(aQuarter));
    int half = map.getRGB(map.getWidth() / 3, 2300);
    assertTrue(
        green(half) > red(half) && green(half) > blue(half),
        "in between at 2300: " + Integer.toHexString(half));
  }

  @Test
  public void reach_lines_and_the_fold_are_drawn_at_their_depths() {
    for (int depth : new int[] {800, 1800, 2800}) {
      assertTrue(hasDarkLineNear(depth), "a line at " + depth);
    }
    assertTrue(!hasDarkLineNear(1300), "no line where nothing changes");
  }

  @Test
  public void an_inner_scroll_container_gets_its_own_scroll_map_as_tall_as_its_content() {
    String file = inner.maps().containers().get("#list");
    assertTrue(file != null, "a scroll map for #list: " + inner.maps());
    BufferedImage containerMap = Png.read(out.resolve(file));
    assertEquals(containerMap.getHeight(), 1500);
    int top = containerMap.getRGB(containerMap.getWidth() / 3, 100);
    assertTrue(
        red(top) - blue(top) > 40,
        "the first screen of the list was seen: " + Integer.toHexString(top));
  }

  /** Somewhere in the middle third, within 2 px of the depth, a dark row (the line or its dashes). */
  private boolean hasDarkLineNear(int depth) {
    for (int y = depth - 2; y <= depth + 2; y++) {
      int dark = 0;
      for (int x = map.getWidth() / 3; x < 2 * map.getWidth() / 3; x++) {
        int rgb = map.getRGB(x, y);
        dark += red(rgb) + green(rgb) + blue(rgb) < 150 ? 1 : 0;
      }
      if (dark > map.getWidth() / 12) {
        return true;
      }
    }
    return false;
  }
}
