package dev.heatcheck.check;

import dev.heatcheck.analyze.Analysis;
import dev.heatcheck.drive.StepFailure;
import dev.heatcheck.scenario.Expectations;
import dev.heatcheck.scenario.Limit;
import dev.heatcheck.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Holds each scenario to its {@code expect:} limits, and to having run all its steps. */
public final class Checker {
  private Checker() {}

  public static List<CheckResult> check(Scenario scenario, Analysis analysis, List<StepFailure> failures) {
    List<CheckResult> results = new ArrayList<>();
    for (StepFailure failure : failures) {
      results.add(new CheckResult(scenario.name(), "steps", false, failure.toString(), "all steps done", failure.at().toString()));
    }
    Analysis.Totals totals = analysis.totals(scenario.name());
    Expectations expect = scenario.expect();
    limit(results, scenario, "deadClicks", totals.deadClicks(), expect.deadClicks());
    limit(results, scenario, "rageClicks", totals.rageClicks(), expect.rageClicks());
    limit(results, scenario, "errorClicks", totals.errorClicks(), expect.errorClicks());
    return results;
  }

  private static void limit(List<CheckResult> results, Scenario scenario, String rule, int actual, Limit limit) {
    if (limit != null) {
      results.add(new CheckResult(scenario.name(), rule, actual <= limit.max(), actual, limit.max(), limit.at().toString()));
    }
  }
}
