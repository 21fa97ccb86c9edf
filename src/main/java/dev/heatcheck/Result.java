package dev.heatcheck;

import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedPage;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.FailedVisitor;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Outcome;
import dev.heatcheck.result.PageSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run found, to assert on (see {@code dev.heatcheck.assertions.HeatcheckAssertions}): its
 * findings, checks, steps that could not be done, visitors and pages that failed, the pages seen,
 * and the folder holding its maps and events.
 */
public final class Result {
  private final Outcome outcome;

  public Result(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The run folder: summary.json, index.html, junit.xml, heatmaps/, screens/ and events.jsonl. */
  public Path dir() {
    return outcome.dir();
  }

  /** Whether every check of the run's scenarios held and every step was done. */
  public boolean passed() {
    return outcome.passed();
  }

  /** Dead, rage and error clicks per target. */
  public List<Finding> findings() {
    return outcome.findings();
  }

  /** The verdict of every {@code expect:} rule. */
  public List<Check> checks() {
    return outcome.checks();
  }

  /** The scenario steps that could not be carried out. */
  public List<FailedStep> failedSteps() {
    return outcome.failedSteps();
  }

  /**
   * The visitors heatcheck had to end (a deadline passed, the page or browser crashed, a page did not
   * load) or did not start (the run's --timeout passed), in the order of the run's plan.
   */
  public List<FailedVisitor> failedVisitors() {
    return outcome.failedVisitors();
  }

  /** The pages the site answered with an HTTP error or broke off, with the visitor and step that met them. */
  public List<FailedPage> failedPages() {
    return outcome.failedPages();
  }

  /** Every page (per viewport bucket) the run had page views on, with its clicked elements. */
  public List<PageSummary> pages() {
    return outcome.pages();
  }

  /** The click heatmap of a page as seen at a viewport ("1280x800") or in a bucket ("desktop"), if the run drew one. */
  public Optional<Path> heatmap(String page, String viewport) {
    return outcome.heatmap(page, viewport);
  }

  @Override
  public String toString() {
    return "heatcheck result in " + dir();
  }
}
