package dev.heatcheck.internal.crowd;

import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** How many workers a crowd gets: as asked, or as many as the machine affords; never more than visits. */
public final class Workers {
  /** More is a typo: each worker is a browser of its own. */
  public static final int MAX = 64;

  /**
   * What one worker costs in memory, with room to spare. Measured here (Chromium 156, Playwright 1.62,
   * the demo shop's checkout at 1280x800, 4 visitors, sampled every 0.5 s): the processes under the JVM
   * (Playwright's Node driver, the browser, its GPU, network and renderer processes) peaked at 574 MB of
   * proportional set size with one worker, 881 MB with two and 1,416 MB with four: about 290 MB for
   * each worker added. Their resident sizes add up to 1.1 GB a worker, but most of that is the same
   * Chromium pages counted in each process. A real site's pages weigh more than the demo shop's, hence
   * 400 MB.
   */
  static final long WORKER_BYTES = 400L << 20;

  /** Left for this JVM: the analysis and the drawing of the maps after the crowd, and its own heap. */
  static final long RESERVE_BYTES = 512L << 20;

  /**
   * Workers per core. A visitor mostly waits (its pauses, the settle window after its last click), so
   * a core keeps several busy. Measured here with {@code bench crowd} (200 demo-shop visitors,
   * Chromium's headless shell, 2 cores): 44 visitors a minute on 8 workers, 55 on 12; plain
   * Playwright for Node, one Chromium, gave 38.6 on 8 and 49.8 on 16 (#12). Past 6 a core, more
   * browsers buy little and leave the pages less CPU to react in.
   */
  static final int PER_CORE = 6;

  private Workers() {}

  /**
   * The workers of a run: {@code --workers} (or heatcheck.workers) when given, else the largest
   * {@code workers:} of its scenarios, else as many as the machine affords. The largest, because a run
   * is one crowd on one machine: a scenario asking for fewer (a fragile site) can be run on its own.
   *
   * @param asked a count the user gave (1 to {@link #MAX}), or 0
   * @param visits how many visits the crowd plays
   */
  public static int count(int asked, List<Scenario> scenarios, int visits) {
    int own = scenarios.stream().mapToInt(Scenario::workers).max().orElse(0);
    return count(asked > 0 ? asked : own, visits);
  }

  /**
   * @param asked a count (1 to {@link #MAX}), or 0 to choose
   * @param visits how many visits the crowd plays
   */
  public static int count(int asked, int visits) {
    int count =
        asked > 0 ? asked : affordable(Runtime.getRuntime().availableProcessors(), available());
    return Math.max(1, Math.min(count, visits));
  }

  /** Workers this machine affords: {@link #PER_CORE} a core, as far as the memory available goes. */
  static int affordable(int cores, long availableBytes) {
    long byMemory = Math.max(1, (availableBytes - RESERVE_BYTES) / WORKER_BYTES);
    long byCores = Math.max(1, (long) PER_CORE * cores);
    return (int) Math.min(MAX, Math.min(byMemory, byCores));
  }

  /** The system property that sets the workers of runs started from Java or TestNG. */
  public static final String PROPERTY = "heatcheck.workers";

  /** The count {@value #PROPERTY} sets, or 0 when it is not set. */
  public static int fromProperty() {
    String value = System.getProperty(PROPERTY);
    return value == null || value.isBlank() ? 0 : parse(value, PROPERTY);
  }

  /**
   * A worker count as the user wrote it.
   *
   * @param where what to name in the message, e.g. "--workers"
   */
  public static int parse(String text, String where) {
    String value = text.strip();
    if (value.matches("\\d{1,3}")) {
      int count = Integer.parseInt(value);
      if (count >= 1 && count <= MAX) {
        return count;
      }
    }
    throw new HeatcheckException(
        where + ": expected a whole number of workers from 1 to " + MAX + ", got \"" + text + "\"");
  }

  /** Memory available to new processes: Linux's MemAvailable, else the JVM's view of free memory. */
  static long available() {
    return fromProcMeminfo().orElseGet(Workers::freeByJvm);
  }

  private static Optional<Long> fromProcMeminfo() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          String[] parts = line.trim().split("\\s+");
          return Optional.of(Long.parseLong(parts[1]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: ask the JVM
    }
    return Optional.empty();
  }

  private static long freeByJvm() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getFreeMemorySize();
    }
    return WORKER_BYTES;
  }
}
