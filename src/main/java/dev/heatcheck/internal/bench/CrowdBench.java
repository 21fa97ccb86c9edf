package dev.heatcheck.internal.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.crowd.Workers;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code heatcheck bench crowd}: a crowd of the demo shop's visitors played by heatcheck, on the path
 * {@code heatcheck run} takes ({@link Pipeline#run} with workers: recording, screenshots, analysis,
 * maps and reports), and the same visits played by plain Playwright for Java at the same concurrency
 * with nothing recorded ({@link PlainCrowd}). Both sides start their browsers inside their wall time,
 * as a user's run does. The shop is served once, on a free port of 127.0.0.1, for both.
 */
public final class CrowdBench {
  public static final double GOAL_RATIO = 1.2;
  public static final int GOAL_VISITORS = 200;
  public static final double GOAL_MINUTES = 4.5;
  /** One viewport: the crowd's size is its visitors, not visitors times viewports. */
  public static final Viewport VIEWPORT = new Viewport(1280, 800);
  /** The pages a demo-shop visitor sees, loaded once before either side is timed. */
  private static final List<String> WARM_UP_PAGES =
      List.of("/", "/products", "/product/1", "/checkout");

  private static final int FAILURES_SHOWN = 5;

  /**
   * @param scenario the demo shop's scenario file; played at {@link #VIEWPORT} only
   * @param workers visitors played at once on each side; 0 for as many as {@code run} would choose
   * @param out where to keep the heatcheck side's run folder; empty for a temporary one, deleted
   */
  public record Options(
      Path scenario,
      int visitors,
      int workers,
      Optional<Path> browser,
      boolean mayInstall,
      Optional<Path> out) {}

  /**
   * One side's figures.
   *
   * @param peakHeapBytes this JVM's heap in use at its highest, garbage included
   * @param peakBrowserBytes the Playwright drivers' and Chromium processes' PSS, summed, at its highest;
   *     empty where /proc cannot tell
   * @param failures one line per visitor (or step) that failed: session and reason
   */
  public record Side(
      String name,
      int visitors,
      int workers,
      long wallNanos,
      long peakHeapBytes,
      OptionalLong peakBrowserBytes,
      long clicks,
      List<String> failures) {
    public Side {
      failures = List.copyOf(failures);
    }

    public double wallSeconds() {
      return wallNanos / 1e9;
    }

    public double visitorsPerMinute() {
      return visitors / (wallSeconds() / 60);
    }
  }

  /** Both sides; the ratio is heatcheck's wall time over plain Playwright's. */
  public record Outcome(Side heatcheck, Side plain) {
    public double ratio() {
      return (double) heatcheck.wallNanos() / plain.wallNanos();
    }
  }

  private CrowdBench() {}

  public static Outcome run(Options options, PrintStream out, PrintStream progress) {
    Scenario scenario = ScenarioLoader.load(options.scenario())
        .withViewports(List.of(VIEWPORT))
        .withVisitors(options.visitors());
    // as run counts them, so both sides play at the concurrency run itself would
    int workers = Workers.count(options.workers(), options.visitors());
    Path scratch = createTempDir();
    try (LocalServer shop = DemoSite.start()) {
      out.printf(
          Locale.ROOT,
          "heatcheck bench crowd: %s at %s, %d visitors on %d workers (each its own Playwright and"
              + " Chromium), the demo shop on %s%n",
          options.scenario(),
          VIEWPORT.label(),
          options.visitors(),
          workers,
          shop.baseUrl());
      out.printf(
          Locale.ROOT,
          "machine: %d cores, Java %s, max heap %.0f MB; heatcheck first, then plain Playwright%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() / 1e6);
      Supplier<BrowserSession> browsers =
          () -> BrowserSession.open(options.browser(), options.mayInstall(), progress);
      warmUp(browsers, shop.baseUrl(), progress);
      Path dir = options.out().map(OutputDir::create).orElse(scratch.resolve("run"));
      Side heatcheck = heatcheck(scenario, shop.baseUrl(), dir, options, workers, progress);
      Side plain = plain(scenario, shop.baseUrl(), workers, browsers, progress);
      Outcome outcome = new Outcome(heatcheck, plain);
      out.println();
      print(outcome, out);
      return outcome;
    } finally {
      deleteTree(scratch);
    }
  }

  /** One browser loads the shop's pages once: neither side pays for a cold disk cache or server. */
  private static void warmUp(
      Supplier<BrowserSession> browsers, String baseUrl, PrintStream progress) {
    progress.println("heatcheck: warm-up (one Chromium, the shop's pages loaded once)");
    try (BrowserSession session = browsers.get()) {
      BrowserContext context = session.browser().newContext();
      Page page = context.newPage();
      for (String path : WARM_UP_PAGES) {
        page.navigate(baseUrl + path);
      }
      context.close();
    }
  }

  private static Side heatcheck(
      Scenario scenario,
      String baseUrl,
      Path dir,
      Options options,
      int workers,
      PrintStream progress) {
    progress.println("heatcheck: the crowd played by heatcheck run, into " + dir);
    RunOptions run = new RunOptions(
            baseUrl, dir, options.browser(), options.mayInstall(), Buckets.defaults())
        .withWorkers(workers);
    System.gc();
    try (HeapSampler heap = new HeapSampler();
        ProcessSampler processes = new ProcessSampler()) {
      long start = System.nanoTime();
      RunResult result = Pipeline.run(List.of(scenario), run, progress, progress);
      long wall = System.nanoTime() - start;
      Summary summary = result.summary();
      List<String> failures = new ArrayList<>();
      summary
          .failedSteps()
          .forEach(s -> failures.add(s.scenario() + "/" + s.viewport() + " at " + s.at() + ": "
              + s.message() + " (the visitors after it were not played)"));
      summary.failedVisitors().forEach(v -> failures.add(v.session() + ": " + v.reason()));
      long clicks =
          summary.scenarios().stream().mapToLong(Summary.ScenarioRun::clicks).sum();
      return new Side(
          "heatcheck run",
          scenario.visitors(),
          workers,
          wall,
          heap.peakBytes(),
          processes.peakBytes(),
          clicks,
          failures);
    }
  }

  private static Side plain(
      Scenario scenario,
      String baseUrl,
      int workers,
      Supplier<BrowserSession> browsers,
      PrintStream progress) {
    progress.println("heatcheck: the same crowd played by plain Playwright, nothing recorded");
    PlainCrowd crowd = new PlainCrowd(scenario, VIEWPORT, baseUrl);
    System.gc();
    try (HeapSampler heap = new HeapSampler();
        ProcessSampler processes = new ProcessSampler()) {
      long start = System.nanoTime();
      PlainCrowd.Played played = crowd.play(scenario.visitors(), workers, browsers);
      long wall = System.nanoTime() - start;
      return new Side(
          "plain Playwright",
          scenario.visitors(),
          workers,
          wall,
          heap.peakBytes(),
          processes.peakBytes(),
          played.clicks(),
          played.failures());
    }
  }

  /** The figures of both sides, the goals, and one line to quote. */
  static void print(Outcome outcome, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "  %-17s %8s %8s %11s %13s %10s %14s %7s %7s%n",
        "",
        "visitors",
        "workers",
        "wall time",
        "visitors/min",
        "peak heap",
        "peak browsers",
        "clicks",
        "failed");
    for (Side side : List.of(outcome.heatcheck(), outcome.plain())) {
      out.printf(
          Locale.ROOT,
          "  %-17s %8d %8d %9.1f s %13.1f %7.0f MB %14s %7d %7d%n",
          side.name(),
          side.visitors(),
          side.workers(),
          side.wallSeconds(),
          side.visitorsPerMinute(),
          side.peakHeapBytes() / 1e6,
          side.peakBrowserBytes().isPresent()
              ? String.format(Locale.ROOT, "%.0f MB", side.peakBrowserBytes().getAsLong() / 1e6)
              : "n/a",
          side.clicks(),
          side.failures().size());
    }
    out.printf(
        Locale.ROOT,
        "  peak heap: this JVM's heap in use, sampled every %d ms (garbage included); peak browsers: the"
            + " PSS of the Playwright drivers and Chromium processes, summed, sampled every %d s%n",
        HeapSampler.PERIOD_MS,
        ProcessSampler.PERIOD_MS / 1000);
    for (Side side : List.of(outcome.heatcheck(), outcome.plain())) {
      List<String> failures = side.failures();
      for (int i = 0; i < Math.min(FAILURES_SHOWN, failures.size()); i++) {
        out.println("  failed (" + side.name() + "): " + failures.get(i));
      }
      if (failures.size() > FAILURES_SHOWN) {
        out.println(
            "  failed (" + side.name() + "): and " + (failures.size() - FAILURES_SHOWN) + " more");
      }
    }
    double ratio = outcome.ratio();
    out.printf(
        Locale.ROOT,
        "goal: heatcheck <= %.1f × plain Playwright at the same concurrency: %s (ratio %.2f)%n",
        GOAL_RATIO,
        ratio <= GOAL_RATIO ? "met" : "not met",
        ratio);
    Side heatcheck = outcome.heatcheck();
    double minutes = heatcheck.wallSeconds() / 60;
    if (heatcheck.visitors() == GOAL_VISITORS) {
      out.printf(
          Locale.ROOT,
          "goal: %d visitors in <= %.1f min: %s (%.1f min)%n",
          GOAL_VISITORS,
          GOAL_MINUTES,
          minutes <= GOAL_MINUTES ? "met" : "not met",
          minutes);
    } else {
      out.printf(
          Locale.ROOT,
          "goal: %d visitors in <= %.1f min: not measured (this crowd had %d visitors)%n",
          GOAL_VISITORS,
          GOAL_MINUTES,
          heatcheck.visitors());
    }
    out.printf(
        Locale.ROOT,
        "crowd of %d visitors on %d workers: heatcheck %.1f s (%.1f/min), plain Playwright %.1f s"
            + " (%.1f/min), ratio %.2f%n",
        heatcheck.visitors(),
        heatcheck.workers(),
        heatcheck.wallSeconds(),
        heatcheck.visitorsPerMinute(),
        outcome.plain().wallSeconds(),
        outcome.plain().visitorsPerMinute(),
        ratio);
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("heatcheck-bench-crowd-");
    } catch (IOException e) {
      throw new HeatcheckException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // a leftover temporary file is all that is at stake
    }
  }
}
