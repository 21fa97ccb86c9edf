package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** heatcheck report on event files from elsewhere: each fault as a user meets it, through the command line. */
public class ReportEventFilesTest {
  private static final String VIEW =
      "{\"type\":\"view\",\"id\":\"v1\",\"session\":\"s1\",\"scenario\":\"shop\","
          + "\"url\":\"http://127.0.0.1/cart\",\"path\":\"/cart\",\"vw\":1280,\"vh\":800,\"docW\":1280,\"docH\":1600,\"t\":1000}";
  private static final String CLICK =
      "{\"type\":\"click\",\"id\":\"c%d\",\"view\":\"v1\",\"session\":\"s1\",\"t\":%d,\"x\":100,\"y\":100,"
          + "\"target\":{\"selector\":\"#buy\",\"tag\":\"button\",\"text\":\"Buy\",\"box\":[80,80,60,40],\"rx\":0.3,\"ry\":0.5}}";
  private Path dir;

  @BeforeClass
  public void folder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-report-faults");
  }

  @Test
  public void a_garbage_line_is_exit_2_naming_file_and_line_and_leaves_no_events_copy()
      throws Exception {
    Path events = file("garbage.jsonl", VIEW, click(1, 2_000), "this is not json", click(2, 9_000));

    Run run = report(events, "out-garbage");

    assertEquals(run.code, 2, run.toString());
    assertEquals(
        run.err.strip(),
        "heatcheck: " + events
            + ":3:1: not a heatcheck event: Unrecognized token 'this': was expecting"
            + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (to skip such lines and count them: --skip-bad-lines)");
    assertFalse(Files.exists(dir.resolve("out-garbage/events.jsonl")));
  }

  @Test
  public void with_skip_bad_lines_a_garbage_line_is_skipped_counted_and_the_clicks_are_read()
      throws Exception {
    Path events = file("skip.jsonl", VIEW, click(1, 2_000), "this is not json", click(2, 9_000));

    Run run = report(events, "out-skip", "--skip-bad-lines");

    assertEquals(run.code, 0, run.toString());
    assertTrue(run.out.contains("Read 3 event(s), 2 click(s), from 1 file(s)"), run.out);
    assertTrue(
        run.out.contains("warning: 1 bad line(s) skipped (first at " + events + ":3:1)"), run.out);
    assertTrue(run.out.contains("2 click(s)."), run.out);
  }

  @Test
  public void unknown_types_fields_and_effect_kinds_are_one_warning_and_change_no_verdict()
      throws Exception {
    Path events = file(
        "newer.jsonl",
        VIEW,
        "{\"type\":\"hover\",\"id\":\"h1\",\"view\":\"v1\",\"session\":\"s1\",\"t\":1500}",
        click(1, 2_000).replace("\"x\":100", "\"x\":100,\"pressure\":0.4"),
        "{\"type\":\"effect\",\"id\":\"e1\",\"view\":\"v1\",\"session\":\"s1\",\"t\":2100,\"kind\":\"haptic\"}",
        "{\"type\":\"hover\",\"id\":\"h2\",\"view\":\"v1\",\"session\":\"s1\",\"t\":2500}");

    Run run = report(events, "out-newer");

    assertEquals(run.code, 0, run.toString());
    List<String> warnings = run.out.lines().filter(l -> l.startsWith("warning")).toList();
    assertEquals(
        warnings,
        List.of(
            "warning: 2 line(s) of unknown type (hover) skipped; 1 unknown field(s) ignored (pressure);"
                + " 1 click(s) left undetermined: an effect of a kind this version does not know followed them (written by a newer version?)"));
    assertTrue(run.out.contains("No dead, rage or error clicks."), run.out);
    assertFalse(
        run.out.contains("dev.heatcheck") || run.err.contains("dev.heatcheck"), run.toString());
  }

  @Test
  public void a_cut_off_last_line_is_reported_and_the_rest_is_read() throws Exception {
    Path events = file("cut.jsonl", VIEW, click(1, 2_000));
    Files.writeString(
        events,
        "{\"type\":\"click\",\"id\":\"c9\",\"vi",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    Run run = report(events, "out-cut");

    assertEquals(run.code, 0, run.toString());
    assertTrue(run.out.contains("Read 2 event(s), 1 click(s), from 1 file(s)"), run.out);
    assertTrue(
        run.out.contains("warning: last line cut short, skipped: " + events + ":3"), run.out);
    assertTrue(run.out.contains("1 click(s)."), run.out);
  }

  @Test
  public void several_files_are_joined_with_each_click_once_into_the_output_folder()
      throws Exception {
    Path a = file("shard-a.jsonl", VIEW, click(1, 2_000));
    Path b = file("shard-b.jsonl", click(1, 2_000), click(2, 9_000));

    Run run = report(a, "out-shards", "--events", b.toString());

    assertEquals(run.code, 0, run.toString());
    assertTrue(run.out.contains("2 click(s), from 2 file(s)"), run.out);
    assertEquals(Files.readAllLines(dir.resolve("out-shards/events.jsonl")).size(), 3);
  }

  private Path file(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String click(int n, long t) {
    return String.format(CLICK, n, t);
  }

  private Run report(Path events, String out, String... more)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "report",
        "--events",
        events.toString(),
        "--out",
        dir.resolve(out).toString(),
        "--no-install"));
    command.addAll(List.of(more));
    Process process = new ProcessBuilder(command)
        .redirectError(dir.resolve(out + ".err").toFile())
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    return new Run(process.exitValue(), stdout, Files.readString(dir.resolve(out + ".err")));
  }

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }
}
