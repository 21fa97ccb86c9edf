package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import dev.heatcheck.testing.BrowserTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * heatcheck replay end to end, in Chromium: the recordings of src/test/resources/replay (real rrweb 2.2.2
 * against the demo shop and the lab page) played against the shop and the lab served on 127.0.0.1, as
 * they are and changed as a new build would be.
 */
@Test(groups = BrowserTest.GROUP, singleThreaded = true)
public class ReplayCommandTest {
  private static final Path RECORDINGS = Path.of("src/test/resources/replay");
  private static final Path RRWEB = RECORDINGS.resolve("rrweb/session.json");
  private static final Path POSTHOG = RECORDINGS.resolve("posthog/session-2023-04-28.json");
  private static final Path LAB = RECORDINGS.resolve("site/lab");
  /**
   * What the shop plants, and what the recordings clicked on it: exactly that. The lab page's double click
   * on #headline, which the page answers only on dblclick, is one gesture and alive.
   */
  private static final Set<String> PLANTED = Set.of(
      "dead /product/2 #product-photo",
      "dead /product/2 #wishlist",
      "error /checkout #apply-coupon",
      "rage /checkout #place-order");

  private static final String SECRET = "s3cret-pw";

  private final List<LocalServer> servers = new ArrayList<>();
  private Path work;
  private Path asIs;

  @BeforeClass
  public void start() throws IOException {
    work = Files.createTempDirectory("heatcheck-replay-cli");
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    servers.forEach(LocalServer::close);
  }

  /** The shop, changed by {@code change}, with the lab page beside it on one origin as it was recorded. */
  private String shop(UnaryOperator<String> change) {
    LocalServer server = DemoSite.start(DemoSite.ORDER_DELAY, 0, change)
        .route("/lab/", exchange -> {
          String name =
              Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
          byte[] body =
              Files.readAllBytes(LAB.resolve(name.endsWith(".html") ? name : "index.html"));
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    servers.add(server);
    return server.baseUrl();
  }

  @Test
  public void the_rrweb_array_and_the_posthog_export_replay_to_exactly_the_planted_friction()
      throws IOException {
    asIs = work.resolve("as-is");
    Path scenarios = work.resolve("scenarios");
    Result result = heatcheck(
        "replay",
        "--base-url",
        shop(UnaryOperator.identity()),
        "--out",
        asIs.toString(),
        "--input",
        "#password=" + SECRET,
        "--to-scenario",
        scenarios.toString(),
        RRWEB.toString(),
        POSTHOG.toString());
    assertEquals(result.code, 0, result.toString());
    JsonNode summary = Json.mapper().readTree(asIs.resolve("summary.json").toFile());
    assertEquals(findings(summary, "session"), PLANTED, result.out);
    assertEquals(findings(summary, "session-2023-04-28"), PLANTED, result.out);
    assertEquals(summary.path("replays").size(), 2, result.out);
    for (JsonNode replay : summary.path("replays")) {
      // 21 clicks, a double click, 5 inputs and a container scroll, each found by a locator
      assertEquals(replay.path("actions").asInt(), 28, replay.toString());
      assertEquals(replay.path("selector").asInt(), 28, replay.toString());
      assertEquals(replay.path("divergences").size(), 0, replay.toString());
    }
    // every recorded click reached the page
    assertEquals(clicks(asIs.resolve("events.jsonl")), 2 * (21 + 2), result.out);
    assertNoSecret(asIs, result);
    assertNoSecret(scenarios, result);

    // the recording as a scenario: it loads, locates the same elements, and holds what was found
    Scenario scenario = ScenarioLoader.load(scenarios.resolve("session.yaml"));
    assertTrue(
        scenario.steps().stream()
            .anyMatch(s -> s instanceof Step.Click c
                && c.target() instanceof Target.Located l
                && l.locate().get(0).equals("#wishlist")),
        scenario.steps().toString());
    String yaml = Files.readString(scenarios.resolve("session.yaml"));
    assertTrue(yaml.contains("deadClicks: {max: 2}"), yaml); // #product-photo and #wishlist
    assertTrue(yaml.contains("<masked"), yaml);
  }

  /** The other fixtures of the same path: the compressed and the older PostHog export, the DevTools flow. */
  @Test
  public void the_other_formats_replay_to_the_same_friction() throws IOException {
    Path out = work.resolve("formats");
    Result result = heatcheck(
        "replay",
        "--base-url",
        shop(UnaryOperator.identity()),
        "--out",
        out.toString(),
        "--input",
        "#password=" + SECRET,
        RECORDINGS.resolve("posthog/session-2023-04-28-compressed.json").toString(),
        RECORDINGS.resolve("posthog/session-2022-12-02.json").toString(),
        RECORDINGS.resolve("devtools/shop-flow.json").toString());
    assertEquals(result.code, 0, result.toString());
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(findings(summary, "session-2023-04-28-compressed"), PLANTED, result.out);
    assertEquals(findings(summary, "session-2022-12-02"), PLANTED, result.out);
    // the flow starts on the product page and repeats Place order three times: a burst
    assertEquals(findings(summary, "shop-flow"), PLANTED, result.out);
    for (JsonNode replay : summary.path("replays")) {
      assertEquals(replay.path("divergences").size(), 0, replay.toString());
      assertEquals(
          replay.path("selector").asInt() + replay.path("text").asInt(),
          replay.path("actions").asInt(),
          replay.toString());
    }
    assertNoSecret(out, result);
  }

  @Test(
      dependsOnMethods =
          "the_rrweb_array_and_the_posthog_export_replay_to_exactly_the_planted_friction")
  public void a_scenario_written_by_replay_runs() throws IOException {
    Path out = work.resolve("scenario-run");
    Result result = heatcheck(
        "run",
        "--base-url",
        shop(UnaryOperator.identity()),
        "--out",
        out.toString(),
        work.resolve("scenarios/session.yaml").toString());
    assertEquals(result.code, 0, result.toString());
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(findings(summary, "session"), PLANTED, result.out);
  }

  @Test
  public void a_clicked_element_gone_is_a_divergence_and_fails_a_divergedActions_limit()
      throws IOException {
    Path out = work.resolve("gone");
    Path expect =
        Files.writeString(work.resolve("expect.yaml"), "expect:\n  divergedActions: {max: 0}\n");
    Result result = heatcheck(
        "replay",
        "--base-url",
        shop(page -> page.replace("id=\"wishlist\"", "id=\"wishlist-button\"")
            .replace("Save to wishlist", "Keep for later")),
        "--out",
        out.toString(),
        "--expect",
        expect.toString(),
        "--trace",
        RRWEB.toString());
    assertEquals(result.code, 1, result.toString());
    // the developer's next step: the session's Playwright trace
    assertTrue(Files.size(out.resolve("traces/session_1280x800_1.zip")) > 0, result.out);
    JsonNode replay = Json.mapper()
        .readTree(out.resolve("summary.json").toFile())
        .path("replays")
        .get(0);
    assertEquals(replay.path("divergences").size(), 1, replay.toString());
    JsonNode divergence = replay.path("divergences").get(0);
    assertEquals(divergence.path("recordedMs").asLong(), 3487L, divergence.toString());
    assertEquals(divergence.path("lookedFor").get(0).asText(), "#wishlist", divergence.toString());
    assertEquals(divergence.path("outcome").asText(), "position", divergence.toString());
    assertEquals(replay.path("position").asInt(), 1, replay.toString());
    assertTrue(result.out.contains("3.5 s: click #wishlist"), result.out);
    assertTrue(result.out.contains("divergedActions"), result.out);
  }

  @Test(
      dependsOnMethods =
          "the_rrweb_array_and_the_posthog_export_replay_to_exactly_the_planted_friction")
  public void a_planted_fix_is_reported_resolved_by_compare() throws IOException {
    Path fixed = work.resolve("fixed");
    Result replay = heatcheck(
        "replay",
        "--base-url",
        shop(page -> page.replace(
            "id=\"product-photo\"",
            "id=\"product-photo\" onclick=\"this.classList.toggle('zoomed')\"")),
        "--out",
        fixed.toString(),
        RRWEB.toString());
    assertEquals(replay.code, 0, replay.toString());
    Result compare = heatcheck("compare", asIs.toString(), fixed.toString());
    String resolved = compare.out.substring(compare.out.indexOf("Resolved"));
    assertTrue(resolved.contains("#product-photo"), compare.toString());
    assertFalse(resolved.contains("#wishlist"), compare.toString());
  }

  @Test
  public void a_malformed_recording_is_one_line_and_exit_2() throws IOException {
    Path bad = Files.writeString(work.resolve("bad.json"), "[{\"type\": 4, ");
    Result result = heatcheck("replay", "--out", work.resolve("bad").toString(), bad.toString());
    assertEquals(result.code, 2, result.toString());
    assertEquals(result.err.strip().lines().count(), 1L, result.err);
    assertTrue(result.err.contains("bad.json"), result.err);
  }

  private static Set<String> findings(JsonNode summary, String scenario) {
    Set<String> out = new TreeSet<>();
    for (JsonNode f : summary.path("findings")) {
      if (f.path("scenario").asText().equals(scenario)) {
        out.add(f.path("kind").asText() + " " + f.path("page").asText() + " "
            + f.path("selector").asText());
      }
    }
    return out;
  }

  private static long clicks(Path events) throws IOException {
    try (Stream<String> lines = Files.lines(events)) {
      return lines.filter(l -> l.startsWith("{\"type\":\"click\"")).count();
    }
  }

  private static void assertNoSecret(Path dir, Result result) throws IOException {
    assertFalse(result.out.contains(SECRET));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(SECRET), file + " holds the masked value");
      }
    }
  }

  private static Result heatcheck(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the commands print their report on System.out
    PrintStream before = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(before);
    }
    return new Result(code, out + printed.toString(StandardCharsets.UTF_8), err.toString());
  }

  private record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }
}
