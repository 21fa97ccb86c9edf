package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

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
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** An A/B scenario: a layout chosen by query parameter or by cookie, run per variant and compared. */
@Test(groups = BrowserTest.GROUP)
public class VariantsTest {
  private LocalServer site;
  private RunResult run;

  @BeforeClass
  public void runTheVariants() throws IOException {
    site = LocalServer.serve("fixtures/anchor").route("/shop", exchange -> {
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      String cookies = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
      boolean b = query.contains("layout=b") || cookies.contains("layout=b");
      try (InputStream page =
          getClass().getResourceAsStream("/fixtures/anchor/" + (b ? "b" : "a") + ".html")) {
        byte[] body = page.readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    Path dir = Files.createTempDirectory("heatcheck-variants");
    Path scenario = Files.writeString(dir.resolve("shop.yaml"), """
        name: shop
        url: /shop
        variants:
          - name: A
          - name: B
            query: {layout: b}
          - name: C
            cookie: {layout: b}
        steps:
          - click: "#buy"
        expect:
          deadClicks: {max: 0}
        """);
    run = Pipeline.run(
        ScenarioLoader.loadAll(List.of(scenario)),
        new RunOptions(site.baseUrl(), dir.resolve("out"), Optional.empty(), false),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  public void each_variant_is_a_run_of_its_own_and_the_first_is_compared_with_the_others() {
    Summary.VariantRun variants = run.summary().variants().get(0);
    assertEquals(variants.scenario(), "shop");
    assertEquals(
        variants.runs(),
        Map.of("A", "variants/shop/A", "B", "variants/shop/B", "C", "variants/shop/C"));
    assertEquals(variants.comparisons(), List.of("variants/shop/A-vs-B", "variants/shop/A-vs-C"));
    assertTrue(variants.passed());
    assertTrue(run.summary().passed());
  }

  @Test
  public void the_query_and_the_cookie_each_select_layout_b() throws IOException {
    for (String variant : List.of("B", "C")) {
      Path dir = run.dir().resolve("variants/shop/" + variant);
      String anchors = Files.readString(dir.resolve("screens/shop-1280x800.json"));
      assertTrue(
          anchors.contains("900.0"),
          variant + " ran on layout B, where #buy is at x 900: " + anchors);
    }
    assertTrue(Files.readString(run.dir().resolve("variants/shop/A/screens/shop-1280x800.json"))
        .contains("40.0"));
  }

  /**
   * B and C show the same layout: the same crowd (one visitor, clicking somewhere in #buy as its seed
   * and name say) clicks the same points on both, so their maps differ by the variant alone.
   */
  @Test
  public void every_variant_meets_the_same_crowd() throws IOException {
    List<String> b = clickPoints("B");
    assertEquals(b.size(), 1, b.toString());
    assertEquals(clickPoints("C"), b);
  }

  private List<String> clickPoints(String variant) throws IOException {
    try (var lines = Files.lines(run.dir().resolve("variants/shop/" + variant + "/events.jsonl"))) {
      return lines
          .filter(line -> line.startsWith("{\"type\":\"click\""))
          .map(line -> line.replaceAll(".*(\"x\":[0-9.]+,\"y\":[0-9.]+).*", "$1"))
          .toList();
    }
  }

  @Test
  public void the_maps_of_two_variants_stand_side_by_side_with_a_difference_map() {
    Path compared = run.dir().resolve("variants/shop/A-vs-B");
    BufferedImage both = Png.read(compared.resolve("side-by-side/shop-desktop-click.png"));
    assertEquals(both.getWidth(), 24 + 1280 + 24 + 1280 + 24);
    assertTrue(Files.isRegularFile(compared.resolve("diff/shop-desktop-click.png")));
    assertTrue(Files.isRegularFile(compared.resolve("compare.json")));
  }
}
