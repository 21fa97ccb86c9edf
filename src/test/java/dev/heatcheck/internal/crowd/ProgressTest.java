package dev.heatcheck.internal.crowd;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.testng.annotations.Test;

public class ProgressTest {
  @Test
  public void a_log_gets_plain_lines_and_the_last_says_how_it_ended() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Progress progress =
        Progress.lines(new PrintStream(out, true, StandardCharsets.UTF_8), 3_600_000);
    progress.start(3, 2);
    progress.ended(false);
    progress.ended(true);
    progress.ended(false);
    progress.finish();
    String told = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        told.matches("Visitors 3/3 done on 2 worker\\(s\\), [0-9.]+/min, in \\d+s, 1 failed\\R"),
        told);
  }

  @Test
  public void a_log_is_told_again_only_when_visitors_ended_or_after_a_long_quiet() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Progress progress =
        Progress.lines(new PrintStream(out, true, StandardCharsets.UTF_8), 3_600_000);
    long start = System.currentTimeMillis();
    progress.start(4, 2);
    progress.tell(start + 5_000);
    progress.tell(start + 10_000);
    progress.ended(false);
    progress.tell(start + 15_000);
    progress.tell(start + 20_000);
    progress.tell(start + 15_000 + Progress.LOG_QUIET_MAX_MS);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
    assertEquals(lines.length, 2, String.join("|", lines));
    assertTrue(lines[0].startsWith("Visitors 1/4 done"), lines[0]);
    assertTrue(lines[1].startsWith("Visitors 1/4 done"), lines[1]);
    progress.finish();
  }

  @Test
  public void a_terminal_gets_one_line_rewritten_in_place_and_ended_when_the_crowd_is() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Progress progress =
        Progress.live(new PrintStream(out, true, StandardCharsets.UTF_8), 3_600_000);
    progress.start(2, 2);
    progress.ended(false);
    progress.ended(false);
    progress.finish();
    String told = out.toString(StandardCharsets.UTF_8);
    assertTrue(told.startsWith("\rVisitors 1/2 done on 2 worker(s), "), told);
    assertTrue(told.contains(" left, 0 failed\rVisitors 2/2 done on 2 worker(s), "), told);
    assertEquals(told.chars().filter(c -> c == '\n').count(), 1L, "one line: " + told);
    assertTrue(told.endsWith(System.lineSeparator()), told);
  }

  @Test
  public void one_visitor_tells_nothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Progress progress = Progress.lines(new PrintStream(out, true, StandardCharsets.UTF_8), 10);
    progress.start(1, 1);
    progress.ended(false);
    progress.finish();
    assertEquals(out.toString(StandardCharsets.UTF_8), "");
  }

  @Test
  public void durations_read_as_a_person_says_them() {
    assertEquals(Progress.duration(4_400), "4s");
    assertEquals(Progress.duration(125_000), "2m 05s");
    assertEquals(Progress.duration(3_725_000), "1h 02m");
  }
}
