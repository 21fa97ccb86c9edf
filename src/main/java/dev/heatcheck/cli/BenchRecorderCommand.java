package dev.heatcheck.cli;

import dev.heatcheck.internal.bench.RecorderBench;
import dev.heatcheck.internal.browser.BrowserSession;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heatcheck bench recorder}: a subcommand of {@code bench}. */
@Command(
    name = "recorder",
    mixinStandardHelpOptions = true,
    description = {
      "Times a scenario of clicks on a local page with the in-page recorder attached and",
      "without it (the median of several runs each, in alternating order), prints the",
      "ratio, and prints the size of the recorder script pages get."
    },
    footer = {
      "",
      "Exit codes: 0 the bench ran (met its goals or not), 2 bad input, 3 could not run."
    })
final class BenchRecorderCommand implements Callable<Integer> {
  static final int MAX_CLICKS = 10_000;
  static final int MAX_RUNS = 50;
  static final int MAX_STEPS = 100;

  @Option(
      names = "--clicks",
      paramLabel = "N",
      defaultValue = "200",
      description = "Clicks per visit (default: ${DEFAULT-VALUE}).")
  int clicks;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Runs each way, after a warm-up (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--pointer-steps",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Pointer moves on the way to each click, as the Driver makes; 0 for clicks only (default: ${DEFAULT-VALUE}).")
  int pointerSteps;

  @Option(
      names = "--browser",
      paramLabel = "PATH",
      description =
          "Chrome or Chromium to drive (default: $HEATCHECK_BROWSER, Playwright's, then the system's).")
  Path browser;

  @Option(
      names = "--no-install",
      description =
          "Never install Playwright's Chromium when no browser is found; fail with the fix instead.")
  boolean noInstall;

  @Override
  public Integer call() {
    if (clicks < 1 || clicks > MAX_CLICKS) {
      throw new Failures.UsageProblem("--clicks: expected 1 to " + MAX_CLICKS + ", got " + clicks);
    }
    if (runs < 1 || runs > MAX_RUNS) {
      throw new Failures.UsageProblem("--runs: expected 1 to " + MAX_RUNS + ", got " + runs);
    }
    if (pointerSteps < 0 || pointerSteps > MAX_STEPS) {
      throw new Failures.UsageProblem(
          "--pointer-steps: expected 0 to " + MAX_STEPS + ", got " + pointerSteps);
    }
    try (BrowserSession session =
        BrowserSession.open(Optional.ofNullable(browser), !noInstall, System.err)) {
      RecorderBench.run(
          session.browser(), new RecorderBench.Options(clicks, runs, pointerSteps), System.out);
    }
    return ExitCodes.PASSED;
  }
}
