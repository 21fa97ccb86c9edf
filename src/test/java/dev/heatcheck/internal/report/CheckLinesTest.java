package dev.heatcheck.internal.report;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Level;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** The console and junit.xml say a check, and a step that could not be done, in the same words. */
public class CheckLinesTest {
  private static final Summary SUMMARY = new Summary(
      Summary.VERSION,
      "heatcheck test",
      "run-1",
      "2026-11-23T00:00:00Z",
      null,
      null,
      "Chromium",
      false,
      List.of(new Summary.ScenarioRun("guide", "guide.yaml", List.of("1280x800"), 1, 3, false)),
      List.of(),
      List.of(
          new Check("guide", "deadClicks", Level.PASS, 0, 0, null, Bound.MAX, "guide.yaml:9:3"),
          new Check(
              "guide",
              "scrollReach #footer",
              Level.WARN,
              0.6,
              0.5,
              0.8,
              Bound.MIN,
              "guide.yaml:11:3"),
          new Check("guide", "rageClicks", Level.FAIL, 2, 1, null, Bound.MAX, "guide.yaml:12:3"),
          new Check(
              "guide",
              "newDeadClicks",
              Level.SKIP,
              "no baseline to compare with",
              0,
              null,
              Bound.MAX,
              "guide.yaml:13:3")),
      List.of(new FailedStep(
          "guide",
          "1280x800",
          "click \"#next\": no visible element matched within 5000 ms",
          "guide.yaml:6:5")),
      List.of(),
      "events.jsonl",
      new Summary.Grouping("mobile<768,tablet<1024,desktop", List.of()),
      null,
      List.of(),
      List.of(),
      List.of());

  @Test
  public void the_console_lists_the_undone_step_and_every_check_that_did_not_simply_pass() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleReport.print(
        SUMMARY, Path.of("run"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    String checks = out.substring(
        out.indexOf("Checks:"), out.indexOf(System.lineSeparator() + System.lineSeparator()));
    assertEquals(
        checks,
        String.join(
            System.lineSeparator(),
            "Checks: 2 passed, 1 failed, 1 with warnings, 1 skipped; 1 step could not be done",
            "  FAIL guide: step failed at 1280x800: click \"#next\": no visible element matched within 5000 ms (guide.yaml:6:5)",
            "  WARN guide: scrollReach #footer was 0.6, limit 0.5, warns below 0.8 (guide.yaml:11:3)",
            "  FAIL guide: rageClicks was 2, limit 1 (guide.yaml:12:3)",
            "  SKIP guide: newDeadClicks skipped: no baseline to compare with (guide.yaml:13:3)"));
  }

  @Test
  public void junit_has_a_failed_case_for_the_step_and_a_case_per_check() throws IOException {
    Path dir = Files.createTempDirectory("junit");
    String xml = Files.readString(JUnitXml.write(SUMMARY, dir));
    assertTrue(
        xml.contains(
            "<testsuite name=\"guide\" tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"1\">"),
        xml);
    assertTrue(
        xml.contains(
            "<testcase classname=\"heatcheck.guide\" name=\"step at guide.yaml:6:5\"><failure message=\""
                + "step failed at 1280x800: click &quot;#next&quot;: no visible element matched within 5000 ms (guide.yaml:6:5)\" type=\"step\">"),
        xml);
    assertTrue(
        xml.contains(
            "<system-out>WARN scrollReach #footer was 0.6, limit 0.5, warns below 0.8 (guide.yaml:11:3)</system-out>"),
        xml);
    assertTrue(
        xml.contains(
            "<failure message=\"rageClicks was 2, limit 1 (guide.yaml:12:3)\" type=\"rageClicks\">"),
        xml);
    assertTrue(!xml.contains("\"steps\""), xml);
  }

  @Test
  public void summary_json_keeps_steps_apart_from_checks_and_reads_back() throws IOException {
    Path dir = Files.createTempDirectory("summary");
    String json = Files.readString(SummaryFile.write(SUMMARY, dir));
    assertTrue(json.contains("\"failedSteps\" : [ {"), json);
    assertTrue(json.contains("\"level\" : \"warn\""), json);
    assertTrue(json.contains("\"passed\" : false"), json);
    assertEquals(SummaryFile.read(dir.resolve(SummaryFile.NAME)).checks(), SUMMARY.checks());
    assertEquals(
        SummaryFile.read(dir.resolve(SummaryFile.NAME)).failedSteps(), SUMMARY.failedSteps());
  }
}
