package dev.heatcheck.internal.bench;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.ReportOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.pipeline.Stages;
import dev.heatcheck.internal.render.Heatmap;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code heatcheck bench report}: the time and memory of the report users run, over a crowd's events,
 * next to heatmap.js 2.0.5 drawing the same clicks in the same headless Chromium.
 *
 * <p>The events are generated ({@link ClickGenerator}: seeded, so every run reads the same file) into a
 * temporary folder and deleted at the end. {@link Pipeline#report} runs on them as {@code heatcheck
 * report --events FILE} does, once to warm up and then {@value #RUNS} times; the figures are medians.
 * Each report's counts are checked against what the generator planted.
 */
public final class ReportBench {
  static final int WARMUPS = 1;
  static final int RUNS = 3;
  static final int WIDTH = 1440;
  static final int HEIGHT = 5000;
  /** heatmap.js's radius is where a click fades out; a Gaussian is all but gone at 3 sigma. */
  static final int RADIUS_PER_SIGMA = 3;

  static final double GOAL_RATIO = 15;

  /**
   * @param out where the last report is kept; empty for a temporary folder, deleted at the end
   * @param npmCache where heatmap.js is installed from the npm registry and kept for later runs
   */
  public record Options(long clicks, Optional<Path> out, Path npmCache) {}

  /** The figures the last line reports. */
  public record Outcome(
      double reportMs, long peakHeapBytes, double heatmapJsMs, double ratio, boolean countsMatch) {}

  private ReportBench() {}

  public static Outcome run(Options options, PrintStream out, PrintStream progress) {
    HeatmapJsPackage heatmapJs = HeatmapJsPackage.fetch(options.npmCache(), progress);
    Path scratch = createTempDir("heatcheck-bench-report-");
    try {
      return run(options, heatmapJs, scratch, out, progress);
    } finally {
      deleteTree(scratch);
    }
  }

  private static Outcome run(
      Options options,
      HeatmapJsPackage heatmapJs,
      Path scratch,
      PrintStream out,
      PrintStream progress) {
    Path events = scratch.resolve("events.jsonl");
    out.printf(
        Locale.ROOT,
        "heatcheck bench report: %d clicks of a crowd; report is the median of %d runs after %d warm-up%n",
        options.clicks(),
        RUNS,
        WARMUPS);
    out.printf(
        Locale.ROOT,
        "machine: %d cores, Java %s, max heap %.0f MB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1e6);
    progress.println("heatcheck: writing " + options.clicks() + " clicks to " + events);
    long start = System.nanoTime();
    ClickGenerator.Planted planted =
        new ClickGenerator(WIDTH, HEIGHT).write(events, options.clicks());
    out.printf(
        Locale.ROOT,
        "events: %d lines, %d clicks of %d visitors on 2 pages at 2 viewports, %.1f MB, written in %.1f s"
            + " (seed %d; read from the OS file cache)%n",
        planted.events(),
        planted.clicks(),
        planted.sessions(),
        size(events) / 1e6,
        (System.nanoTime() - start) / 1e9,
        ClickGenerator.SEED);

    List<Map<String, Long>> stages = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    long peak = 0;
    boolean match = true;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    for (int i = 1; i <= WARMUPS + RUNS; i++) {
      boolean warmup = i <= WARMUPS;
      progress.println(
          "heatcheck: report " + (warmup ? "warm-up" : "run " + (i - WARMUPS) + "/" + RUNS));
      Path dir = i == WARMUPS + RUNS && options.out().isPresent()
          ? OutputDir.create(options.out().get())
          : scratch.resolve("report-" + i);
      ReportOptions report = new ReportOptions(
          dir, Buckets.defaults(), List.of(), false, null, Optional.empty(), false);
      System.gc();
      long begin = System.nanoTime();
      Stages.Timed<RunResult> timed;
      try (HeapSampler sampler = new HeapSampler()) {
        timed = Stages.time(() -> Pipeline.report(List.of(events), report, quiet));
        peak = warmup ? peak : Math.max(peak, sampler.peakBytes());
      }
      long total = System.nanoTime() - begin;
      match &= countsMatch(timed.value().summary(), planted, out);
      if (!warmup) {
        totals.add(total);
        stages.add(timed.nanos());
      }
    }
    Samples report = Samples.of(totals.stream().mapToLong(Long::longValue).toArray());
    out.println();
    out.println(
        "heatcheck report --events FILE (in process, as the CLI runs it)      median      runs (ms)");
    for (String stage : stages.get(0).keySet()) {
      Samples samples =
          Samples.of(stages.stream().mapToLong(s -> s.getOrDefault(stage, 0L)).toArray());
      out.printf(
          Locale.ROOT,
          "  %-62s %7.0f ms  (%s)%n",
          STAGES.getOrDefault(stage, stage),
          samples.medianMs(),
          samples.runsMs());
    }
    out.printf(
        Locale.ROOT,
        "  %-62s %7.0f ms  (%s)%n",
        "end to end, summary.json, index.html and junit.xml included",
        report.medianMs(),
        report.runsMs());
    out.printf(
        Locale.ROOT,
        "  peak heap in use, sampled every %d ms (garbage included): %.0f MB of %.0f MB allowed%n",
        HeapSampler.PERIOD_MS,
        peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
    out.printf(
        Locale.ROOT,
        "  counts per page, element and kind equal what the generator planted: %s%n",
        match ? "yes" : "NO");

    int radius = (int) Math.round(RADIUS_PER_SIGMA * Heatmap.DEFAULT_SIGMA_PX);
    progress.println("heatcheck: starting Chromium");
    HeatmapJsRender.Result heatmap;
    String browser;
    try (BrowserSession session = BrowserSession.open(Optional.empty(), false, progress)) {
      browser = session.description();
      heatmap = HeatmapJsRender.measure(
          session,
          heatmapJs,
          events,
          WIDTH,
          HEIGHT,
          radius,
          WARMUPS,
          RUNS,
          scratch.resolve("heatmapjs.png"),
          progress);
    }
    if (heatmap.uploaded() != planted.clicks()) {
      throw new HeatcheckException("the bench page holds " + heatmap.uploaded() + " of "
          + planted.clicks() + " clicks; the bench is broken, please report this");
    }
    Samples setData = heatmap.phase(HeatmapJsRender.Run::setDataMs);
    Samples encode = heatmap.phase(HeatmapJsRender.Run::encodeMs);
    double heatmapJsMs = setData.medianMs() + encode.medianMs();
    out.println();
    out.printf(
        Locale.ROOT,
        "heatmap.js %s (%s) in headless %s, the same %d clicks on one %dx%d canvas, timed in the page%n",
        HeatmapJsPackage.VERSION,
        heatmapJs.cached() ? "from the npm registry, cached" : "from the npm registry",
        browser,
        heatmap.uploaded(),
        WIDTH,
        HEIGHT);
    out.printf(
        Locale.ROOT,
        "  %-62s %7.0f ms  (%s)%n",
        "setData: aggregate + render (radius " + radius + " px)",
        setData.medianMs(),
        setData.runsMs());
    out.printf(
        Locale.ROOT,
        "  %-62s %7.0f ms  (%s)%n",
        "encode: canvas.toDataURL('image/png')",
        encode.medianMs(),
        encode.runsMs());
    double ratio = report.medianMs() / heatmapJsMs;
    out.println();
    out.printf(
        Locale.ROOT,
        "goal: report <= %.0f × heatmap.js: %s%n",
        GOAL_RATIO,
        ratio <= GOAL_RATIO ? "met" : "not met");
    out.printf(
        Locale.ROOT,
        "report %d clicks of %d visitors: heatcheck %.0f ms, peak heap %.0f MB; heatmap.js %.0f ms; ratio %.1f%n",
        planted.clicks(),
        planted.sessions(),
        report.medianMs(),
        peak / 1e6,
        heatmapJsMs,
        ratio);
    return new Outcome(report.medianMs(), peak, heatmapJsMs, ratio, match);
  }

  private static final Map<String, String> STAGES = Map.of(
      "plan", "1. look at the views: which screenshot, how tall (views, scrolls)",
      "analyze", "2. one pass: read, judge every click, draw it into its grid",
      "draw", "3. blur, colour and encode the maps (click, move, scroll, layers)");

  /** Whether the report found per page, bucket and element what was planted; prints the first difference. */
  static boolean countsMatch(Summary summary, ClickGenerator.Planted planted, PrintStream out) {
    Map<String, long[]> found = new LinkedHashMap<>();
    for (Summary.PageRow page : summary.pages()) {
      for (Summary.ElementRow element : page.elements()) {
        found.put(
            ClickGenerator.Planted.key(page.page(), page.bucket(), element.selector()),
            new long[] {element.clicks(), element.dead(), element.error(), element.rage()});
      }
    }
    Map<String, long[]> expected = new LinkedHashMap<>();
    planted
        .elements()
        .forEach((key, counts) ->
            expected.put(key, new long[] {counts[0], counts[1], counts[2], counts[3]}));
    for (String key : union(found, expected)) {
      long[] want = expected.getOrDefault(key, new long[4]);
      long[] got = found.getOrDefault(key, new long[4]);
      if (!java.util.Arrays.equals(want, got)) {
        out.printf(
            Locale.ROOT,
            "  MISMATCH %s: planted clicks/dead/error/rage %s, found %s%n",
            key,
            java.util.Arrays.toString(want),
            java.util.Arrays.toString(got));
        return false;
      }
    }
    return true;
  }

  private static List<String> union(Map<String, long[]> a, Map<String, long[]> b) {
    return Stream.concat(a.keySet().stream(), b.keySet().stream())
        .distinct()
        .sorted()
        .toList();
  }

  private static Path createTempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new HeatcheckException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new HeatcheckException("cannot read " + file + ": " + e.getMessage(), e);
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
