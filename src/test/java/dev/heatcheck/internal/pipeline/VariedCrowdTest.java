package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.BoundingBox;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A seeded crowd of 20 on a small real page: clicks spread over an element and stay inside it, choose
 * keeps to its weights, scroll depths vary within their range, and feeder values reach the page (its
 * server) but never the events file.
 */
public class VariedCrowdTest extends BrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCENARIO = """
      url: /
      seed: 5
      visitors: %d
      viewports: [{width: 800, height: 600}]
      steps:
        - click: "#target"
        - choose:
            - {weight: 7, steps: [click: "#a"]}
            - {weight: 3, steps: [click: "#b"]}
        - fill: {selector: "#email", values: [ada@x.test, bo@x.test, cy@x.test]}
        - click: "#send"
        - pause: {min: 0, max: 200}
        - scroll: {depth: {min: 0.2, max: 0.9}}
      """;

  private final List<String> typed = Collections.synchronizedList(new ArrayList<>());
  private RunResult run;
  private List<JsonNode> events;

  @Override
  protected LocalServer serve() {
    return LocalServer.serve("fixtures/variety").route("/typed", exchange -> {
      typed.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
  }

  @Override
  protected Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions().setViewportSize(800, 600);
  }

  @BeforeClass
  public void runTheCrowd() throws IOException {
    run = crowd(20, "crowd");
    events = events(run);
  }

  @Test
  public void clicks_on_one_element_land_at_varied_points_all_inside_it() {
    BoundingBox box =
        page().navigate(url("/")).frame().page().locator("#target").boundingBox();
    List<JsonNode> clicks = clicksOn("#target");
    Set<String> points = new HashSet<>();
    for (JsonNode click : clicks) {
      double x = click.get("x").asDouble();
      double y = click.get("y").asDouble();
      // inside the inner ellipse of the box, so inside the pill's rounded ends too
      double dx = (x - (box.x + box.width / 2)) / (box.width / 2);
      double dy = (y - (box.y + box.height / 2)) / (box.height / 2);
      assertTrue(Math.hypot(dx, dy) <= 0.8 + 0.02, "click at " + x + "," + y + " in " + box);
      points.add(Math.round(x) + "," + Math.round(y));
    }
    assertEquals(clicks.size(), 20);
    assertTrue(points.size() >= 18, "distinct points: " + points);
    double left = clicks.stream().mapToDouble(c -> c.get("x").asDouble()).min().orElseThrow();
    double right = clicks.stream().mapToDouble(c -> c.get("x").asDouble()).max().orElseThrow();
    assertTrue(
        right - left > box.width / 4, "spread over " + (right - left) + " px of " + box.width);
  }

  /** Pinned for seed 5: 20 visitors choose the weight-7 alternative 15 times (14 expected), as Script draws it. */
  @Test
  public void choose_keeps_to_its_weights() {
    assertEquals(clicksOn("#a").size(), 15);
    assertEquals(clicksOn("#b").size(), 5);
  }

  @Test
  public void scroll_depths_vary_within_their_range() {
    Map<String, Double> deepest = new TreeMap<>();
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("scroll") && !e.has("container")) {
        deepest.merge(e.get("session").asText(), e.get("y").asDouble(), Math::max);
      }
    }
    assertEquals(deepest.size(), 20, deepest.toString());
    // 3000 px page, 600 px viewport: 2400 px scrollable, 0.2 to 0.9 of it
    for (double y : deepest.values()) {
      assertTrue(y >= 480 - 2 && y <= 2160 + 2, deepest.toString());
    }
    assertTrue(new HashSet<>(deepest.values()).size() >= 18, deepest.toString());
  }

  @Test
  public void feeder_values_reach_the_page_one_per_visitor_and_are_never_recorded()
      throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    typed.stream().filter(v -> !v.startsWith("{")).forEach(v -> counts.merge(v, 1, Integer::sum));
    assertEquals(counts, Map.of("ada@x.test", 7, "bo@x.test", 7, "cy@x.test", 6));

    String file = Files.readString(run.dir().resolve("events.jsonl"));
    assertFalse(file.contains("x.test"), "a typed value is in events.jsonl");
  }

  @Test
  public void the_seed_is_in_the_run_event_and_the_summary() throws IOException {
    assertEquals(events.get(0).get("type").asText(), "run");
    assertEquals(events.get(0).get("seed").asLong(), 5);
    assertEquals(run.summary().scenarios().get(0).seed(), Long.valueOf(5));
    JsonNode summary = JSON.readTree(run.dir().resolve("summary.json").toFile());
    assertEquals(summary.get("scenarios").get(0).get("seed").asLong(), 5);
  }

  /** Another run of the first 4 visitors with the same seed: the same clicks, to the pixel. */
  @Test
  public void the_same_seed_plays_the_same_clicks_again() throws IOException {
    List<JsonNode> again = events(crowd(4, "again"));

    assertEquals(
        clickPoints(again), clickPoints(events).subList(0, clickPoints(again).size()));
  }

  private RunResult crowd(int visitors, String name) throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-variety");
    Path scenario = Files.writeString(dir.resolve("variety.yaml"), SCENARIO.formatted(visitors));
    return Pipeline.run(
        ScenarioLoader.loadAll(List.of(scenario)),
        new RunOptions(server.baseUrl(), dir.resolve(name), Optional.empty(), false),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  private static List<JsonNode> events(RunResult result) throws IOException {
    List<JsonNode> read = new ArrayList<>();
    for (String line : Files.readAllLines(result.dir().resolve("events.jsonl"))) {
      read.add(JSON.readTree(line));
    }
    return read;
  }

  private List<JsonNode> clicksOn(String selector) {
    return events.stream()
        .filter(e -> e.get("type").asText().equals("click"))
        .filter(e -> e.get("target").get("selector").asText().equals(selector))
        .toList();
  }

  /** Each session's click points, in visitor order. */
  private static List<String> clickPoints(List<JsonNode> events) {
    Map<Integer, List<String>> bySession = new TreeMap<>();
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("click")) {
        String session = e.get("session").asText();
        int visitor = Integer.parseInt(session.substring(session.lastIndexOf('/') + 1));
        bySession
            .computeIfAbsent(visitor, v -> new ArrayList<>())
            .add(e.get("target").get("selector").asText() + "@" + e.get("x").asDouble() + ","
                + e.get("y").asDouble());
      }
    }
    return new ArrayList<>(
        new LinkedHashMap<>(bySession).values().stream().map(Object::toString).toList());
  }
}
