package dev.heatcheck.internal.bench;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/**
 * heatcheck report over a crowd's events in a JVM with a small heap: the generator plants clicks,
 * dead, error and rage clicks per element; the report must find exactly those, and finish.
 */
public class CrowdReportTest {
  /** 300,000 clicks of about 23,000 visitors: far more than 96 MB could hold as events. */
  private static final long CLICKS = 300_000;

  @Test
  public void
      a_report_over_300000_clicks_of_23000_visitors_finds_exactly_what_was_planted_in_96_mb_of_heap()
          throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("heatcheck-crowd");
    Path events = dir.resolve("events.jsonl");
    ClickGenerator.Planted planted = new ClickGenerator(800, 1200).write(events, CLICKS);
    assertTrue(planted.sessions() > 20_000, "visitors: " + planted.sessions());
    Path out = dir.resolve("report");

    Process process = new ProcessBuilder(List.of(
            javaBin(),
            "-Xmx96m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.heatcheck.cli.Main",
            "report",
            "--events",
            events.toString(),
            "--out",
            out.toString(),
            "--no-install"))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the report did not end");

    assertEquals(process.exitValue(), 0, output);
    assertTrue(
        output.contains("Read " + planted.events() + " event(s), " + planted.clicks()
            + " click(s), from 1 file(s)"),
        output);
    assertFalse(output.contains("warning"), output);
    Summary summary = SummaryFile.read(out.resolve(SummaryFile.NAME));
    ByteArrayOutputStream mismatch = new ByteArrayOutputStream();
    assertTrue(
        ReportBench.countsMatch(
            summary, planted, new PrintStream(mismatch, true, StandardCharsets.UTF_8)),
        mismatch.toString(StandardCharsets.UTF_8));
    long pageClicks =
        summary.pages().stream().mapToLong(Summary.PageRow::clicks).sum();
    assertEquals(pageClicks, planted.clicks());
    assertEquals(
        summary.events(),
        events.toAbsolutePath().normalize().toString(),
        "read where it is, not copied");
    assertFalse(Files.exists(out.resolve("events.jsonl")));
    List<String> kinds = new ArrayList<>();
    summary.findings().forEach(f -> kinds.add(f.kind().id()));
    assertTrue(kinds.containsAll(List.of("dead", "rage", "error")), kinds.toString());
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
