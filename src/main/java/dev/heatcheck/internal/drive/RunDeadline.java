package dev.heatcheck.internal.drive;

import java.time.Duration;

/**
 * When a whole run must stop driving (heatcheck run --timeout): the visitor in progress is ended,
 * the ones left are not started, and the report is still written.
 *
 * @param shown the limit as the user wrote it, e.g. "10m"
 * @param at epoch ms
 */
public record RunDeadline(String shown, long at) {
  public static final RunDeadline NONE = new RunDeadline(null, Long.MAX_VALUE);

  public static RunDeadline after(Duration timeout, String shown) {
    return new RunDeadline(shown, System.currentTimeMillis() + timeout.toMillis());
  }

  public boolean passed() {
    return System.currentTimeMillis() >= at;
  }

  long leftMs() {
    return at == Long.MAX_VALUE ? Long.MAX_VALUE : at - System.currentTimeMillis();
  }

  String reason() {
    return "the run's --timeout " + shown + " passed";
  }
}
