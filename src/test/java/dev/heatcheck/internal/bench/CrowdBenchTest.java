package dev.heatcheck.internal.bench;

import static org.testng.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.testng.annotations.Test;

/** What bench crowd prints, from given figures: nothing is run or timed here. */
public class CrowdBenchTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  public void the_report_gives_each_side_its_figures_the_goals_and_the_ratio() {
    CrowdBench.Outcome outcome = new CrowdBench.Outcome(
        side("heatcheck run", 200, 262_400, 312, OptionalLong.of(2_140), 2800, List.of()),
        side("plain Playwright", 200, 240_100, 45, OptionalLong.of(1_980), 2800, List.of()));

    assertEquals(printed(outcome), """
                            visitors  workers   wall time  visitors/min  peak heap  peak browsers  clicks  failed
          heatcheck run          200        8     262.4 s          45.7     312 MB        2140 MB    2800       0
          plain Playwright       200        8     240.1 s          50.0      45 MB        1980 MB    2800       0
          peak heap: this JVM's heap in use, sampled every 10 ms (garbage included); peak browsers: the PSS of the Playwright drivers and Chromium processes, summed, sampled every 2 s
        goal: heatcheck <= 1.2 × plain Playwright at the same concurrency: met (ratio 1.09)
        goal: 200 visitors in <= 4.5 min: met (4.4 min)
        crowd of 200 visitors on 8 workers: heatcheck 262.4 s (45.7/min), plain Playwright 240.1 s (50.0/min), ratio 1.09
        """);
  }

  @Test
  public void goals_not_met_failures_and_memory_that_cannot_be_read_are_said_so() {
    List<String> failed = List.of(
        "demo-shop/1280x800/1: timeouts.step (30000 ms) passed",
        "demo-shop/1280x800/2: the browser closed or crashed",
        "demo-shop/1280x800/3: a",
        "demo-shop/1280x800/4: b",
        "demo-shop/1280x800/5: c",
        "demo-shop/1280x800/6: d",
        "demo-shop/1280x800/7: e");
    CrowdBench.Outcome outcome = new CrowdBench.Outcome(
        side("heatcheck run", 8, 60_000, 100, OptionalLong.empty(), 14, failed),
        side("plain Playwright", 8, 40_000, 20, OptionalLong.empty(), 112, List.of()));

    List<String> lines = printed(outcome).lines().toList();

    assertEquals(
        lines.get(1),
        "  heatcheck run            8        8      60.0 s           8.0     100 MB            n/a      14       7");
    assertEquals(
        lines.get(4),
        "  failed (heatcheck run): demo-shop/1280x800/1: timeouts.step (30000 ms) passed");
    assertEquals(lines.get(8), "  failed (heatcheck run): demo-shop/1280x800/5: c");
    assertEquals(lines.get(9), "  failed (heatcheck run): and 2 more");
    assertEquals(
        lines.get(10),
        "goal: heatcheck <= 1.2 × plain Playwright at the same concurrency: not met (ratio 1.50)");
    assertEquals(
        lines.get(11),
        "goal: 200 visitors in <= 4.5 min: not measured (this crowd had 8 visitors)");
    assertEquals(lines.size(), 13);
  }

  @Test
  public void the_pss_line_of_smaps_rollup_is_read_in_bytes() {
    assertEquals(
        ProcessSampler.pssOf(List.of(
            "55bbb97ea000-7ffe0e02a000 ---p 00000000 00:00 0    [rollup]",
            "Rss:                1688 kB",
            "Pss:                 305 kB",
            "Pss_Dirty:           112 kB")),
        305 * 1024);
    assertEquals(ProcessSampler.pssOf(List.of("Rss: 1 kB")), 0);
  }

  private static CrowdBench.Side side(
      String name,
      int visitors,
      long wallMs,
      long heapMb,
      OptionalLong browserMb,
      long clicks,
      List<String> failures) {
    return new CrowdBench.Side(
        name,
        visitors,
        8,
        wallMs * SECOND / 1000,
        heapMb * 1_000_000,
        browserMb.isPresent() ? OptionalLong.of(browserMb.getAsLong() * 1_000_000) : browserMb,
        clicks,
        failures);
  }

  private static String printed(CrowdBench.Outcome outcome) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CrowdBench.print(outcome, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
