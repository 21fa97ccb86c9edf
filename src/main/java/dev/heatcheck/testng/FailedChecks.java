package dev.heatcheck.testng;

import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.HtmlReport;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import dev.heatcheck.result.Outcome;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a scenario test fails with: its undone steps and failed checks, the elements behind them, and the maps showing them. */
final class FailedChecks {
  private static final String NL = System.lineSeparator();

  private FailedChecks() {}

  /** Null when every step was done and every check held. */
  static String message(String test, RunResult run) {
    Summary summary = run.summary();
    List<Check> failed = summary.checks().stream().filter(c -> !c.passed()).toList();
    if (failed.isEmpty() && summary.failedSteps().isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(test).append(':');
    if (!summary.failedSteps().isEmpty()) {
      text.append(String.format(
          Locale.ROOT,
          " %d step(s) could not be done%s",
          summary.failedSteps().size(),
          failed.isEmpty() ? ":" : ","));
    }
    if (!failed.isEmpty()) {
      text.append(String.format(
          Locale.ROOT,
          " %d of %d check(s) failed:",
          failed.size(),
          summary.checks().size()));
    }
    summary.failedSteps().forEach(step -> text.append(NL).append("  ").append(step.line()));
    failed.forEach(check -> text.append(NL).append("  ").append(check.line()));
    if (!summary.findings().isEmpty()) {
      text.append(NL).append("Findings:");
      summary.findings().forEach(f -> text.append(NL).append("  ").append(line(f)));
    }
    heatmaps(run).forEach(h -> text.append(NL).append("Heatmap: ").append(h));
    text.append(NL).append("Report: ").append(run.dir().resolve(HtmlReport.NAME));
    return text.toString();
  }

  /** The checks that warned, one line each; empty when none did. */
  static List<String> warnings(RunResult run) {
    return run.summary().checks().stream()
        .filter(Check::warned)
        .map(Check::line)
        .toList();
  }

  static String line(Finding f) {
    String text = f.text() == null || f.text().isBlank() ? "" : " \"" + f.text() + "\"";
    String signal = f.kind() == Kind.ERROR && f.signal() != null ? " " + f.signal() : "";
    return f.kind() + " " + f.selector() + text + " on " + f.page() + ": " + f.count() + signal;
  }

  /** The click maps of the pages with findings; of every page when the failure is no finding's. */
  private static Set<Path> heatmaps(RunResult run) {
    Outcome outcome = run.outcome();
    Set<Path> maps = new LinkedHashSet<>();
    outcome.findings().forEach(f -> outcome.heatmap(f.page(), f.viewport()).ifPresent(maps::add));
    if (maps.isEmpty()) {
      run.summary().pages().stream()
          .filter(p -> p.maps() != null && p.maps().click() != null)
          .forEach(p -> maps.add(run.dir().resolve(p.maps().click())));
    }
    return maps;
  }
}
