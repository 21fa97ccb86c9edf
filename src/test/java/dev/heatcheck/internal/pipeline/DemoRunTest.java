package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.Analyzer;
import dev.heatcheck.internal.analyze.JudgedClick;
import dev.heatcheck.internal.analyze.Rules;
import dev.heatcheck.internal.analyze.Verdict;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.events.Json;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The shipped demo scenarios against the bundled shop: what `./heatcheck demo` does, checked in full. */
@Test(groups = BrowserTest.GROUP)
public class DemoRunTest {
  private static final List<String> VIEWPORTS = List.of("1280x800", "390x844");
  private static final List<String> PLANTED = List.of(
      "dead /product/1 #product-photo",
      "dead /product/1 #wishlist",
      "rage /checkout #place-order",
      "error /checkout #apply-coupon");

  private LocalServer site;
  private RunResult run;
  private Analysis analysis;

  @BeforeClass
  public void runTheDemo() throws IOException {
    site = DemoSite.start();
    Path out = Files.createTempDirectory("heatcheck-demo");
    var scenarios = ScenarioLoader.loadAll(List.of(Path.of("scenarios")));
    run = Pipeline.run(
        scenarios,
        new RunOptions(site.baseUrl(), out, Optional.empty(), false),
        new PrintStream(OutputStream.nullOutputStream()));
    Analyzer analyzer = new Analyzer(Rules.defaults()).keepingClicks();
    EventReader.read(out.resolve("events.jsonl"), analyzer);
    analysis = analyzer.finish();
  }

  @AfterClass(alwaysRun = true)
  public void stopTheShop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  public void the_findings_are_exactly_the_planted_friction_at_both_viewports() {
    Set<String> expected = new TreeSet<>();
    for (String viewport : VIEWPORTS) {
      PLANTED.forEach(p -> expected.add(p + " " + viewport));
    }
    Set<String> found = run.summary().findings().stream()
        .map(f -> f.kind() + " " + f.page() + " " + f.selector() + " " + f.viewport())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(found, expected);
  }

  @Test
  public void working_controls_are_alive_and_say_why() {
    Map<String, String> expectedSignal = Map.of(
        "#theme-toggle", "mutation",
        "#check-updates", "request",
        "#add-to-cart", "request",
        "#gift-toggle", "mutation",
        "#place-order", "request");
    for (String viewport : VIEWPORTS) {
      expectedSignal.forEach((selector, signal) -> {
        List<JudgedClick> clicks = clicksOn(selector, viewport);
        assertFalse(clicks.isEmpty(), selector + " was clicked at " + viewport);
        for (JudgedClick click : clicks) {
          assertEquals(click.verdict(), Verdict.ALIVE, selector + " at " + viewport);
          assertEquals(click.signal(), signal, selector + " at " + viewport);
        }
      });
      for (String link : List.of("#shop-now", "#go-checkout", "a.product-link:nth-of-type(1)")) {
        clicksOn(link, viewport).forEach(c -> assertEquals(c.verdict(), Verdict.NOT_JUDGED, link));
      }
    }
  }

  @Test
  public void the_planted_friction_warns_without_failing_and_the_other_rules_hold() {
    Summary summary = run.summary();
    assertTrue(summary.passed(), summary.checks().toString());
    String shop = summary.checks().stream()
        .filter(c -> c.scenario().equals("demo-shop"))
        .map(c -> c.rule() + "=" + c.actual() + ":" + c.level())
        .sorted()
        .toList()
        .toString();
    assertEquals(
        shop,
        "[clickShare #place-order on /checkout=0.67:pass, deadClicks per visitor=2:warn,"
            + " errorClicks per visitor=1:warn, rageClicks per visitor=1:warn]");
    String guide = summary.checks().stream()
        .filter(c -> c.scenario().equals("demo-guide") && c.rule().startsWith("scroll"))
        .map(c -> c.rule() + "=" + c.actual() + ":" + c.level())
        .toList()
        .toString();
    assertEquals(guide, "[scrollReach #footer-cta=1.0:pass]");
  }

  @Test
  public void summary_json_keeps_the_documented_contract() throws IOException {
    JsonNode summary = Json.mapper().readTree(run.dir().resolve("summary.json").toFile());
    assertEquals(summary.path("version").asInt(), 2);
    JsonNode finding = summary.path("findings").get(0);
    for (String field : List.of("kind", "page", "viewport", "selector", "count")) {
      assertTrue(finding.has(field), "findings[0]." + field);
    }
    assertTrue(finding.path("viewport").asText().matches("\\d+x\\d+"));
    JsonNode check = summary.path("checks").get(0);
    for (String field : List.of("rule", "passed", "level", "actual", "limit", "bound")) {
      assertTrue(check.has(field), "checks[0]." + field);
    }
  }

  @Test
  public void every_page_and_bucket_gets_click_and_move_maps_over_its_screenshot() {
    Set<String> pages = run.summary().pages().stream()
        .map(p -> p.page() + " " + p.bucket())
        .collect(Collectors.toSet());
    for (String bucket : List.of("desktop", "mobile")) {
      for (String page : List.of("/", "/products", "/product/1", "/checkout", "/guide")) {
        assertTrue(pages.contains(page + " " + bucket), page + " " + bucket + " in " + pages);
      }
    }
    for (Summary.PageRow page : run.summary().pages()) {
      BufferedImage screenshot = Png.read(run.dir().resolve(page.screenshot()));
      for (String map :
          List.of(page.maps().click(), page.maps().move(), page.maps().scroll())) {
        BufferedImage image = Png.read(run.dir().resolve(map));
        assertEquals(image.getWidth(), screenshot.getWidth(), map);
        assertEquals(image.getHeight(), screenshot.getHeight(), map);
      }
      assertEquals(
          screenshot.getWidth(), page.bucket().equals("desktop") ? 1280 : 390, page.screenshot());
      assertTrue(
          page.gone().isEmpty(),
          "every clicked element is on its page's screenshot: " + page.gone());
    }
  }

  @Test
  public void the_checkout_element_table_counts_clicks_and_friction() {
    Summary.PageRow checkout = run.summary().pages().stream()
        .filter(p -> p.page().equals("/checkout") && p.bucket().equals("desktop"))
        .findFirst()
        .orElseThrow();
    Summary.ElementRow top = checkout.elements().get(0);
    assertEquals(top.selector(), "#place-order");
    assertEquals(top.clicks(), 4);
    assertEquals(top.rage(), 1);
    assertEquals(top.dead(), 0);
    assertEquals(top.share(), 4.0 / checkout.clicks(), 1e-3);
    Summary.ElementRow coupon = checkout.elements().stream()
        .filter(e -> "#apply-coupon".equals(e.selector()))
        .findFirst()
        .orElseThrow();
    assertEquals(coupon.error(), 1);
  }

  @Test
  public void the_hottest_spot_of_the_checkout_heatmap_lies_over_the_button_clicked_most() {
    for (String viewport : VIEWPORTS) {
      String bucket = viewport.startsWith("1280") ? "desktop" : "mobile";
      // the see-through layer holds the density alone, without the outlines drawn on the map
      BufferedImage heat =
          Png.read(run.dir().resolve("heatmaps/layers/checkout-" + bucket + "-click.png"));
      int[] hottest = densest(heat);
      List<Double> box =
          clicksOn("#place-order", viewport).get(0).click().target().box();
      assertTrue(
          hottest[0] >= box.get(0)
              && hottest[0] <= box.get(0) + box.get(2)
              && hottest[1] >= box.get(1)
              && hottest[1] <= box.get(1) + box.get(3),
          viewport + ": hottest pixel " + hottest[0] + "," + hottest[1] + " outside #place-order "
              + box);
    }
  }

  @Test
  public void nothing_typed_into_a_field_reaches_any_file() throws IOException {
    try (var files = Files.walk(run.dir())) {
      for (Path file : files
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
          .toList()) {
        assertFalse(
            Files.readString(file).contains("visitor@example.test"), file + " holds a typed value");
      }
    }
  }

  @Test
  public void the_guide_reader_reaches_the_bottom_of_the_long_page() {
    long deepViews = analysis.pages().stream()
        .filter(p -> p.key().page().equals("/guide"))
        .filter(p -> p.reach().stream().anyMatch(r -> r >= p.docHeight() - 2))
        .count();
    assertEquals(deepViews, 2, "the guide was read to the end at both viewports");
  }

  private List<JudgedClick> clicksOn(String selector, String viewport) {
    return analysis.clicks().stream()
        .filter(c -> c.page().viewport().equals(viewport))
        .filter(c -> selector.equals(c.click().target().selector())
            || (selector.startsWith("a.product-link")
                && "/products".equals(c.page().page())
                && c.click().target().href() != null
                && c.click().target().href().endsWith("/product/1")))
        .toList();
  }

  /** The most opaque pixel of a heat layer: opacity rises with density. */
  private static int[] densest(BufferedImage layer) {
    int best = -1;
    int[] at = {-1, -1};
    for (int y = 0; y < layer.getHeight(); y++) {
      for (int x = 0; x < layer.getWidth(); x++) {
        int alpha = layer.getRGB(x, y) >>> 24;
        if (alpha > best) {
          best = alpha;
          at = new int[] {x, y};
        }
      }
    }
    return at;
  }
}
