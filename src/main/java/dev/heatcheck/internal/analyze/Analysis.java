package dev.heatcheck.internal.analyze;

import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a run's events say: every click judged, the friction found, and per-page aggregates to draw. */
public record Analysis(
    List<JudgedClick> clicks, List<Finding> findings, List<PageStats> pages, Map<String, ViewPlace> places) {
  public Analysis {
    clicks = List.copyOf(clicks);
    findings = List.copyOf(findings);
    pages = List.copyOf(pages);
    places = Map.copyOf(places);
  }

  /** Where a view (by id) belongs, if its view event was seen. */
  public Optional<ViewPlace> place(String view) {
    return Optional.ofNullable(view == null ? null : places.get(view));
  }

  /** Counts for one scenario: dead and error clicks, rage clicks (bursts) and all clicks. */
  public Totals totals(String scenario) {
    int all = 0;
    int dead = 0;
    int error = 0;
    for (JudgedClick click : clicks) {
      if (click.scenario().equals(scenario)) {
        all++;
        dead += click.verdict() == Verdict.DEAD ? 1 : 0;
        error += click.verdict() == Verdict.ERROR ? 1 : 0;
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
