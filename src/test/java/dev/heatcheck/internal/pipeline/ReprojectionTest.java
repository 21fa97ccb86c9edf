package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.render.Png;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.testing.BrowserTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Clicks recorded on one layout, drawn on another: element anchoring puts them on the moved element. */
@Test(groups = BrowserTest.GROUP)
public class ReprojectionTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private final AtomicBoolean layoutB = new AtomicBoolean();
  private LocalServer site;
  private Path recorded;

  @BeforeClass
  public void recordOnLayoutA() throws IOException {
    site = LocalServer.serve("fixtures/anchor").route("/shop", exchange -> {
      try (InputStream page = getClass()
          .getResourceAsStream("/fixtures/anchor/" + (layoutB.get() ? "b" : "a") + ".html")) {
        byte[] body = page.readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    Path dir = Files.createTempDirectory("heatcheck-anchor");
    Path scenario = Files.writeString(dir.resolve("shop.yaml"), """
        url: /shop
        steps:
          - click: {selector: "#buy", times: 3, interval: 1200}
          - click: "#promo"
        """);
    recorded = dir.resolve("recorded");
    Pipeline.run(
        ScenarioLoader.loadAll(List.of(scenario)),
        new RunOptions(site.baseUrl(), recorded, Optional.empty(), false),
        QUIET);
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  public void on_new_screenshots_of_a_changed_layout_clicks_land_on_the_moved_element()
      throws IOException {
    layoutB.set(true);
    Path out = Files.createTempDirectory("heatcheck-anchor-b");
    RunResult result = Pipeline.report(
        List.of(recorded.resolve("events.jsonl")),
        new ReportOptions(out, Buckets.defaults(), List.of(), true, null, Optional.empty(), false),
        QUIET);

    Summary.PageRow shop = result.summary().pages().get(0);
    int[] hot = hottest(Png.read(out.resolve(shop.maps().click())));
    assertInside(hot, 900, 1000, 300, 90, "layout B's #buy");
    assertEquals(
        shop.gone(),
        Map.of("#promo", 1),
        "the promo button is not on layout B: counted, not drawn");
  }

  @Test
  public void on_the_recorded_screenshots_clicks_stay_where_they_were() throws IOException {
    Path out = Files.createTempDirectory("heatcheck-anchor-a");
    RunResult result = Pipeline.report(
        List.of(recorded.resolve("events.jsonl")),
        new ReportOptions(out, Buckets.defaults(), List.of(), false, null, Optional.empty(), false),
        QUIET);

    Summary.PageRow shop = result.summary().pages().get(0);
    assertInside(
        hottest(Png.read(out.resolve(shop.maps().click()))), 40, 40, 200, 60, "layout A's #buy");
    assertTrue(shop.gone().isEmpty(), shop.gone().toString());
    assertTrue(
        Files.isRegularFile(out.resolve("screens/shop-1280x800.png")),
        "the recorded screenshot was reused");
  }

  private static void assertInside(int[] point, int x, int y, int width, int height, String what) {
    assertTrue(
        point[0] >= x && point[0] <= x + width && point[1] >= y && point[1] <= y + height,
        "hottest pixel " + point[0] + "," + point[1] + " is not on " + what);
  }

  /** The pixel where red most outweighs blue, outside the legend in the top-right corner. */
  private static int[] hottest(BufferedImage image) {
    int best = Integer.MIN_VALUE;
    int[] at = {-1, -1};
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (y < 120 && x > image.getWidth() - 420) {
          continue;
        }
        int rgb = image.getRGB(x, y);
        int heat = ((rgb >> 16) & 0xff) - (rgb & 0xff);
        if (heat > best) {
          best = heat;
          at = new int[] {x, y};
        }
      }
    }
    return at;
  }
}
