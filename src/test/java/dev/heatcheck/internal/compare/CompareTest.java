package dev.heatcheck.internal.compare;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.render.Png;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.Finding;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Two runs of the demo shop, the second with one planted change: compare reports exactly that change. */
@Test(groups = BrowserTest.GROUP)
public class CompareTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private LocalServer shop;
  private Comparison comparison;
  private Path out;

  @BeforeClass
  public void runTwiceWithAChangeBetween() throws IOException {
    shop = DemoSite.start(Duration.ofMillis(300));
    List<Scenario> scenarios = ScenarioLoader.loadAll(List.of(Path.of("scenarios/demo-shop.yaml")));
    Path dir = Files.createTempDirectory("heatcheck-compare");
    Pipeline.run(
        scenarios,
        new RunOptions(shop.baseUrl(), dir.resolve("base"), Optional.empty(), false),
        QUIET);
    // the planted change: "Check for updates" no longer sends its request, so its click goes dead
    String homeJs = resource("/dev/heatcheck/internal/demo/site/js/home.js")
        .replace("fetch('/api/ping')", "Promise.resolve()");
    shop.route("/js/home.js", exchange -> {
      byte[] body = homeJs.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    Pipeline.run(
        scenarios,
        new RunOptions(shop.baseUrl(), dir.resolve("head"), Optional.empty(), false),
        QUIET);
    out = dir.resolve("compare");
    comparison = Comparer.compare(dir.resolve("base"), dir.resolve("head"), out);
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  public void the_new_friction_is_exactly_the_planted_change() {
    List<String> added =
        comparison.newFindings().stream().map(CompareTest::describe).sorted().toList();
    assertEquals(added, List.of("dead / #check-updates 1280x800", "dead / #check-updates 390x844"));
    assertEquals(comparison.resolvedFindings(), List.of());
  }

  @Test
  public void nothing_else_moved_the_same_clicks_keep_their_shares_and_reach() {
    for (Comparison.PageChange page : comparison.pages()) {
      assertEquals(page.baseViews(), page.headViews(), page.page());
      for (Comparison.ShareChange element : page.elements()) {
        assertEquals(element.change(), 0.0, 1e-9, page.page() + " " + element.selector());
      }
      page.reach()
          .forEach((percent, reach) ->
              assertEquals(reach.head(), reach.base(), page.page() + " reach " + percent));
      assertTrue(page.gone().isEmpty(), page.page() + " " + page.gone());
    }
  }

  @Test
  public void every_page_gets_a_difference_map_and_compare_json_is_written() {
    for (Comparison.PageChange page : comparison.pages()) {
      assertTrue(Png.read(out.resolve(page.diffMap())).getWidth() > 0, page.diffMap());
    }
    assertTrue(Files.isRegularFile(out.resolve("compare.json")));
  }

  private static String describe(Finding f) {
    return f.kind() + " " + f.page() + " " + f.selector() + " " + f.viewport();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CompareTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
