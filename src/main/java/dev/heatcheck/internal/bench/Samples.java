package dev.heatcheck.internal.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The timed runs of one phase, in nanoseconds, in the order they ran. */
record Samples(long[] nanos) {
  static Samples of(long... nanos) {
    return new Samples(nanos.clone());
  }

  long medianNanos() {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  double medianMs() {
    return medianNanos() / 1e6;
  }

  /** e.g. "812, 801, 830". */
  String runsMs() {
    return LongStream.of(nanos)
        .mapToObj(n -> String.format(Locale.ROOT, "%.0f", n / 1e6))
        .collect(Collectors.joining(", "));
  }
}
