package dev.heatcheck.cli;

import dev.heatcheck.internal.bench.CrowdBench;
import dev.heatcheck.internal.crowd.Workers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heatcheck bench crowd}: a subcommand of {@code bench}. */
@Command(
    name = "crowd",
    mixinStandardHelpOptions = true,
    description = {
      "Plays a crowd of the demo shop's visitors (scenarios/demo-shop.yaml at 1280x800) with",
      "heatcheck run on N workers, then the same visits with plain Playwright for Java at the",
      "same concurrency and nothing recorded, and prints for each the wall time, visitors per",
      "minute and peak memory, and the ratio of the two wall times."
    },
    footer = {
      "",
      "Exit codes: 0 the bench ran (met its goals or not), 2 bad input, 3 could not run."
    })
final class BenchCrowdCommand implements Callable<Integer> {
  static final int MAX_VISITORS = 10_000;

  @Option(
      names = "--visitors",
      paramLabel = "N",
      defaultValue = "200",
      description = "Visitors in the crowd (default: ${DEFAULT-VALUE}).")
  int visitors;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description =
          "Visitors played at once, on each side (default: as many as run chooses for this machine).")
  Integer workers;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to keep heatcheck's run folder (default: a temporary folder, deleted).")
  Path out;

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
    CrowdBench.run(options(), System.out, System.err);
    return ExitCodes.PASSED;
  }

  /** What to run, once the flags are checked; nothing is started yet. */
  CrowdBench.Options options() {
    if (visitors < 1 || visitors > MAX_VISITORS) {
      throw new Failures.UsageProblem(
          "--visitors: expected 1 to " + MAX_VISITORS + ", got " + visitors);
    }
    if (workers != null && (workers < 1 || workers > Workers.MAX)) {
      throw new Failures.UsageProblem(
          "--workers: expected 1 to " + Workers.MAX + ", got " + workers);
    }
    return new CrowdBench.Options(
        scenario(),
        visitors,
        workers == null ? 0 : workers,
        Optional.ofNullable(browser),
        !noInstall,
        Optional.ofNullable(out));
  }

  /** scenarios/demo-shop.yaml beside the launcher (heatcheck.home), else in the current folder. */
  static Path scenario() {
    Path file = Path.of(System.getProperty("heatcheck.home", "."))
        .resolve("scenarios")
        .resolve("demo-shop.yaml")
        .normalize();
    if (!Files.isRegularFile(file)) {
      throw new Failures.UsageProblem(
          "no " + file.toAbsolutePath().normalize()
              + "; run heatcheck from its checkout (the ./heatcheck script does) or set -Dheatcheck.home");
    }
    return file;
  }
}
