package dev.heatcheck.internal.analyze;

import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.util.List;

/**
 * What a run's events say: the friction found, per-page aggregates to draw, and counters for checks.
 *
 * @param clickTallies clicks per scenario, page, viewport and target, with their verdicts counted
 * @param viewTallies views per scenario, page and viewport, with how deep they got
 * @param undetermined clicks not judged because an effect of a kind this version does not know followed them
 * @param clicks every judged click, only when the analyzer was asked to keep them; empty otherwise
 */
public record Analysis(
    List<Finding> findings,
    List<PageStats> pages,
    List<ClickTally> clickTallies,
    List<ViewTally> viewTallies,
    long undetermined,
    List<JudgedClick> clicks) {
  public Analysis {
    findings = List.copyOf(findings);
    pages = List.copyOf(pages);
    clickTallies = List.copyOf(clickTallies);
    viewTallies = List.copyOf(viewTallies);
    clicks = List.copyOf(clicks);
  }

  /** Every click read, over all scenarios. */
  public long clickCount() {
    long all = 0;
    for (ClickTally tally : clickTallies) {
      all += tally.clicks();
    }
    return all;
  }

  /** Counts for one scenario: dead and error clicks, rage clicks (bursts) and all clicks. */
  public Totals totals(String scenario) {
    int all = 0;
    int dead = 0;
    int error = 0;
    for (ClickTally tally : clickTallies) {
      if (tally.scenario().equals(scenario)) {
        all += tally.clicks();
        dead += tally.dead();
        error += tally.error();
      }
    }
    int rage = 0;
    for (Finding finding : findings) {
      if (finding.kind() == Kind.RAGE && finding.scenario().equals(scenario)) {
        rage += finding.count();
      }
    }
    return new Totals(all, dead, rage, error);
  }

  public record Totals(int clicks, int deadClicks, int rageClicks, int errorClicks) {}
}
