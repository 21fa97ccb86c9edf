package dev.heatcheck.internal.report;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** The seed fields are additions: files written before them still read, and nothing else changes. */
public class SeedFieldsTest {

  @Test
  public void a_run_event_without_a_seed_reads_as_none_and_one_with_it_keeps_it() throws Exception {
    String old = "{\"type\":\"run\",\"v\":1,\"runId\":\"r\",\"startedAt\":\"t\",\"tool\":\"x\","
        + "\"browser\":\"b\"}";

    Event.Run before = (Event.Run) Json.mapper().readValue(old, Event.class);
    Event.Run now =
        (Event.Run) Json.mapper().readValue(old.replace("}", ",\"seed\":42}"), Event.class);

    assertNull(before.seed());
    assertEquals(before, new Event.Run(1, "r", "t", "x", "b"));
    assertEquals(now.seed(), Long.valueOf(42));
  }

  @Test
  public void a_version_2_summary_without_seeds_still_reads() throws Exception {
    Path dir = Files.createTempDirectory("heatcheck-seed");
    SummaryFile.write(
        summary(new Summary.ScenarioRun("s", "s.yaml", List.of("1280x800"), 1, 3, true, 7L)), dir);
    String written = Files.readString(dir.resolve(SummaryFile.NAME));
    Files.writeString(dir.resolve(SummaryFile.NAME), written.replace("\"seed\" : 7", "\"x\" : 0"));

    Summary read = SummaryFile.read(dir.resolve(SummaryFile.NAME));

    assertEquals(read.version(), 2);
    assertNull(read.scenarios().get(0).seed());
  }

  @Test
  public void a_scenario_seed_goes_into_summary_json_and_back() throws Exception {
    Path dir = Files.createTempDirectory("heatcheck-seed");
    SummaryFile.write(
        summary(new Summary.ScenarioRun(
            "s", "s.yaml", List.of("1280x800"), 1, 3, true, 9_007_199_254_740_991L)),
        dir);

    Summary read = SummaryFile.read(dir.resolve(SummaryFile.NAME));

    assertEquals(read.scenarios().get(0).seed(), Long.valueOf(9_007_199_254_740_991L));
  }

  private static Summary summary(Summary.ScenarioRun scenario) {
    return new Summary(
        Summary.VERSION,
        "heatcheck test",
        "run-1",
        "2026-11-30T00:00:00Z",
        null,
        null,
        "Chromium",
        true,
        List.of(scenario),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "events.jsonl",
        new Summary.Grouping("mobile<768,tablet<1024,desktop", List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
