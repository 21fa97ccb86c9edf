package dev.heatcheck.internal.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.Analyzer;
import dev.heatcheck.internal.analyze.JudgedClick;
import dev.heatcheck.internal.analyze.Rules;
import dev.heatcheck.internal.analyze.Verdict;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.Kind;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Scenario files through the whole run: their judge: and capture: sections, and what reaches the files. */
@Test(groups = BrowserTest.GROUP)
public class ScenarioCaptureTest {
  private static final List<String> TYPED = List.of(
      "jane.doe@example.test",
      "hunter2-secret",
      "my private note",
      "diary entry text",
      "pancakes42",
      "bluecheese77");

  private LocalServer server;
  private RunResult privacy;
  private RunResult judged;
  private RunResult dialogs;

  @BeforeClass
  public void runBothScenarios() throws IOException, URISyntaxException {
    server = CorpusSite.serve();
    privacy = run("privacy.yaml");
    judged = run("judged.yaml");
    dialogs = run("dialogs.yaml");
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  public void no_value_typed_into_a_field_reaches_an_event_the_summary_or_the_report()
      throws IOException {
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(privacy.dir())) {
      walk.filter(Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".png"))
          .forEach(files::add);
    }
    assertTrue(
        files.stream().anyMatch(f -> f.endsWith("events.jsonl"))
            && files.stream().anyMatch(f -> f.endsWith("summary.json")),
        files.toString());
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      for (String typed : TYPED) {
        assertFalse(
            text.contains(typed.toLowerCase(Locale.ROOT)), "\"" + typed + "\" is in " + file);
      }
    }
    assertTrue(
        Files.readString(privacy.dir().resolve("events.jsonl"))
            .contains("results.html?query%5Btext%5D=***"),
        "the visitor did reach the results page");
  }

  @Test
  public void a_scenarios_own_windows_and_rage_rule_judge_its_clicks() {
    Analysis analysis = analysis(judged);
    List<JudgedClick> clicks = analysis.clicks();
    assertEquals(clicks.size(), 5);
    // a mutation after 3.5 s is in time for a 4 s window
    assertEquals(clicks.get(0).verdict(), Verdict.ALIVE, clicks.get(0).toString());
    assertEquals(clicks.get(0).signal(), "mutation");
    // a focus after 0.5 s is too late for a 300 ms window
    assertEquals(clicks.get(1).verdict(), Verdict.DEAD, clicks.get(1).toString());
    // three clicks in a spot are not a rage click when four are needed
    assertTrue(
        analysis.findings().stream().noneMatch(f -> f.kind() == Kind.RAGE),
        analysis.findings().toString());
    assertEquals(
        ((Number) judged.summary().checks().get(0).actual()).intValue(),
        4,
        "the dead focus click and the three scroll clicks");
  }

  @Test
  public void the_scenarios_settings_travel_with_its_page_views_so_a_later_report_judges_alike() {
    List<Event.View> views = new ArrayList<>();
    EventReader.read(judged.dir().resolve("events.jsonl"), e -> {
      if (e instanceof Event.View v) {
        views.add(v);
      }
    });
    assertFalse(views.isEmpty());
    for (Event.View view : views) {
      assertEquals(view.judge().windows(), java.util.Map.of("focus", 300L, "mutation", 4000L));
      assertEquals(view.judge().rage(), new Event.Judging.Rage(4, null, null, true));
    }
  }

  @Test
  public void masking_all_text_leaves_no_text_in_the_events() {
    List<String> texts = new ArrayList<>();
    EventReader.read(judged.dir().resolve("events.jsonl"), e -> {
      if (e instanceof Event.Click c) {
        texts.add(c.target().text());
      }
    });
    assertEquals(texts, List.of("***", "***", "***", "***", "***"));
  }

  @Test
  public void
      a_click_that_opens_a_dialog_ends_its_visit_and_is_alive_with_the_dialog_as_its_signal() {
    Analysis analysis = analysis(dialogs);
    assertEquals(
        analysis.clicks().stream().map(JudgedClick::verdict).toList(),
        List.of(Verdict.ALIVE, Verdict.ALIVE));
    assertEquals(
        analysis.clicks().stream().map(JudgedClick::signal).toList(), List.of("dialog", "dialog"));
    List<String> seenByTheBrowser = new ArrayList<>();
    EventReader.read(dialogs.dir().resolve("events.jsonl"), e -> {
      if (e instanceof Event.Effect effect
          && effect.kind().equals("dialog")
          && effect.detail() != null) {
        seenByTheBrowser.add(effect.detail());
      }
    });
    assertEquals(seenByTheBrowser, List.of("alert", "confirm"));
    assertTrue(dialogs.summary().passed());
  }

  private RunResult run(String scenario) throws IOException, URISyntaxException {
    Path file = Path.of(getClass()
        .getClassLoader()
        .getResource("fixtures/corpus/scenarios/" + scenario)
        .toURI());
    Path out = Files.createTempDirectory("heatcheck-scenario-capture");
    return Pipeline.run(
        ScenarioLoader.loadAll(List.of(file)),
        new RunOptions(server.baseUrl(), out, Optional.empty(), false),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  private static Analysis analysis(RunResult run) {
    Analyzer analyzer = new Analyzer(Rules.defaults()).keepingClicks();
    EventReader.read(run.dir().resolve("events.jsonl"), analyzer);
    return analyzer.finish();
  }
}
