package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.compare.Comparer;
import dev.heatcheck.internal.compare.Comparison;
import dev.heatcheck.internal.drive.Screens;
import dev.heatcheck.internal.render.SideBySide;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Variant;
import dev.heatcheck.result.Finding;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each variant of a scenario as a run of its own (variants/&lt;scenario&gt;/&lt;variant&gt;/) and
 * compares the first with each of the others: difference maps, click maps side by side, share and
 * reach changes, new friction.
 */
final class Variants {
  private Variants() {}

  static Summary.VariantRun run(
      Scenario scenario, RunOptions options, PrintStream progress, PrintStream notices) {
    Path root = options
        .out()
        .resolve("variants")
        .resolve(Screens.stem(scenario.name(), "").replaceAll("-$", ""));
    Map<String, RunResult> runs = new LinkedHashMap<>();
    Optional<Path> first = Optional.empty();
    for (Variant variant : scenario.variants()) {
      progress.println("Variant " + variant.name() + " of " + scenario.name() + ": "
          + variant.startUrl(scenario.url())
          + (variant.cookies().isEmpty()
              ? ""
              : " with cookies " + variant.cookies().keySet()));
      // the first variant is the others' baseline: their new* rules count friction it does not have
      RunResult run = Pipeline.run(
          List.of(scenario.as(variant)),
          options.forVariant(root.resolve(variant.name()), variant.cookies(), first),
          progress,
          notices);
      runs.put(variant.name(), run);
      first = first.or(() -> Optional.of(run.dir()));
    }
    String base = scenario.variants().get(0).name();
    List<String> comparisons = new ArrayList<>();
    List<Finding> newFindings = new ArrayList<>();
    for (String other : runs.keySet()) {
      if (!other.equals(base)) {
        Path dir = root.resolve(base + "-vs-" + other);
        Comparison comparison =
            Comparer.compare(runs.get(base).dir(), runs.get(other).dir(), dir);
        sideBySide(comparison, runs.get(base), base, runs.get(other), other, dir);
        comparisons.add(options.out().relativize(dir).toString());
        newFindings.addAll(comparison.newFindings());
      }
    }
    Map<String, String> folders = new LinkedHashMap<>();
    runs.forEach(
        (name, run) -> folders.put(name, options.out().relativize(run.dir()).toString()));
    boolean passed = runs.values().stream().allMatch(RunResult::passed);
    return new Summary.VariantRun(scenario.name(), folders, comparisons, newFindings, passed);
  }

  private static void sideBySide(
      Comparison comparison, RunResult a, String aName, RunResult b, String bName, Path dir) {
    for (Comparison.PageChange page : comparison.pages()) {
      Optional<String> left = clickMap(a, page);
      Optional<String> right = clickMap(b, page);
      if (left.isPresent() && right.isPresent()) {
        SideBySide.write(
            List.of(
                new SideBySide.Panel(aName, a.dir().resolve(left.get())),
                new SideBySide.Panel(bName, b.dir().resolve(right.get()))),
            dir.resolve("side-by-side")
                .resolve(Screens.stem(page.page(), page.bucket()) + "-click.png"));
      }
    }
  }

  private static Optional<String> clickMap(RunResult run, Comparison.PageChange page) {
    return run.summary().pages().stream()
        .filter(p ->
            p.page().equals(page.page()) && p.bucket().equals(page.bucket()) && p.maps() != null)
        .map(p -> p.maps().click())
        .findFirst();
  }
}
