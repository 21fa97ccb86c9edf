package dev.heatcheck.internal.bench;

/**
 * Samples the heap in use (total minus free) every few ms on a daemon thread and keeps the highest
 * value. What it sees includes garbage not yet collected, so it bounds the working set from above.
 */
final class HeapSampler implements AutoCloseable {
  static final int PERIOD_MS = 10;

  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  HeapSampler() {
    thread = new Thread(this::sample, "heatcheck-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  long peakBytes() {
    return Math.max(peak, used());
  }

  private void sample() {
    while (running) {
      peak = Math.max(peak, used());
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
