package dev.heatcheck.cli;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.result.HeatcheckException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that drives a browser takes. */
final class CommonOptions {
  static final Path REPORTS = Path.of("reports");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder (default: reports/<timestamp>, with reports/latest pointing at it).")
  Path out;

  @Option(
      names = "--browser",
      paramLabel = "PATH",
      description =
          "Chrome or Chromium to drive (default: $HEATCHECK_BROWSER, Playwright's, then the system's).")
  Path browser;

  @Option(
      names = "--buckets",
      paramLabel = "SPEC",
      defaultValue = "mobile<768,tablet<1024,desktop",
      description = "How viewport widths group into maps (default: ${DEFAULT-VALUE}).")
  String buckets;

  @Option(
      names = "--no-install",
      description =
          "Never install Playwright's Chromium when no browser is found; fail with the fix instead.")
  boolean noInstall;

  RunOptions toRunOptions(String baseUrl) {
    Buckets grouping = buckets();
    Path dir = out != null ? OutputDir.create(out) : OutputDir.timestamped(REPORTS);
    return new RunOptions(baseUrl, dir, Optional.ofNullable(browser), !noInstall, grouping);
  }

  Buckets buckets() {
    try {
      return Buckets.parse(buckets);
    } catch (HeatcheckException e) {
      throw new Failures.UsageProblem(e.getMessage());
    }
  }

  /** Moves reports/latest only for runs that wrote into reports/. */
  void afterRun(Path dir) {
    if (out == null) {
      OutputDir.pointLatest(REPORTS, dir);
    }
  }
}
