package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.result.Outcome;
import java.nio.file.Path;

/**
 * A completed run: where its files are and what it concluded.
 *
 * @param timedOut whether the run's deadline (run --timeout) stopped the driving before every visitor ran
 */
public record RunResult(Path dir, Summary summary, boolean timedOut) {
  public RunResult(Path dir, Summary summary) {
    this(dir, summary, false);
  }

  public boolean passed() {
    return summary.passed();
  }

  /** The run's values for a test to assert on. */
  public Outcome outcome() {
    return summary.outcome(dir);
  }
}
