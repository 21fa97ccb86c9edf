package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.crowd.Shard;
import dev.heatcheck.internal.demo.LocalServer;
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
import java.util.List;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A scenario of replayed actions (as {@code replay --to-scenario} writes them), two of which the page no
 * longer has, run whole and as two shards: the merged run, and a report of the whole run's events alone,
 * give the whole run's replays, and the merge holds them to divergedActions as the run does.
 */
@Test(groups = BrowserTest.GROUP)
public class ReplayOutcomesTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private LocalServer site;
  private Path dir;
  private Path file;
  private RunResult whole;
  private RunResult merged;

  @BeforeClass
  public void runWholeAndInShards() throws IOException {
    site = LocalServer.serve("fixtures/shards");
    dir = Files.createTempDirectory("heatcheck-replay-outcomes");
    file = Files.writeString(dir.resolve("replayed.yaml"), """
        name: replayed
        url: /
        visitors: 2
        viewports: [{width: 1280, height: 800}]
        steps:
          - click: {locate: ["#ok", "text=\\"Works\\""], x: 60, y: 140, recorded: 1200}
          - click: {locate: ["#gone", "text=\\"Gone\\""], x: 60, y: 200, recorded: 2500}
          - input: {locate: ["#nowhere"], value: "x"}
        expect:
          divergedActions: {max: 0}
        """);
    List<Scenario> scenarios = ScenarioLoader.loadAll(List.of(file));
    whole = Pipeline.run(scenarios, options(dir.resolve("whole")), QUIET);
    for (String shard : List.of("1/2", "2/2")) {
      Pipeline.run(
          scenarios,
          options(dir.resolve("shard-" + shard.charAt(0))).withShard(Shard.parse(shard)),
          QUIET);
    }
    merged = Merge.merge(
        List.of(dir.resolve("shard-1"), dir.resolve("shard-2")), dir.resolve("merged"), QUIET);
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  private RunOptions options(Path out) {
    return new RunOptions(site.baseUrl(), out, Optional.empty(), false).withSeed(7L);
  }

  @Test
  public void the_run_counts_each_visitors_replayed_actions_and_divergences() {
    List<Summary.Replay> replays = whole.summary().replays();
    assertEquals(replays.size(), 1, replays.toString());
    Summary.Replay replay = replays.get(0);
    assertEquals(replay.recording(), file.toString());
    assertEquals(
        List.of(
            replay.actions(),
            replay.selector(),
            replay.text(),
            replay.position(),
            replay.notFound()),
        List.of(6, 2, 0, 2, 2),
        replay.toString());
    assertEquals(
        replay.divergences().stream()
            .map(d -> d.session() + " " + d.recordedMs() + " " + d.action() + " "
                + d.lookedFor().get(0) + " " + d.outcome())
            .toList(),
        List.of(
            "replayed/1280x800/1 2500 click #gone position",
            "replayed/1280x800/1 null input #nowhere skipped",
            "replayed/1280x800/2 2500 click #gone position",
            "replayed/1280x800/2 null input #nowhere skipped"));
  }

  @Test
  public void two_shards_merged_have_the_replays_of_the_whole_run_and_fail_its_divergedActions() {
    assertEquals(merged.summary().replays(), whole.summary().replays());
    assertEquals(diverged(merged.summary()), diverged(whole.summary()));
    assertEquals(diverged(whole.summary()), "replayed divergedActions fail 4 " + file + ":10:3");
    assertFalse(merged.summary().passed());
  }

  @Test
  public void a_report_of_the_events_alone_has_the_replays_of_the_run() {
    RunResult reported = Pipeline.report(
        List.of(whole.dir().resolve(Pipeline.EVENTS)), reportOptions("reported"), QUIET);
    assertEquals(reported.summary().replays(), whole.summary().replays());
  }

  /** Events written before the run event named its scenarios' files: the same counts, no recording. */
  @Test
  public void a_report_of_events_whose_run_names_no_files_counts_the_same_without_the_recording()
      throws IOException {
    Path events = dir.resolve("older.jsonl");
    String written = Files.readString(whole.dir().resolve(Pipeline.EVENTS));
    String older = written.replaceAll(",\"files\":\\{[^}]*\\}", "");
    assertTrue(
        written.contains("\"files\":{\"replayed\":"),
        written.lines().findFirst().get());
    assertFalse(older.contains("\"files\""));
    Files.writeString(events, older);

    RunResult reported = Pipeline.report(List.of(events), reportOptions("older"), QUIET);

    Summary.Replay replay = reported.summary().replays().get(0);
    Summary.Replay run = whole.summary().replays().get(0);
    assertNull(replay.recording());
    assertEquals(replay.scenario(), run.scenario());
    assertEquals(
        List.of(replay.actions(), replay.selector(), replay.position(), replay.notFound()),
        List.of(run.actions(), run.selector(), run.position(), run.notFound()));
    assertEquals(
        replay.divergences().stream().map(Summary.Divergence::session).toList(),
        run.divergences().stream().map(Summary.Divergence::session).toList());
  }

  private ReportOptions reportOptions(String name) {
    return new ReportOptions(
        OutputDir.create(dir.resolve(name)),
        Buckets.parse("mobile<768,tablet<1024,desktop"),
        List.of(),
        false,
        null,
        Optional.empty(),
        false);
  }

  private static String diverged(Summary summary) {
    Check check = summary.checks().stream()
        .filter(c -> c.rule().equals("divergedActions"))
        .findFirst()
        .orElseThrow();
    return check.scenario() + " " + check.rule() + " " + check.level().id() + " " + check.actual()
        + " " + check.at();
  }
}
