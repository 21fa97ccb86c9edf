package dev.heatcheck.internal.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long each stage of a report took, for whoever asks (bench report): the stages mark their end; a
 * mark costs nothing when nobody is timing on this thread.
 */
public final class Stages {
  private static final ThreadLocal<Timing> CURRENT = new ThreadLocal<>();

  private Stages() {}

  /** The stages' durations in ns, in the order they ended, with what {@code work} returned. */
  public record Timed<T>(T value, Map<String, Long> nanos) {}

  public static <T> Timed<T> time(Supplier<T> work) {
    Timing timing = new Timing();
    CURRENT.set(timing);
    try {
      T value = work.get();
      return new Timed<>(value, timing.nanos);
    } finally {
      CURRENT.remove();
    }
  }

  /** The stage {@code name} ends now: it took the time since the last mark (or since timing began). */
  static void mark(String name) {
    Timing timing = CURRENT.get();
    if (timing != null) {
      long now = System.nanoTime();
      timing.nanos.merge(name, now - timing.last, Long::sum);
      timing.last = now;
    }
  }

  private static final class Timing {
    final Map<String, Long> nanos = new LinkedHashMap<>();
    long last = System.nanoTime();
  }
}
