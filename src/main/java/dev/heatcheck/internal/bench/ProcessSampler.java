package dev.heatcheck.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples, every {@value #PERIOD_MS} ms on a daemon thread, the memory of this JVM's child processes and
 * theirs (Playwright's Node drivers, the Chromium processes under them) and keeps the highest total.
 *
 * <p>The figure is the proportional set size (PSS, from {@code /proc/PID/smaps_rollup}): a page shared
 * by several processes (Chromium's code, shared by its renderers) counts once in all, where summing
 * their RSS would count it in each. Reading it walks a process's page tables, so it is sampled seldom:
 * the bench is CPU-bound and its figures must not pay for the measuring. Where /proc has no such file
 * (not Linux), nothing is measured and {@link #peakBytes()} is empty.
 */
final class ProcessSampler implements AutoCloseable {
  static final int PERIOD_MS = 2_000;
  private static final Path PROC = Path.of("/proc");

  private final Thread thread;
  private final boolean measurable;
  private volatile boolean running = true;
  private volatile long peak;

  ProcessSampler() {
    measurable = Files.isReadable(PROC.resolve("self").resolve("smaps_rollup"));
    thread = new Thread(this::sample, "heatcheck-process-sampler");
    thread.setDaemon(true);
    if (measurable) {
      thread.start();
    }
  }

  /** The highest total PSS of the child processes seen, or empty where it cannot be read. */
  OptionalLong peakBytes() {
    if (!measurable) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(peak, total()));
  }

  private void sample() {
    while (running) {
      peak = Math.max(peak, total());
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long total() {
    return ProcessHandle.current().descendants().mapToLong(p -> pss(p.pid())).sum();
  }

  /** One process's PSS in bytes; 0 when it ended meanwhile or cannot be read. */
  static long pss(long pid) {
    try {
      return pssOf(Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("smaps_rollup")));
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended between listing and reading: it holds nothing now
    }
  }

  /** The "Pss:" line of smaps_rollup, which the kernel gives in kB. */
  static long pssOf(List<String> smapsRollup) {
    for (String line : smapsRollup) {
      if (line.startsWith("Pss:")) {
        String[] parts = line.substring(4).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
