package dev.heatcheck.internal.compare;

import dev.heatcheck.result.Finding;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The lines a person reads after a compare: what friction is new, what went away, what moved. */
public final class CompareReport {
  /** Share changes smaller than this (in points of share) are noise for a person reading. */
  private static final double NOTABLE = 0.01;

  private CompareReport() {}

  public static void print(Comparison comparison, Path out, PrintStream stream) {
    stream.printf(
        Locale.ROOT, "Compared %s (base) with %s (head).%n", comparison.base(), comparison.head());
    findings("New friction", comparison.newFindings(), stream);
    findings("Resolved", comparison.resolvedFindings(), stream);
    for (Comparison.PageChange page : comparison.pages()) {
      List<Comparison.ShareChange> moved =
          page.elements().stream().filter(e -> Math.abs(e.change()) >= NOTABLE).toList();
      if (!moved.isEmpty() || page.baseViews() == 0 || page.headViews() == 0) {
        stream.printf(
            Locale.ROOT,
            "  %s @ %s: %d → %d views%n",
            page.page(),
            page.bucket(),
            page.baseViews(),
            page.headViews());
        moved.stream()
            .limit(5)
            .forEach(e -> stream.printf(
                Locale.ROOT,
                "    %-30s share %5.1f%% → %5.1f%%%n",
                e.selector(),
                e.baseShare() * 100,
                e.headShare() * 100));
      }
    }
    stream.println("Difference maps: " + out.resolve("diff"));
    stream.println("Comparison:      " + out.resolve(Comparer.NAME));
  }

  private static void findings(String title, List<Finding> findings, PrintStream stream) {
    if (findings.isEmpty()) {
      stream.println(title + ": none");
      return;
    }
    stream.println(title + ":");
    findings.forEach(f -> stream.printf(
        Locale.ROOT,
        "  %-5s  %s  %s  %s  x%d%n",
        f.kind(),
        f.page(),
        f.viewport(),
        f.selector(),
        f.count()));
  }
}
