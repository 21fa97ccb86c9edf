package dev.heatcheck.internal.crowd;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** How many workers a crowd gets: as asked, or as many as the machine affords; never more than visits. */
public final class Workers {
  /** More is a typo: each worker is a browser of its own. */
  public static final int MAX = 64;

  /** What one worker costs in memory; see {@link #affordable}. */
  static final long WORKER_BYTES = 400L << 20;

  private Workers() {}

  /**
   * @param asked a count the user gave (1 to {@link #MAX}), or 0 to choose
   * @param visits how many visits the crowd plays
   */
  public static int count(int asked, int visits) {
    int count = asked > 0 ? asked : affordable(Runtime.getRuntime().availableProcessors(), available());
    return Math.max(1, Math.min(count, visits));
  }

  /**
   * Workers this machine affords: memory bounds it (what is available now, less a reserve for this JVM's
   * analysis, over what one worker costs), and so does the CPU: a visitor spends most of its time
   * waiting (pauses, the settle window), so a core keeps a few busy.
   */
  static int affordable(int cores, long availableBytes) {
    long byMemory = Math.max(1, availableBytes / WORKER_BYTES);
    long byCores = Math.max(1, 4L * cores);
    return (int) Math.min(MAX, Math.min(byMemory, byCores));
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
