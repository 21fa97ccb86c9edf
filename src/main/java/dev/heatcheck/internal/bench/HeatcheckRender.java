package dev.heatcheck.internal.bench;

import dev.heatcheck.internal.events.ClickPoints;
import dev.heatcheck.internal.render.DensityGrid;
import dev.heatcheck.internal.render.Heatmap;
import dev.heatcheck.internal.render.Png;
import dev.heatcheck.result.HeatcheckException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The heatcheck side of the render bench: events.jsonl streamed into a density grid, blurred and
 * coloured over a white page, and encoded as PNG, each phase timed on its own. No point is kept: the
 * reader hands them over in batches of {@value GridFeed#BATCH} that go straight into the grid.
 */
final class HeatcheckRender {
  private final Path events;
  private final String view;
  private final long clicks;
  private final int width;
  private final int height;
  private final int threads;

  HeatcheckRender(Path events, String view, long clicks, int width, int height) {
    this.events = events;
    this.view = view;
    this.clicks = clicks;
    this.width = width;
    this.height = height;
    this.threads = ClickPoints.defaultThreads();
  }

  /** How many threads the default reader parses on here. */
  int threads() {
    return threads;
  }

  /** One full render: the three reads, aggregation, blur and colour, encode; the PNG goes to {@code png}. */
  Run run(BufferedImage white, Path png) {
    Counter counter = new Counter(view);
    long start = System.nanoTime();
    ClickPoints.read(events, counter, 1);
    long readOneThread = System.nanoTime() - start;
    check(counter.clicks, "read on 1 thread");

    counter = new Counter(view);
    start = System.nanoTime();
    ClickPoints.read(events, counter, threads);
    long read = System.nanoTime() - start;
    check(counter.clicks, "read on " + threads + " threads");

    GridFeed feed = new GridFeed(view, new DensityGrid(width, height));
    start = System.nanoTime();
    ClickPoints.read(events, feed, threads);
    feed.flush();
    long stream = System.nanoTime() - start;
    check(feed.grid.total() + feed.grid.outside(), "read into the grid");

    start = System.nanoTime();
    BufferedImage image = Heatmap.draw(white, feed.grid);
    long draw = System.nanoTime() - start;

    start = System.nanoTime();
    Png.write(image, png);
    long encode = System.nanoTime() - start;

    return new Run(readOneThread, read, stream, feed.nanos, draw, encode, png, sha256(png), size(png), feed.grid.total());
  }

  /**
   * Streams the file into a grid once more, untimed, with a full GC at a quarter, half and three
   * quarters of the clicks: the heap then holds what reading and aggregating keep, and it should not
   * grow as more clicks are read. Returns the heap in use at those points minus the heap before reading.
   */
  long[] heapGrowthMidStream() {
    long before = usedAfterGc();
    GridFeed feed = new GridFeed(view, new DensityGrid(width, height));
    long[] marks = {clicks / 4, clicks / 2, 3 * clicks / 4};
    long[] growth = new long[marks.length];
    long[] seen = {0};
    int[] next = {0};
    ClickPoints.read(events, (clickView, x, y) -> {
      feed.click(clickView, x, y);
      seen[0]++;
      if (next[0] < marks.length && seen[0] == marks[next[0]]) {
        growth[next[0]++] = usedAfterGc() - before;
      }
    }, threads);
    feed.flush();
    return growth;
  }

  static BufferedImage white(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private void check(long read, String what) {
    if (read != clicks) {
      throw new HeatcheckException("the bench wrote " + clicks + " clicks to " + events + " but the " + what + " gave "
          + read + "; the bench is broken, please report this");
    }
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new HeatcheckException("cannot hash " + file + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new HeatcheckException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Timed runs after warm-ups, and whether every render gave the same bytes. */
  record Result(List<Run> warmups, List<Run> runs) {
    static Result measure(HeatcheckRender render, int warmups, int runs, Path dir, PrintStream progress) {
      BufferedImage white = white(render.width, render.height);
      List<Run> warm = new ArrayList<>();
      for (int i = 1; i <= warmups; i++) {
        progress.println("heatcheck: heatcheck warm-up " + i + "/" + warmups);
        warm.add(render.run(white, dir.resolve("heatcheck-warmup-" + i + ".png")));
      }
      List<Run> timed = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        progress.println("heatcheck: heatcheck run " + i + "/" + runs);
        timed.add(render.run(white, dir.resolve("heatcheck-" + i + ".png")));
      }
      return new Result(warm, timed);
    }

    Samples phase(ToLongFunction<Run> nanos) {
      return Samples.of(runs.stream().mapToLong(nanos).toArray());
    }

    List<Run> all() {
      List<Run> all = new ArrayList<>(warmups);
      all.addAll(runs);
      return all;
    }

    boolean identicalPngs() {
      return all().stream().map(Run::sha256).distinct().count() == 1;
    }
  }

  /** One render's phases in ns, and its PNG. */
  record Run(
      long readOneThreadNanos,
      long readNanos,
      long streamNanos,
      long aggregateNanos,
      long drawNanos,
      long encodeNanos,
      Path png,
      String sha256,
      long pngBytes,
      long onPage) {

    /** What the ratio compares: everything from the points to the PNG file. */
    long gridToPngNanos() {
      return aggregateNanos + drawNanos + encodeNanos;
    }
  }

  /** Counts the clicks on the bench's view; reading only. */
  private static final class Counter implements ClickPoints.PointSink {
    private final String view;
    long clicks;

    Counter(String view) {
      this.view = view;
    }

    @Override
    public void click(String clickView, double x, double y) {
      if (view.equals(clickView)) {
        clicks++;
      }
    }
  }

  /**
   * Adds the clicks of one view to its grid, a batch at a time so that the clock is read once per batch
   * rather than once per click.
   */
  static final class GridFeed implements ClickPoints.PointSink {
    static final int BATCH = 65_536;
    final DensityGrid grid;
    private final String view;
    private final double[] xs = new double[BATCH];
    private final double[] ys = new double[BATCH];
    private int count;
    long nanos;

    GridFeed(String view, DensityGrid grid) {
      this.view = view;
      this.grid = grid;
    }

    @Override
    public void click(String clickView, double x, double y) {
      if (!view.equals(clickView)) {
        return;
      }
      xs[count] = x;
      ys[count] = y;
      if (++count == BATCH) {
        flush();
      }
    }

    void flush() {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        grid.add(xs[i], ys[i]);
      }
      nanos += System.nanoTime() - start;
      count = 0;
    }
  }
}
