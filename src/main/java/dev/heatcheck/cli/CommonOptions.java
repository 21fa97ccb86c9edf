package dev.heatcheck.cli;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.browser.Remote;
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
      names = "--browser-url",
      paramLabel = "URL",
      description =
          "A Playwright server's ws:// URL (playwright run-server, browserless, Moon): each worker connects for a browser of its own; launch options travel in the URL as the server accepts them.")
  String browserUrl;

  @Option(
      names = "--grid",
      paramLabel = "URL",
      description =
          "A Selenium Grid 4's URL, e.g. http://127.0.0.1:4444: each worker asks it for a Chrome session, through Playwright's Selenium Grid support.")
  String grid;

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
    Optional<Remote> where = remote();
    Path dir = out != null ? OutputDir.create(out) : OutputDir.timestamped(REPORTS);
    return new RunOptions(baseUrl, dir, Optional.ofNullable(browser), !noInstall, grouping)
        .withRemote(where);
  }

  /** --browser-url or --grid, checked before anything starts; at most one of them, and no --browser. */
  Optional<Remote> remote() {
    if (browserUrl != null && grid != null) {
      throw new Failures.UsageProblem(
          "--browser-url and --grid both name a remote browser; give one of them");
    }
    if ((browserUrl != null || grid != null) && browser != null) {
      throw new Failures.UsageProblem("--browser names a local browser and "
          + (grid != null ? "--grid" : "--browser-url") + " a remote one; give one of them");
    }
    try {
      if (browserUrl != null) {
        return Optional.of(Remote.playwrightServer(browserUrl, "--browser-url"));
      }
      return grid == null ? Optional.empty() : Optional.of(Remote.grid(grid, "--grid"));
    } catch (HeatcheckException e) {
      throw new Failures.UsageProblem(e.getMessage());
    }
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
