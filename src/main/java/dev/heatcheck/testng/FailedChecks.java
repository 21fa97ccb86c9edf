package dev.heatcheck.testng;

import dev.heatcheck.Result;
import dev.heatcheck.internal.check.CheckResult;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.HtmlReport;
import dev.heatcheck.internal.report.Summary;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a scenario test fails with: its failed checks, the elements behind them, and the maps showing them. */
final class FailedChecks {
  private static final String NL = System.lineSeparator();

  private FailedChecks() {}

  /** Null when every check held. */
  static String message(String test, RunResult run) {
    List<CheckResult> failed = run.summary().checks().stream().filter(c -> !c.passed()).toList();
    if (failed.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d check(s) failed:",
        test, failed.size(), run.summary().checks().size()));
    for (CheckResult check : failed) {
      text.append(NL).append("  ").append(line(check));
    }
    List<Summary.FindingRow> findings = run.summary().findings();
    if (!findings.isEmpty()) {
      text.append(NL).append("Findings:");
      findings.forEach(f -> text.append(NL).append("  ").append(line(f)));
    }
    heatmaps(run).forEach(h -> text.append(NL).append("Heatmap: ").append(h));
    text.append(NL).append("Report: ").append(run.dir().resolve(HtmlReport.NAME));
    return text.toString();
  }

  /** e.g. "deadClicks was 2, limit 0 (scenarios/checkout.yaml:21:3)"; a rule's warn level follows its limit. */
  static String line(CheckResult check) {
    if ("steps".equals(check.rule())) {
      return "steps: " + check.actual();
    }
    StringBuilder text = new StringBuilder(check.rule()).append(" was ").append(check.actual());
    if (check.limit() != null) {
      text.append(", limit ").append(check.limit());
    }
    if (check.warn() != null) {
      text.append(", warn ").append(check.warn());
    }
    return text.append(" (").append(check.at()).append(')').toString();
  }

  /** The checks that warned, one line each; empty when none did. */
  static List<String> warnings(RunResult run) {
    return run.summary().checks().stream().filter(CheckResult::warned).map(FailedChecks::line).toList();
  }

  static String line(Summary.FindingRow f) {
    String text = f.text() == null || f.text().isBlank() ? "" : " \"" + f.text() + "\"";
    String signal = "error".equals(f.kind()) && f.signal() != null ? " " + f.signal() : "";
    return f.kind() + " " + f.selector() + text + " on " + f.page() + ": " + f.count() + signal;
  }

  /** The click maps of the pages with findings; of every page when the failure is no finding's. */
  private static Set<Path> heatmaps(RunResult run) {
    Result result = new Result(run.dir(), run.summary());
    Set<Path> maps = new LinkedHashSet<>();
    run.summary().findings().forEach(f -> result.heatmap(f.page(), f.viewport()).ifPresent(maps::add));
    if (maps.isEmpty()) {
      run.summary().pages().stream()
          .filter(p -> p.maps() != null && p.maps().click() != null)
          .forEach(p -> maps.add(run.dir().resolve(p.maps().click())));
    }
    return maps;
  }
}
