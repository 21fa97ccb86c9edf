package dev.heatcheck.result;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run concluded, in the values a test asserts on; {@code dev.heatcheck.Result} shows it.
 *
 * @param dir the run folder, holding summary.json, index.html, the maps and events.jsonl
 * @param passed whether every check held and every step was done
 */
public record Outcome(
    Path dir,
    boolean passed,
    List<Finding> findings,
    List<Check> checks,
    List<FailedStep> failedSteps,
    List<FailedVisitor> failedVisitors,
    List<FailedPage> failedPages,
    List<PageSummary> pages) {
  public Outcome {
    findings = List.copyOf(findings);
    checks = List.copyOf(checks);
    failedSteps = List.copyOf(failedSteps);
    failedVisitors = List.copyOf(failedVisitors);
    failedPages = List.copyOf(failedPages);
    pages = List.copyOf(pages);
  }

  /** The click heatmap of a page as seen at a viewport ("1280x800") or in a bucket ("desktop"), if one was drawn. */
  public Optional<Path> heatmap(String page, String viewport) {
    return pages.stream()
        .filter(p -> p.page().equals(page)
            && (p.viewports().containsKey(viewport) || p.bucket().equals(viewport)))
        .map(PageSummary::clickMap)
        .filter(map -> map != null)
        .findFirst();
  }
}
