package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * heatcheck run --trace: a Playwright trace per visitor, traces/<session>.zip in the run folder, as
 * playwright show-trace opens it; also for a visitor a deadline ended; and no traces without the flag.
 */
@Test(groups = BrowserTest.GROUP)
public class TraceRunTest {
  private LocalServer site;
  private Path dir;

  @BeforeClass
  public void startTheSite() throws IOException {
    site = LocalServer.serve("fixtures/faults");
    dir = Files.createTempDirectory("heatcheck-trace");
  }

  @AfterClass(alwaysRun = true)
  public void stopTheSite() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  public void with_trace_each_visitor_has_a_zip_that_holds_its_trace_named_for_its_session()
      throws IOException {
    Path file = scenario("traced.yaml", """
        url: /
        visitors: 2
        steps:
          - click: "#ok"
        """);
    Path out = dir.resolve("traced-out");

    Cli run = Cli.run(
        "run",
        "--base-url",
        site.baseUrl(),
        "--out",
        out.toString(),
        "--no-install",
        "--trace",
        file.toString());

    assertEquals(run.code(), 0, run.toString());
    Path traces = out.resolve("traces");
    assertEquals(
        names(traces), List.of("traced_1280x800_1.zip", "traced_1280x800_2.zip"), run.toString());
    for (Path zip :
        List.of(traces.resolve("traced_1280x800_1.zip"), traces.resolve("traced_1280x800_2.zip"))) {
      String trace = assertHoldsATrace(zip);
      assertTrue(trace.contains("\"frame-snapshot\""), "DOM snapshots are on: " + zip);
      assertTrue(trace.contains("\"screencast-frame\""), "screenshots are on: " + zip);
      assertTrue(trace.contains("\"type\":\"before\""), "the visitor's actions are in it: " + zip);
    }
    assertTrue(
        assertHoldsATrace(traces.resolve("traced_1280x800_2.zip")).contains("traced/1280x800/2"),
        "the trace's title is the session");
    assertTrue(run.out().contains("Traces: " + traces), run.out());
  }

  @Test
  public void a_visitor_ended_by_a_deadline_still_leaves_its_trace() throws IOException {
    Path file = scenario("frozen.yaml", """
        url: /
        timeouts: {step: 3000}
        steps:
          - click: "#ok"
          - click: "#freeze"
        """);
    Path out = dir.resolve("frozen-out");

    Cli run = Cli.run(
        "run",
        "--base-url",
        site.baseUrl(),
        "--out",
        out.toString(),
        "--no-install",
        "--trace",
        file.toString());

    assertEquals(run.code(), 1, "the visitor failed: " + run);
    assertTrue(Files.readString(out.resolve("summary.json")).contains("timeouts.step (3000 ms)"));
    String trace = assertHoldsATrace(out.resolve("traces").resolve("frozen_1280x800_1.zip"));
    assertTrue(
        trace.contains("#ok") || trace.contains("\"type\":\"before\""), "its actions: " + run);
  }

  @Test
  public void without_trace_no_traces_folder_is_written() throws IOException {
    Path file = scenario("untraced.yaml", """
        url: /
        steps:
          - click: "#ok"
        """);
    Path out = dir.resolve("untraced-out");

    Cli run = Cli.run(
        "run",
        "--base-url",
        site.baseUrl(),
        "--out",
        out.toString(),
        "--no-install",
        file.toString());

    assertEquals(run.code(), 0, run.toString());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")), run.toString());
    assertFalse(Files.exists(out.resolve("traces")), names(out).toString());
    assertFalse(run.out().contains("Traces:"), run.out());
  }

  /** The zip's trace.trace entry, as text, after checking it is there and not empty. */
  private static String assertHoldsATrace(Path zip) throws IOException {
    assertTrue(Files.isRegularFile(zip), zip + " written");
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry trace = file.getEntry("trace.trace");
      assertTrue(trace != null, zip + " holds trace.trace: " + entries(file));
      assertTrue(file.getEntry("trace.network") != null, zip + " holds trace.network");
      String text = new String(file.getInputStream(trace).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("{\"version\":"), text.substring(0, Math.min(200, text.length())));
      assertTrue(text.contains("\"type\":\"context-options\""), "a trace's first event");
      return text;
    }
  }

  private static List<String> entries(ZipFile file) {
    List<String> names = new ArrayList<>();
    file.stream().forEach(e -> names.add(e.getName()));
    return names;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path scenario(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
