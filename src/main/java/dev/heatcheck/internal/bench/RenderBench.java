package dev.heatcheck.internal.bench;

import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.render.Heatmap;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code heatcheck bench render}: how long heatcheck takes to turn a page's clicks into a heatmap PNG,
 * next to heatmap.js 2.0.5 drawing the same clicks in the same headless Chromium.
 *
 * <p>The clicks are generated (seeded, so every run reads the same file) and written with the real
 * {@link dev.heatcheck.internal.events.EventLog} to a temporary events.jsonl, deleted at the end. Each side runs
 * once to warm up and then {@value #RUNS} times; every phase is reported as its median.
 */
public final class RenderBench {
  static final int WARMUPS = 1;
  static final int RUNS = 3;
  /** heatmap.js's radius is where a click fades out; a Gaussian is all but gone at 3 sigma. */
  static final int RADIUS_PER_SIGMA = 3;
  private static final long GOAL_READ_CLICKS = 1_000_000;
  private static final double GOAL_READ_MS = 1000;
  private static final double GOAL_RATIO = 0.5;

  /**
   * @param out where the PNGs are kept; empty for a new temporary folder
   * @param npmCache where heatmap.js is installed from the npm registry and kept for later runs
   */
  public record Options(long clicks, int width, int height, Optional<Path> out, Path npmCache) {}

  /** The figures the last line reports. */
  public record Outcome(double heatcheckMs, double heatmapJsMs, double ratio, double readMs, boolean identicalPngs) {}

  private final Options options;
  private final PrintStream out;
  private final PrintStream progress;

  private RenderBench(Options options, PrintStream out, PrintStream progress) {
    this.options = options;
    this.out = out;
    this.progress = progress;
  }

  /** Runs both sides and prints the report to {@code out}, what it is doing to {@code progress}. */
  public static Outcome run(Options options, PrintStream out, PrintStream progress) {
    return new RenderBench(options, out, progress).run();
  }

  private Outcome run() {
    HeatmapJsPackage heatmapJs = HeatmapJsPackage.fetch(options.npmCache(), progress);
    Path dir = outputDir();
    Path scratch = createTempDir("heatcheck-bench-events-");
    try {
      return run(heatmapJs, dir, scratch.resolve("events.jsonl"));
    } finally {
      deleteQuietly(scratch.resolve("events.jsonl"));
      deleteQuietly(scratch);
    }
  }

  private Outcome run(HeatmapJsPackage heatmapJs, Path dir, Path events) {
    long clicks = options.clicks();
    int width = options.width();
    int height = options.height();
    out.printf(Locale.ROOT, "heatcheck bench render: %d clicks on a %dx%d page; each phase is the median of %d runs after %d warm-up%n",
        clicks, width, height, RUNS, WARMUPS);
    out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %.0f MB%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1e6);

    progress.println("heatcheck: writing " + clicks + " clicks to " + events);
    long start = System.nanoTime();
    new ClickGenerator(width, height).write(events, clicks);
    double writeMs = (System.nanoTime() - start) / 1e6;
    out.printf(Locale.ROOT, "events: %s, %d clicks and 1 view, %.1f MB, written with EventLog in %.1f s (seed %d;"
            + " regenerated every run, deleted at the end; read from the OS file cache)%n",
        events, clicks, size(events) / 1e6, writeMs / 1000, ClickGenerator.SEED);

    HeatcheckRender render = new HeatcheckRender(events, ClickGenerator.VIEW, clicks, width, height);
    long[] growth = render.heapGrowthMidStream();
    HeatcheckRender.Result heatcheck;
    long peakHeap;
    try (HeapSampler sampler = new HeapSampler()) {
      heatcheck = HeatcheckRender.Result.measure(render, WARMUPS, RUNS, dir, progress);
      peakHeap = sampler.peakBytes();
    }
    double readMs = heatcheck.phase(HeatcheckRender.Run::readNanos).medianMs();
    double heatcheckMs = printHeatcheck(render, heatcheck, growth, peakHeap);

    int radius = (int) Math.round(RADIUS_PER_SIGMA * Heatmap.DEFAULT_SIGMA_PX);
    progress.println("heatcheck: starting Chromium");
    HeatmapJsRender.Result heatmap;
    String browser;
    try (BrowserSession session = BrowserSession.open(Optional.empty(), false, progress)) {
      browser = session.description();
      heatmap = HeatmapJsRender.measure(session, heatmapJs, events, ClickGenerator.VIEW, width, height, radius,
          WARMUPS, RUNS, dir.resolve("heatmapjs.png"), progress);
    }
    if (heatmap.points() != clicks || heatmap.uploaded() != clicks) {
      throw new HeatcheckException("the bench page holds " + heatmap.points() + " of " + clicks
          + " clicks; the bench is broken, please report this");
    }
    double heatmapJsMs = printHeatmapJs(heatmapJs, heatmap, browser, radius);

    double ratio = heatcheckMs / heatmapJsMs;
    boolean identical = heatcheck.identicalPngs();
    out.println();
    out.printf(Locale.ROOT, "goal: heatcheck <= 0.5 × heatmap.js: %s (%.0f ms vs %.0f ms, ratio %.2f)%n",
        ratio <= GOAL_RATIO ? "met" : "not met", heatcheckMs, heatmapJsMs, ratio);
    if (clicks == GOAL_READ_CLICKS) {
      out.printf(Locale.ROOT, "goal: read 1M events < 1000 ms: %s (%.0f ms on %d threads; %.0f ms on 1 thread)%n",
          readMs < GOAL_READ_MS ? "met" : "not met", readMs, render.threads(),
          heatcheck.phase(HeatcheckRender.Run::readOneThreadNanos).medianMs());
    } else {
      out.printf(Locale.ROOT, "goal: read 1M events < 1000 ms: not judged (--clicks is %d, not 1000000)%n", clicks);
    }
    out.printf(Locale.ROOT, "same input, same PNG: %s%n", identical ? "yes" : "NO");
    out.println("PNGs: " + dir);
    out.printf(Locale.ROOT, "render %d clicks %dx%d: heatcheck %.0f ms, heatmap.js %.0f ms, ratio %.2f%n",
        clicks, width, height, heatcheckMs, heatmapJsMs, ratio);
    return new Outcome(heatcheckMs, heatmapJsMs, ratio, readMs, identical);
  }

  /** Prints heatcheck's phases and returns its grid-to-PNG time in ms. */
  private double printHeatcheck(HeatcheckRender render, HeatcheckRender.Result result, long[] growth, long peakHeap) {
    HeatcheckRender.Run first = result.runs().get(0);
    Samples aggregate = result.phase(HeatcheckRender.Run::aggregateNanos);
    Samples draw = result.phase(HeatcheckRender.Run::drawNanos);
    Samples encode = result.phase(HeatcheckRender.Run::encodeNanos);
    double total = aggregate.medianMs() + draw.medianMs() + encode.medianMs();
    out.println();
    out.println("heatcheck (Java, in process)                              median      runs (ms)");
    row("read events.jsonl, ClickPoints on 1 thread", result.phase(HeatcheckRender.Run::readOneThreadNanos));
    row("read events.jsonl, ClickPoints on " + render.threads() + " threads", result.phase(HeatcheckRender.Run::readNanos));
    row("read + aggregate, streamed (" + render.threads() + " threads)", result.phase(HeatcheckRender.Run::streamNanos));
    row("aggregate: DensityGrid.add, in batches of " + HeatcheckRender.GridFeed.BATCH, aggregate);
    row("blur + colour: Heatmap.draw, sigma " + fmt(Heatmap.DEFAULT_SIGMA_PX) + " px", draw);
    row(String.format(Locale.ROOT, "encode: Png.write, %.2f MB", first.pngBytes() / 1e6), encode);
    out.printf(Locale.ROOT, "  %-54s %7.0f ms  (sum of the medians above)%n", "grid to PNG: aggregate + blur/colour + encode", total);
    out.printf(Locale.ROOT, "  clicks on the page: %d; points held in memory: none (streamed from the file in batches)%n",
        first.onPage());
    out.printf(Locale.ROOT, "  heap growth while streaming, after a full GC at 25/50/75 %% of the clicks: %s MB%n",
        mb(growth));
    out.printf(Locale.ROOT, "  peak heap in use during the runs, sampled every %d ms (garbage included): %.0f MB%n",
        HeapSampler.PERIOD_MS, peakHeap / 1e6);
    int n = 1;
    for (HeatcheckRender.Run run : result.all()) {
      out.printf(Locale.ROOT, "  PNG sha256, render %d%s: %s%n", n, n <= result.warmups().size() ? " (warm-up)" : "",
          run.sha256());
      n++;
    }
    out.printf(Locale.ROOT, "  identical across all %d renders: %s%n", result.all().size(), result.identicalPngs() ? "yes" : "NO");
    return total;
  }

  /** Prints heatmap.js's phases and returns its setData + render + encode time in ms. */
  private double printHeatmapJs(HeatmapJsPackage heatmapJs, HeatmapJsRender.Result result, String browser, int radius) {
    Samples store = result.phase(HeatmapJsRender.Run::storeMs);
    Samples render = result.phase(HeatmapJsRender.Run::renderMs);
    Samples encode = result.phase(HeatmapJsRender.Run::encodeMs);
    Samples setData = result.phase(HeatmapJsRender.Run::setDataMs);
    double total = setData.medianMs() + encode.medianMs();
    out.println();
    out.printf(Locale.ROOT, "heatmap.js %s (%s, %s) in headless %s, timed in the page%n", HeatmapJsPackage.VERSION,
        heatmapJs.cached() ? "from the npm registry, cached" : "from the npm registry", heatmapJs.script(), browser);
    out.printf(Locale.ROOT, "  radius %d px (%d × heatcheck's sigma), blur 0.85 (default), canvas %dx%d not in the page%n",
        radius, RADIUS_PER_SIGMA, options.width(), options.height());
    out.printf(Locale.ROOT, "  input: %d points, %d distinct (x, y), max %d at one (x, y); loading them is not timed%n",
        result.points(), result.distinct(), result.max());
    out.println("                                                           median      runs (ms)");
    row("setData: store (its aggregation)", store);
    row("setData: renderAll (alpha pass + colorize)", render);
    row("encode: canvas.toDataURL('image/png')", encode);
    out.printf(Locale.ROOT, "  %-54s %7.0f ms  (median setData + median encode)%n", "setData + render + encode", total);
    out.println("  PNG: " + result.png());
    return total;
  }

  private void row(String label, Samples samples) {
    out.printf(Locale.ROOT, "  %-54s %7.0f ms  (%s)%n", label, samples.medianMs(), samples.runsMs());
  }

  private Path outputDir() {
    if (options.out().isEmpty()) {
      return createTempDir("heatcheck-bench-");
    }
    Path dir = options.out().get();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new HeatcheckException("--out " + dir + ": cannot create the folder: " + e.getMessage(), e);
    }
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

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover temporary file is all that is at stake
    }
  }

  private static String mb(long[] bytes) {
    StringBuilder text = new StringBuilder();
    for (long b : bytes) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%+.1f", b / 1e6));
    }
    return text.toString();
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
