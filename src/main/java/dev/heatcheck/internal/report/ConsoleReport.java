package dev.heatcheck.internal.report;

import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import dev.heatcheck.result.Level;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The few lines a person reads after a run: what was found, which checks failed, where to look. */
public final class ConsoleReport {
  private ConsoleReport() {}

  public static void print(Summary summary, Path dir, PrintStream out) {
    // every click on a page, whether a scenario made it or a report read it
    int clicks = summary.pages().stream().mapToInt(Summary.PageRow::clicks).sum();
    out.printf(
        Locale.ROOT,
        "%nRan %d scenario(s), %d page view(s), %d click(s).%n",
        summary.scenarios().size(),
        summary.pages().stream().mapToInt(Summary.PageRow::views).sum(),
        clicks);
    findings(summary, out);
    failures(summary, out);
    replays(summary, out);
    checks(summary, out);
    variants(summary, dir, out);
    out.println();
    out.println("Heatmaps: " + dir.resolve("heatmaps") + " (" + summary.pages().size()
        + " page(s) × click, move and scroll maps)");
    out.println("Report:   " + dir.resolve(HtmlReport.NAME) + " (open in a browser)");
    out.println("Summary:  " + dir.resolve(SummaryFile.NAME) + ", " + dir.resolve(JUnitXml.NAME));
    out.println("Events:   " + dir.resolve(summary.events()));
  }

  private static void findings(Summary summary, PrintStream out) {
    if (summary.findings().isEmpty()) {
      out.println("No dead, rage or error clicks.");
      return;
    }
    out.println("Findings:");
    int selectorWidth = summary.findings().stream()
        .mapToInt(f -> String.valueOf(f.selector()).length())
        .max()
        .orElse(8);
    int pageWidth =
        summary.findings().stream().mapToInt(f -> f.page().length()).max().orElse(8);
    for (Finding f : summary.findings()) {
      out.printf(
          Locale.ROOT,
          "  %-5s  %-" + pageWidth + "s  %-9s  %-" + selectorWidth + "s  x%-3d %s%n",
          f.kind(),
          f.page(),
          f.viewport(),
          f.selector(),
          f.count(),
          detail(f));
    }
  }

  /** Each replayed recording's fidelity, and every action the live page no longer had. */
  private static void replays(Summary summary, PrintStream out) {
    if (summary.replays().isEmpty()) {
      return;
    }
    out.println("Replayed:");
    for (Summary.Replay r : summary.replays()) {
      out.printf(
          Locale.ROOT,
          "  %s: %d action(s), %d by selector, %d by text, %d at the recorded position, %d not found%n",
          r.recording() == null ? r.scenario() : r.recording(),
          r.actions(),
          r.selector(),
          r.text(),
          r.position(),
          r.notFound());
    }
    List<Summary.Divergence> all =
        summary.replays().stream().flatMap(r -> r.divergences().stream()).toList();
    if (!all.isEmpty()) {
      out.println("Divergences (no locator found the element):");
      for (Summary.Divergence d : all) {
        out.printf(
            Locale.ROOT,
            "  %s at %s: %s %s -> %s%n",
            d.recording() == null ? d.scenario() : d.recording(),
            d.recordedMs() == null
                ? "(untimed)"
                : String.format(Locale.ROOT, "%.1f s", d.recordedMs() / 1000.0),
            d.action(),
            d.lookedFor().isEmpty() ? "(no locator recorded)" : String.join(" | ", d.lookedFor()),
            d.outcome().equals("position") ? "clicked at the recorded position" : "skipped");
      }
    }
  }

  /** Visitors heatcheck had to end and pages the site failed to serve, each with its reason. */
  private static void failures(Summary summary, PrintStream out) {
    if (!summary.failedVisitors().isEmpty()) {
      out.println("Failed visitors:");
      summary.failedVisitors().forEach(v -> out.println("  " + v.line()));
    }
    if (!summary.failedPages().isEmpty()) {
      out.println("Failed pages:");
      summary.failedPages().forEach(p -> out.println("  " + p.line()));
    }
  }

  private static String detail(Finding f) {
    String text = f.text() == null || f.text().isBlank() ? "" : "\"" + f.text() + "\"";
    return f.kind() == Kind.ERROR && f.signal() != null ? (text + "  " + f.signal()).strip() : text;
  }

  private static void variants(Summary summary, Path dir, PrintStream out) {
    if (summary.variants() == null) {
      return;
    }
    for (Summary.VariantRun variant : summary.variants()) {
      out.printf(
          Locale.ROOT,
          "Variants of %s (%s):%n",
          variant.scenario(),
          variant.passed() ? "checks held" : "checks failed");
      variant
          .runs()
          .forEach(
              (name, folder) -> out.printf(Locale.ROOT, "  %-8s %s%n", name, dir.resolve(folder)));
      variant
          .comparisons()
          .forEach(c -> out.printf(
              Locale.ROOT, "  compared %s (diff/ and side-by-side/ maps)%n", dir.resolve(c)));
      variant
          .newFindings()
          .forEach(f -> out.printf(
              Locale.ROOT,
              "  new %s on %s at %s: %s x%d%n",
              f.kind(),
              f.page(),
              f.viewport(),
              f.selector(),
              f.count()));
    }
  }

  private static void checks(Summary summary, PrintStream out) {
    if (summary.checks().isEmpty() && summary.failedSteps().isEmpty()) {
      return;
    }
    long failed = summary.checks().stream().filter(c -> !c.passed()).count();
    long warned = summary.checks().stream().filter(Check::warned).count();
    long skipped = summary.checks().stream().filter(Check::skipped).count();
    int steps = summary.failedSteps().size();
    out.printf(
        Locale.ROOT,
        "Checks: %d passed, %d failed%s%s%s%n",
        summary.checks().size() - failed - skipped,
        failed,
        warned == 0 ? "" : ", " + warned + " with warnings",
        skipped == 0 ? "" : ", " + skipped + " skipped",
        steps == 0 ? "" : "; " + steps + (steps == 1 ? " step" : " steps") + " could not be done");
    for (FailedStep step : summary.failedSteps()) {
      out.printf(Locale.ROOT, "  FAIL %s: %s%n", step.scenario(), step.line());
    }
    for (Check check : summary.checks()) {
      if (check.level() != Level.PASS) {
        out.printf(
            Locale.ROOT,
            "  %s %s: %s%n",
            check.level().id().toUpperCase(Locale.ROOT),
            check.scenario(),
            check.line());
      }
    }
  }
}
