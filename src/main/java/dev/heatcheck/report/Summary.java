package dev.heatcheck.report;

import dev.heatcheck.check.CheckResult;
import java.util.List;

/**
 * summary.json: what a run found, in a form scripts can rely on. {@code version} changes when a field
 * changes meaning or goes away; new fields may appear without it.
 */
public record Summary(
    int version,
    String tool,
    String runId,
    String startedAt,
    String finishedAt,
    String baseUrl,
    String browser,
    boolean passed,
    List<ScenarioRun> scenarios,
    List<FindingRow> findings,
    List<CheckResult> checks,
    List<PageRow> pages,
    String events) {
  public static final int VERSION = 1;

  /** One scenario as run: its file, size of the run, and whether its checks held. */
  public record ScenarioRun(String name, String file, List<String> viewports, int visitors, int clicks, boolean passed) {}

  /** {@code kind} is "dead", "rage" or "error"; {@code count} counts clicks, or bursts for rage. */
  public record FindingRow(
      String kind, String scenario, String page, String viewport, String selector, String text, int count, String signal) {}

  /** One page at one viewport: how much was seen there and the files that show it. */
  public record PageRow(String page, String viewport, int views, int clicks, String heatmap, String screenshot) {}
}
