package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.crowd.Shard;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.Check;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A crowd of two scenarios (eight visits: friction of every kind, a viewport split across the
 * shards, visitors ended at a page that never loads) played whole, and as shards 1/2 and 2/2 that are merged:
 * the merged run must be the whole run.
 */
@Test(groups = BrowserTest.GROUP)
public class ShardMergeTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private LocalServer site;
  private Path dir;
  private RunResult whole;
  private Path first;
  private Path second;
  private Path other;
  private RunResult merged;

  @BeforeClass
  public void runWholeAndInShards() throws IOException {
    // a picture never answered: the page that shows it never loads, its visitor is ended at the
    // load
    // deadline however loaded the machine is
    site = LocalServer.serve("fixtures/shards").route("/hang.png", exchange -> {});
    dir = Files.createTempDirectory("heatcheck-shards");
    Path crowd = Files.writeString(dir.resolve("crowd.yaml"), """
        name: crowd
        url: /
        visitors: 3
        viewports: [{width: 1280, height: 800}, {width: 390, height: 844}]
        steps:
          - click: "#ok"
          - click: "#dead"
          - click: {selector: "#dead", times: 3, interval: 100}
          - click: "#err"
          - scroll: {to: bottom}
        judge:
          # one burst a visitor however loaded the machine: clicks 100 ms apart can land a second apart
          rage: {interval: 5000}
        expect:
          deadClicks: {warn: 1, max: 100}
          rageClicks: {max: 100, per: visitor}
          errorClicks: {max: 0}
          clickShare: {selector: "#ok", min: 0.1}
          scrollReach: {selector: "#foot", min: 0.5}
        """);
    Path stall = Files.writeString(dir.resolve("stall.yaml"), """
        name: stall
        url: /
        visitors: 2
        timeouts: {load: 3000}
        steps:
          - click: "#ok"
          - goto: /stall.html
        expect:
          failedVisitors: {max: 1}
        """);
    List<Scenario> scenarios = ScenarioLoader.loadAll(List.of(crowd, stall));
    whole = Pipeline.run(scenarios, options(dir.resolve("whole")), QUIET);
    first = run(scenarios, "shard-1", "1/2");
    second = run(scenarios, "shard-2", "2/2");
    Path lone = Files.writeString(dir.resolve("lone.yaml"), """
        name: lone
        url: /
        steps:
          - click: "#ok"
        """);
    // shard 1/2 of a one-visit plan plays nothing: a cheap shard of another run
    other = run(ScenarioLoader.loadAll(List.of(lone)), "other-1", "1/2");
    merged = Merge.merge(List.of(second, first), dir.resolve("merged"), QUIET);
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  private RunOptions options(Path out) {
    // the same seed for the whole run and its shards: the same choices and click positions
    return new RunOptions(site.baseUrl(), out, Optional.empty(), false).withSeed(7L);
  }

  private Path run(List<Scenario> scenarios, String name, String shard) {
    Path out = dir.resolve(name);
    Pipeline.run(scenarios, options(out).withShard(Shard.parse(shard)), QUIET);
    return out;
  }

  @Test
  public void two_shards_merged_have_the_findings_of_the_whole_run() {
    List<String> findings = findings(whole.summary());
    assertEquals(findings(merged.summary()), findings);
    // every visitor's friction is there: 6 crowd visitors, each 4 dead clicks, 1 burst, 1 error
    // click
    assertTrue(findings.contains("dead crowd / 1280x800 #dead 12"), findings.toString());
    assertTrue(findings.contains("dead crowd / 390x844 #dead 12"), findings.toString());
    assertTrue(findings.contains("rage crowd / 390x844 #dead 3"), findings.toString());
    assertTrue(findings.contains("error crowd / 1280x800 #err 3"), findings.toString());
  }

  @Test
  public void two_shards_merged_have_the_clicks_of_the_whole_run_per_page_and_element() {
    List<String> clicks = clicks(whole.summary());
    assertEquals(clicks(merged.summary()), clicks);
    assertTrue(clicks.contains("/ desktop views 5 clicks 20 #dead 12"), clicks.toString());
  }

  @Test
  public void two_shards_merged_hold_the_expectations_as_the_whole_run_does() {
    List<String> checks = checks(whole.summary());
    assertEquals(checks(merged.summary()), checks);
    assertTrue(
        checks.contains("crowd errorClicks fail 6 " + dir.resolve("crowd.yaml") + ":17:3"),
        checks.toString());
    assertTrue(checks.contains("crowd deadClicks warn 24 " + dir.resolve("crowd.yaml") + ":15:3"));
    assertTrue(
        checks.contains("stall failedVisitors fail 2 " + dir.resolve("stall.yaml") + ":9:3"));
    assertFalse(merged.summary().passed());
    assertEquals(
        merged.summary().scenarios().stream()
            .map(s -> s.name() + " " + s.clicks() + " seed " + s.seed())
            .toList(),
        whole.summary().scenarios().stream()
            .map(s -> s.name() + " " + s.clicks() + " seed " + s.seed())
            .toList());
  }

  @Test
  public void two_shards_merged_list_the_failed_visitors_of_the_whole_run() {
    List<String> failed = failedVisitors(whole.summary());
    assertEquals(failedVisitors(merged.summary()), failed);
    assertEquals(failed.size(), 2, failed.toString());
    assertTrue(failed.get(0).startsWith("stall/1280x800/1 " + dir.resolve("stall.yaml") + ":7:5"));
  }

  @Test
  public void two_shards_merged_click_where_the_whole_run_clicked() throws IOException {
    assertEquals(clickPoints(merged.dir()), clickPoints(whole.dir()));
  }

  @Test
  public void the_merged_run_has_every_event_once_and_a_map_for_each_page() throws IOException {
    long events = Files.lines(merged.dir().resolve("events.jsonl")).count();
    // a view the recorder reported twice alike (once more as its document loaded) is one event
    long shards = Stream.concat(
            Files.lines(first.resolve("events.jsonl")), Files.lines(second.resolve("events.jsonl")))
        .distinct()
        .count();
    assertEquals(events, shards, "both shards' events, each once");
    assertEquals(
        merged.summary().pages().stream()
            .map(p -> p.page() + " " + p.screenshot())
            .toList(),
        whole.summary().pages().stream()
            .map(p -> p.page() + " " + p.screenshot())
            .toList(),
        "each page drawn on a screenshot where the whole run had one (/stall.html never loads)");
    for (Summary.PageRow page : merged.summary().pages()) {
      assertTrue(
          Files.isRegularFile(merged.dir().resolve(page.maps().click())),
          page.maps().click());
      if (page.screenshot() != null) {
        assertTrue(Files.isRegularFile(merged.dir().resolve(page.screenshot())), page.screenshot());
      }
    }
    assertTrue(
        merged.summary().pages().stream().filter(p -> p.screenshot() != null).count() >= 2);
    assertTrue(Files.isRegularFile(merged.dir().resolve("junit.xml")));
    assertTrue(Files.isRegularFile(merged.dir().resolve("index.html")));
  }

  @Test
  public void a_shard_folder_says_which_shard_of_which_run_it_is() throws IOException {
    ShardFolder.Info one = ShardFolder.read(first);
    ShardFolder.Info two = ShardFolder.read(second);
    assertEquals(one.shard(), "1/2");
    assertEquals(
        List.of(one.index(), one.count(), one.planSize(), one.from(), one.to()),
        List.of(1, 2, 8, 0, 4));
    assertEquals(one.first(), "crowd/1280x800/1");
    assertEquals(one.last(), "crowd/390x844/1");
    assertEquals(two.shard(), "2/2");
    assertEquals(List.of(two.from(), two.to()), List.of(4, 8));
    assertEquals(two.first(), "crowd/390x844/2");
    assertEquals(two.last(), "stall/1280x800/2");
    assertEquals(two.plan(), one.plan(), "one run, one plan");
    assertTrue(one.plan().matches("[0-9a-f]{16}"), one.plan());
    assertNotEquals(ShardFolder.read(other).plan(), one.plan());
    assertEquals(one.baseUrl(), site.baseUrl());
    ShardFolder.Kept crowd = one.scenarios().get(0);
    assertEquals(crowd.file(), dir.resolve("crowd.yaml").toString());
    assertEquals(
        Files.readString(first.resolve(crowd.kept())), Files.readString(dir.resolve("crowd.yaml")));
  }

  @Test
  public void an_incomplete_set_is_refused() throws IOException {
    String plan = ShardFolder.read(first).plan();
    assertRefused(List.of(first), "shard 2/2 of plan " + plan + " is missing; merge needs all 2");
  }

  @Test
  public void a_set_mixed_from_two_runs_is_refused() throws IOException {
    assertRefused(
        List.of(first, other),
        first + " and " + other + " are shards of different runs (plan "
            + ShardFolder.read(first).plan() + " and plan "
            + ShardFolder.read(other).plan()
            + "); merge the shards of one run");
  }

  @Test
  public void an_overlapping_set_is_refused() throws IOException {
    Path copy = dir.resolve("shard-1-again");
    copyTree(first, copy);
    assertRefused(
        List.of(first, copy, second),
        "shard 1/2 of plan " + ShardFolder.read(first).plan() + " is given twice: " + first
            + " and " + copy);
  }

  @Test
  public void a_run_that_is_not_a_shard_is_refused() {
    assertRefused(
        List.of(whole.dir(), first),
        whole.dir() + " is a heatcheck run but not a shard: it has no shard.json"
            + " (heatcheck run --shard I/N writes one)");
    assertRefused(
        List.of(dir.resolve("crowd.yaml")),
        dir.resolve("crowd.yaml")
            + " is not a folder; give the shard folders that heatcheck run --shard wrote");
  }

  @Test
  public void an_out_folder_inside_a_shard_is_refused() {
    Path inside = first.resolve("merged");
    BadShards refused =
        expectThrows(BadShards.class, () -> Merge.merge(List.of(first, second), inside, QUIET));
    assertEquals(
        refused.getMessage(),
        "--out " + inside + " is inside the shard folder " + first
            + "; write the merged run to another folder");
    assertFalse(Files.exists(inside));
  }

  private void assertRefused(List<Path> shards, String message) {
    Path out = dir.resolve("refused");
    BadShards refused = expectThrows(BadShards.class, () -> Merge.merge(shards, out, QUIET));
    assertEquals(refused.getMessage(), message);
    assertFalse(Files.exists(out), "nothing is written for a refused set");
  }

  private static List<String> findings(Summary summary) {
    return summary.findings().stream()
        .map(f -> f.kind().id() + " " + f.scenario() + " " + f.page() + " " + f.viewport() + " "
            + f.selector() + " " + f.count())
        .sorted()
        .toList();
  }

  private static List<String> clicks(Summary summary) {
    return summary.pages().stream()
        .flatMap(p -> p.elements().stream()
            .map(e -> p.page() + " " + p.bucket() + " views " + p.views() + " clicks " + p.clicks()
                + " " + e.selector() + " " + e.clicks()))
        .sorted()
        .toList();
  }

  private static List<String> checks(Summary summary) {
    return summary.checks().stream()
        .map(c -> c.scenario() + " " + c.rule() + " " + level(c) + " " + c.actual() + " " + c.at())
        .toList();
  }

  private static String level(Check check) {
    return check.level().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> failedVisitors(Summary summary) {
    return summary.failedVisitors().stream()
        .map(v -> v.session() + " " + v.at() + " " + v.step() + " " + v.reason())
        .toList();
  }

  /** Each click's session, target and point inside its element (as shares of its box). */
  private static List<String> clickPoints(Path run) throws IOException {
    List<String> points = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
      JsonNode event = Json.mapper().readTree(line);
      if ("click".equals(event.path("type").asText())) {
        JsonNode target = event.path("target");
        points.add(
            event.path("session").asText() + " " + target.path("selector").asText() + " "
                + target.path("rx").asText() + "," + target.path("ry").asText());
      }
    }
    Collections.sort(points);
    return points;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
