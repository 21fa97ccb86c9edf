package dev.heatcheck.pipeline;

import dev.heatcheck.report.Summary;
import java.nio.file.Path;

/** A completed run: where its files are and what it concluded. */
public record RunResult(Path dir, Summary summary) {
  public boolean passed() {
    return summary.passed();
  }
}
