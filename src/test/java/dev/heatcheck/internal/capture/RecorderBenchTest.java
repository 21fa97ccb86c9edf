package dev.heatcheck.internal.capture;

import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.bench.RecorderBench;
import dev.heatcheck.testing.BrowserTest;
import org.testng.annotations.Test;

/**
 * The recorder's cost, printed with the build: a 200-click visit with recording on and off, and the
 * script's size. {@code heatcheck bench recorder} runs the Driver-like visit, with pointer moves. The goal (ratio <= 1.10) is reported, not asserted: timing on a shared CI
 * machine is too noisy to fail a build on; only a gross regression fails it.
 */
public class RecorderBenchTest extends BrowserTest {
  @Test
  public void prints_the_cost_of_recording_and_the_size_of_the_script() {
    // clicks only: the visit where recording weighs most, and short enough for every build
    RecorderBench.Outcome outcome =
        RecorderBench.run(browser, new RecorderBench.Options(200, 3, 0), System.out);

    assertTrue(outcome.ratio() < 2.0, "recording at most doubles a visit's time: " + outcome);
    assertTrue(
        outcome.gzipBytes() > 0 && outcome.gzipBytes() < outcome.scriptBytes(), outcome.toString());
  }
}
